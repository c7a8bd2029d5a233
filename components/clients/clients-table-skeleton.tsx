import { Skeleton } from "@/components/ui/skeleton";

/** The clients table while its page loads: the same frame, header and row height, so nothing moves. */
export function ClientsTableSkeleton({ rows = 10 }: { rows?: number }) {
  return (
    <div role="status" aria-label="Loading clients" className="mt-4">
      <div className="overflow-hidden rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-950">
        <div className="flex h-9 items-center gap-6 border-b border-zinc-200 px-4 dark:border-zinc-800">
          <Skeleton className="h-3 w-12" />
          <Skeleton className="ml-40 h-3 w-10" />
          <Skeleton className="hidden h-3 w-20 lg:block" />
          <Skeleton className="hidden h-3 w-20 xl:block" />
          <Skeleton className="hidden h-3 w-24 lg:block" />
          <Skeleton className="ml-auto h-3 w-14" />
        </div>
        <div className="divide-y divide-zinc-100 dark:divide-zinc-800/70">
          {Array.from({ length: rows }, (_, row) => (
            <div key={row} className="flex h-[53px] items-center gap-6 px-4">
              <div className="flex w-64 items-center gap-3">
                <Skeleton className="size-8 shrink-0" />
                <div className="grid flex-1 gap-1.5">
                  <Skeleton className="h-3.5" style={{ width: `${55 + ((row * 37) % 40)}%` }} />
                  <Skeleton className="h-3 w-3/4" />
                </div>
              </div>
              <Skeleton className="h-5 w-16" />
              <Skeleton className="hidden h-3.5 w-28 lg:block" />
              <Skeleton className="hidden h-5 w-36 xl:block" />
              <Skeleton className="hidden h-3.5 w-48 lg:block" />
              <Skeleton className="ml-auto h-3.5 w-20" />
            </div>
          ))}
        </div>
      </div>
      <div className="flex items-center justify-between px-1 py-3">
        <Skeleton className="h-3.5 w-32" />
        <div className="flex gap-2">
          <Skeleton className="h-8 w-24" />
          <Skeleton className="h-8 w-20" />
        </div>
      </div>
    </div>
  );
}
