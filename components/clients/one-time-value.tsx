"use client";

import { TriangleAlert } from "lucide-react";
import { useId, type ReactNode } from "react";
import { CopyButton } from "@/components/ui/copy-button";

/** A credential shown once: labelled, selectable, monospace, with a copy button. Never stored by the console. */
export function OneTimeValue({ label, value }: { label: string; value: string }) {
  const id = useId();
  return (
    <div className="grid gap-1">
      <span id={id} className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
        {label}
      </span>
      <div className="flex items-center gap-1 rounded-md border border-zinc-200 bg-zinc-50 py-1 pr-1 pl-2.5 dark:border-zinc-800 dark:bg-zinc-950">
        <output aria-labelledby={id} className="min-w-0 flex-1 font-mono text-[13px] break-all text-zinc-900 select-all dark:text-zinc-100">
          {value}
        </output>
        <CopyButton value={value} label={`Copy the ${label.toLowerCase()}`} />
      </div>
    </div>
  );
}

/** The warning that goes with one-time credentials. */
export function OneTimeNotice({ children }: { children: ReactNode }) {
  return (
    <p className="flex gap-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-[13px] text-amber-900 dark:border-amber-900/60 dark:bg-amber-950/40 dark:text-amber-200">
      <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
      <span>{children}</span>
    </p>
  );
}
