"use client";

import { MoreHorizontal, Pencil, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import type { ServiceView } from "@/lib/services/queries";

/** A service card's menu on the Services page: Rename…, and Delete… (disabled, with the reason, while it has clients). */
export function ServiceMenu({ service, onRename, onDelete }: { service: ServiceView; onRename: () => void; onDelete: () => void }) {
  return (
    <DropdownMenu modal={false}>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon-sm" aria-label={`Actions for ${service.name}`} className="text-zinc-500">
          <MoreHorizontal aria-hidden />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent className="max-w-72">
        <DropdownMenuItem onSelect={onRename}>
          <Pencil aria-hidden />
          Rename…
        </DropdownMenuItem>
        <DropdownMenuSeparator />
        <DropdownMenuItem destructive disabled={service.deleteBlocked !== null} onSelect={onDelete} className="items-start">
          <Trash2 aria-hidden className="mt-0.5" />
          <span className="grid gap-0.5">
            <span>Delete…</span>
            {service.deleteBlocked && <span className="text-xs text-zinc-600 dark:text-zinc-400">{service.deleteBlocked}</span>}
          </span>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
