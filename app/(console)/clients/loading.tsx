import { ClientsTableSkeleton } from "@/components/clients/clients-table-skeleton";
import { ConsolePage } from "@/components/console/console-page";
import { Skeleton } from "@/components/ui/skeleton";

export default function ClientsLoading() {
  return (
    <ConsolePage breadcrumbs={[{ label: "Clients" }]}>
      <div className="flex items-start justify-between gap-4">
        <div className="grid gap-2">
          <Skeleton className="h-7 w-44" />
          <Skeleton className="h-5 w-[28rem] max-w-full" />
        </div>
        <Skeleton className="h-9 w-36" />
      </div>
      <div className="mt-5 flex flex-wrap items-center gap-2">
        <Skeleton className="h-8 w-full sm:w-80" />
        <Skeleton className="h-8 w-16" />
        <Skeleton className="h-8 w-28" />
        <Skeleton className="h-8 w-24" />
        <Skeleton className="h-8 w-20" />
        <Skeleton className="ml-auto h-8 w-40" />
      </div>
      <ClientsTableSkeleton />
    </ConsolePage>
  );
}
