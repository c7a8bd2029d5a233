"use client";

// A client component, like every skeleton: each page's payload then carries a reference to it, not its markup.

import { ConsolePage } from "@/components/console/console-page";
import { Skeleton } from "@/components/ui/skeleton";

/** The edit and register pages while they load: header, steps, credentials and an editor-sized block. */
export function EditorPageSkeleton() {
  return (
    <ConsolePage breadcrumbs={[{ label: <Skeleton className="h-4 w-40" /> }]}>
      <div role="status" aria-label="Loading" className="grid gap-6">
        <div className="grid gap-2">
          <Skeleton className="h-7 w-64" />
          <Skeleton className="h-4 w-96 max-w-full" />
        </div>
        <Skeleton className="h-5 w-60" />
        <Skeleton className="h-28 w-full rounded-lg" />
        <Skeleton className="h-[max(26rem,calc(100dvh-24rem))] w-full rounded-lg" />
      </div>
    </ConsolePage>
  );
}
