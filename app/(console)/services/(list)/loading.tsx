"use client";

// A client component, like every skeleton: each page's payload then carries a reference to it, not its markup.
// Shown on navigations in the browser only (navigationSkeleton).

import { navigationSkeleton } from "@/components/console/navigation-skeleton";
import { ConsolePage } from "@/components/console/console-page";
import { Card, CardHeader } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";

function ServicesLoading() {
  return (
    <ConsolePage breadcrumbs={[{ label: "Services" }]}>
      <div role="status" aria-label="Loading" className="grid gap-6">
        <div className="flex items-start justify-between gap-4">
          <div className="grid flex-1 gap-2">
            <Skeleton className="h-7 w-32" />
            <Skeleton className="h-4 w-[32rem] max-w-full" />
          </div>
          <Skeleton className="h-9 w-32" />
        </div>
        {[0, 1].map((i) => (
          <Card key={i}>
            <CardHeader className="items-center">
              <div className="grid flex-1 gap-2">
                <Skeleton className="h-5 w-48" />
                <Skeleton className="h-4 w-72 max-w-full" />
              </div>
              <Skeleton className="h-8 w-24" />
            </CardHeader>
            <div className="divide-y divide-zinc-100 dark:divide-zinc-800/70">
              {[0, 1, 2].map((j) => (
                <div key={j} className="grid gap-1.5 px-4 py-2.5 lg:grid-cols-[14rem_minmax(0,1fr)] lg:items-center lg:gap-4">
                  <div className="grid gap-1">
                    <Skeleton className="h-3.5 w-36" />
                    <Skeleton className="h-3 w-44 max-w-full" />
                  </div>
                  <Skeleton className="h-8 w-full" />
                </div>
              ))}
            </div>
          </Card>
        ))}
      </div>
    </ConsolePage>
  );
}

export default navigationSkeleton(ServicesLoading);
