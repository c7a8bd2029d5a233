"use client";

// A client component, like every skeleton: each page's payload then carries a reference to it, not its markup.

import { ConsolePage } from "@/components/console/console-page";
import { Skeleton } from "@/components/ui/skeleton";

export default function ConsoleLoading() {
  return (
    <ConsolePage breadcrumbs={[{ label: <Skeleton className="h-4 w-24" /> }]}>
      <div role="status" aria-label="Loading" className="grid gap-6">
        <div className="grid gap-2">
          <Skeleton className="h-7 w-48" />
          <Skeleton className="h-4 w-80 max-w-full" />
        </div>
        <div className="grid gap-px overflow-hidden rounded-lg border border-zinc-200 dark:border-zinc-800">
          {Array.from({ length: 8 }, (_, row) => (
            <div key={row} className="flex items-center gap-4 bg-white px-4 py-3 dark:bg-zinc-950">
              <Skeleton className="size-8 rounded-md" />
              <div className="grid flex-1 gap-1.5">
                <Skeleton className="h-3.5 w-1/3" />
                <Skeleton className="h-3 w-1/4" />
              </div>
              <Skeleton className="hidden h-3.5 w-24 md:block" />
              <Skeleton className="hidden h-3.5 w-20 md:block" />
            </div>
          ))}
        </div>
      </div>
    </ConsolePage>
  );
}
