"use client";

import { ChevronDown, Languages } from "lucide-react";
import { lazy, useState } from "react";
import { AfterHydration } from "@/components/ui/after-hydration";

export type NameVariant = { tag: string | null; label: string; value: string };

// The menu's code (Radix dropdown) arrives just after the page, not with it; meanwhile its button is inert.
const LanguageMenu = lazy(() => import("./language-menu").then((m) => ({ default: m.LanguageMenu })));

/**
 * The client's name as the page's title, with a menu of its language-tagged variants (`client_name#fr`,
 * RFC 7591 §2.2) when it has any: choosing one shows the name as end-users of that language see it.
 */
export function LocalizedName({ variants }: { variants: NameVariant[] }) {
  const [chosen, setChosen] = useState(0);
  const current = variants[chosen] ?? variants[0]!;
  const trigger = (inert: boolean) => (
    <button
      type="button"
      aria-label={`Name in other languages, showing ${current.tag ?? "Default"}`}
      aria-disabled={inert || undefined}
      className="inline-flex h-6 cursor-pointer items-center gap-1 rounded-md border border-zinc-200 px-1.5 text-xs font-medium text-zinc-600 hover:bg-zinc-50 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800"
    >
      <Languages className="size-3.5" aria-hidden />
      {current.tag ?? "Default"}
      <ChevronDown className="size-3 opacity-60" aria-hidden />
    </button>
  );
  return (
    <div className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1">
      <h1 lang={current.tag ?? undefined} className="min-w-0 truncate text-xl font-semibold tracking-tight text-zinc-900 dark:text-zinc-50">
        {current.value}
      </h1>
      {variants.length > 1 && (
        <AfterHydration fallback={trigger(true)}>
          <LanguageMenu variants={variants} chosen={chosen} onChoose={setChosen} trigger={trigger(false)} />
        </AfterHydration>
      )}
    </div>
  );
}
