import { AuditTableSkeleton } from "@/components/audit/audit-table-skeleton";
import { ConsolePage } from "@/components/console/console-page";
import { Skeleton } from "@/components/ui/skeleton";

export default function AuditLoading() {
  return (
    <ConsolePage breadcrumbs={[{ label: "Audit log" }]}>
      <div className="grid gap-2">
        <Skeleton className="h-7 w-36" />
        <Skeleton className="h-4 w-[32rem] max-w-full" />
      </div>
      <div className="mt-5 flex flex-wrap gap-2">
        <Skeleton className="h-8 w-64" />
        <Skeleton className="h-8 w-64" />
        <Skeleton className="h-8 w-20" />
        <Skeleton className="h-8 w-24" />
        <Skeleton className="h-8 w-16" />
      </div>
      <AuditTableSkeleton />
    </ConsolePage>
  );
}
