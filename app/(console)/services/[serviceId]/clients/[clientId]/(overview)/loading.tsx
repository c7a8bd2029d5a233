"use client";

// A client component, like every skeleton: each page's payload then carries a reference to it, not its markup.
// Shown on navigations in the browser only (navigationSkeleton).

import { useServiceId } from "@/components/console/use-service-id";
import { servicePath } from "@/lib/console-paths";
import { navigationSkeleton } from "@/components/console/navigation-skeleton";
import { ConsolePage } from "@/components/console/console-page";
import { Skeleton } from "@/components/ui/skeleton";

function ClientLoading() {
  const serviceId = useServiceId();
  return (
    <ConsolePage breadcrumbs={[{ label: "Clients", href: servicePath(serviceId, "/clients") }, { label: <Skeleton className="h-4 w-32" /> }]}>
      <div role="status" aria-label="Loading client">
        <div className="flex items-start gap-4">
          <Skeleton className="size-12 shrink-0" />
          <div className="grid flex-1 gap-2">
            <Skeleton className="h-7 w-64" />
            <Skeleton className="h-4 w-56" />
            <div className="flex gap-1.5">
              <Skeleton className="h-5 w-14" />
              <Skeleton className="h-5 w-24" />
              <Skeleton className="h-5 w-36" />
            </div>
          </div>
          <Skeleton className="h-9 w-20" />
        </div>
        <div className="mt-4 flex gap-4 border-b border-zinc-200 pb-2.5 dark:border-zinc-800">
          {[72, 76, 70, 48].map((width) => (
            <Skeleton key={width} className="h-4" style={{ width }} />
          ))}
        </div>
        <div className="mt-5 columns-1 gap-4 xl:columns-2 [&>*]:mb-4">
          {[5, 3, 6, 2, 4, 2].map((lines, card) => (
            <div key={card} className="break-inside-avoid rounded-lg border border-zinc-200 dark:border-zinc-800">
              <div className="border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
                <Skeleton className="h-4 w-36" />
              </div>
              <div className="grid gap-2.5 px-4 py-3">
                {Array.from({ length: lines }, (_, line) => (
                  <Skeleton key={line} className="h-3.5" style={{ width: `${60 + ((card * 13 + line * 29) % 35)}%` }} />
                ))}
              </div>
            </div>
          ))}
        </div>
      </div>
    </ConsolePage>
  );
}

export default navigationSkeleton(ClientLoading);
