"use client";

// A client component, like every skeleton: each page's payload then carries a reference to it, not its markup.
// Shown on navigations in the browser only (navigationSkeleton).

import { navigationSkeleton } from "@/components/console/navigation-skeleton";
import { ConsolePage } from "@/components/console/console-page";
import { Skeleton } from "@/components/ui/skeleton";

function SettingsLoading() {
  return (
    <ConsolePage breadcrumbs={[{ label: "Settings" }]}>
      <div role="status" aria-label="Loading" className="grid gap-6">
        <div className="grid gap-2">
          <Skeleton className="h-7 w-32" />
          <Skeleton className="h-4 w-96 max-w-full" />
        </div>
        {[28, 72, 56, 40].map((height, i) => (
          <Skeleton key={i} className="w-full rounded-lg" style={{ height: `${height / 4}rem` }} />
        ))}
      </div>
    </ConsolePage>
  );
}

export default navigationSkeleton(SettingsLoading);
