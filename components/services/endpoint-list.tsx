import type { ReactNode } from "react";
import { CopyButton } from "@/components/ui/copy-button";

export type Endpoint = { label: string; value: string; hint?: ReactNode };

/**
 * URLs to hand out, one a row: the label (and what it is for) beside the URL, monospace, copied whole. A row
 * gives the URL the card's width, so that the part that tells services apart (their ids, at the end) shows.
 */
export function EndpointList({ endpoints }: { endpoints: Endpoint[] }) {
  return (
    <dl className="divide-y divide-zinc-100 dark:divide-zinc-800/70">
      {endpoints.map(({ label, value, hint }) => (
        <div key={label} className="grid gap-1.5 px-4 py-2.5 lg:grid-cols-[14rem_minmax(0,1fr)] lg:items-center lg:gap-4">
          <dt>
            <span className="block text-[13px] font-medium text-zinc-700 dark:text-zinc-300">{label}</span>
            {hint && <span className="block text-xs text-zinc-500 dark:text-zinc-400">{hint}</span>}
          </dt>
          <dd className="flex min-w-0 items-center gap-1 rounded-md border border-zinc-200 bg-zinc-50 py-0.5 pr-1 pl-2.5 font-mono text-[12.5px] dark:border-zinc-800 dark:bg-zinc-950">
            <span className="min-w-0 flex-1 truncate text-zinc-800 dark:text-zinc-200" title={value}>
              {value}
            </span>
            <CopyButton value={value} label={`Copy the ${label.toLowerCase()}`} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
