"use client";

// A client component, like every skeleton: each page's payload then carries a reference to it, not its markup.
// Shown on navigations in the browser only (navigationSkeleton).

import { navigationSkeleton } from "@/components/console/navigation-skeleton";
import { ConsolePage } from "@/components/console/console-page";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
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
            <CardContent className="grid gap-4 py-4 md:grid-cols-3">
              {[0, 1, 2].map((j) => (
                <div key={j} className="grid gap-1.5">
                  <Skeleton className="h-3.5 w-32" />
                  <Skeleton className="h-8 w-full" />
                  <Skeleton className="h-3.5 w-48 max-w-full" />
                </div>
              ))}
            </CardContent>
          </Card>
        ))}
      </div>
    </ConsolePage>
  );
}

export default navigationSkeleton(ServicesLoading);
