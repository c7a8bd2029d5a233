"use client";

// A client component, like every skeleton: each page's payload then carries a reference to it, not its markup.

import { Skeleton } from "@/components/ui/skeleton";

/** The audit table while its page loads, at the size of the rows that will replace it. */
export function AuditTableSkeleton({ rows = 10 }: { rows?: number }) {
  return (
    <div role="status" aria-label="Loading audit events" className="mt-4 overflow-hidden rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-950">
      <div className="flex h-9 items-center gap-10 border-b border-zinc-200 px-4 dark:border-zinc-800">
        {[40, 56, 48, 48, 56].map((width, i) => (
          <Skeleton key={i} className="h-3" style={{ width }} />
        ))}
      </div>
      <div className="divide-y divide-zinc-100 dark:divide-zinc-800/70">
        {Array.from({ length: rows }, (_, row) => (
          <div key={row} className="flex h-14 items-center gap-8 px-4">
            <Skeleton className="h-3.5 w-24" />
            <div className="grid w-40 gap-1.5">
              <Skeleton className="h-3.5 w-32" />
              <Skeleton className="h-3 w-24" />
            </div>
            <div className="grid w-56 gap-1.5">
              <Skeleton className="h-3.5" style={{ width: `${60 + ((row * 31) % 40)}%` }} />
              <Skeleton className="h-3 w-20" />
            </div>
            <Skeleton className="hidden h-3.5 w-36 md:block" />
            <Skeleton className="h-5 w-16" />
            <Skeleton className="hidden h-3.5 w-48 lg:block" />
          </div>
        ))}
      </div>
    </div>
  );
}
