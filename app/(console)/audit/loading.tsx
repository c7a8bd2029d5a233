"use client";

// A client component, like every skeleton: each page's payload then carries a reference to it, not its markup.

import { AuditTableSkeleton } from "@/components/audit/audit-table-skeleton";
import { ListPageSkeleton } from "@/components/console/list-page-skeleton";

export default function AuditLoading() {
  return (
    <ListPageSkeleton breadcrumb="Audit log" toolbar={["w-full sm:w-64", "w-full sm:w-64", "w-20", "w-24", "w-16"]}>
      <AuditTableSkeleton />
    </ListPageSkeleton>
  );
}
