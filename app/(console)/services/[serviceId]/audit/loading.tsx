"use client";

// A client component, like every skeleton: each page's payload then carries a reference to it, not its markup.
// Shown on navigations in the browser only (navigationSkeleton).

import { navigationSkeleton } from "@/components/console/navigation-skeleton";
import { AuditTableSkeleton } from "@/components/audit/audit-table-skeleton";
import { ListPageSkeleton } from "@/components/console/list-page-skeleton";

function AuditLoading() {
  return (
    <ListPageSkeleton breadcrumb="Audit log" toolbar={["w-full sm:w-64", "w-full sm:w-64", "w-20", "w-24", "w-16"]}>
      <AuditTableSkeleton />
    </ListPageSkeleton>
  );
}

export default navigationSkeleton(AuditLoading);
