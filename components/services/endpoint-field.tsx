import type { ReactNode } from "react";
import { CopyButton } from "@/components/ui/copy-button";

/** A URL to hand out: labelled, monospace, cut to one line (the full URL in its tooltip) and copied whole. */
export function EndpointField({ label, value, hint }: { label: string; value: string; hint?: ReactNode }) {
  return (
    <div className="grid min-w-0 grid-cols-1 content-start gap-1">
      <span className="text-xs font-medium text-zinc-600 dark:text-zinc-400">{label}</span>
      <span className="flex items-center gap-1 rounded-md border border-zinc-200 bg-zinc-50 py-0.5 pr-1 pl-2.5 font-mono text-[12.5px] dark:border-zinc-800 dark:bg-zinc-950">
        <span className="min-w-0 flex-1 truncate text-zinc-800 dark:text-zinc-200" title={value}>
          {value}
        </span>
        <CopyButton value={value} label={`Copy the ${label.toLowerCase()}`} />
      </span>
      {hint && <span className="text-[12.5px] text-zinc-500 dark:text-zinc-400">{hint}</span>}
    </div>
  );
}
