"use client";

import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import type { NameVariant } from "./localized-name";

/** The menu of a name's language variants; `trigger` is the button that opens it. */
export function LanguageMenu({ variants, chosen, onChoose, trigger }: { variants: NameVariant[]; chosen: number; onChoose: (index: number) => void; trigger: React.ReactElement }) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>{trigger}</DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="min-w-64">
        <DropdownMenuLabel>client_name in {variants.length} languages</DropdownMenuLabel>
        <DropdownMenuRadioGroup value={String(chosen)} onValueChange={(value) => onChoose(Number(value))}>
          {variants.map((variant, i) => (
            <DropdownMenuRadioItem key={variant.tag ?? ""} value={String(i)}>
              <span className="grid min-w-0">
                <span className="truncate text-zinc-900 dark:text-zinc-100" lang={variant.tag ?? undefined}>
                  {variant.value}
                </span>
                <span className="text-xs text-zinc-500 dark:text-zinc-400">{variant.label}</span>
              </span>
            </DropdownMenuRadioItem>
          ))}
        </DropdownMenuRadioGroup>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
