"use client";

// A client component, like every skeleton: each page's payload then carries a reference to it, not its markup.
// Shown on navigations in the browser only (navigationSkeleton).

import { navigationSkeleton } from "@/components/console/navigation-skeleton";
import { ClientsTableSkeleton } from "@/components/clients/clients-table-skeleton";
import { ListPageSkeleton } from "@/components/console/list-page-skeleton";

function ClientsLoading() {
  return (
    <ListPageSkeleton breadcrumb="Clients" action toolbar={["w-full sm:w-80", "w-16", "w-28", "w-24", "w-20", "ml-auto w-40"]}>
      <ClientsTableSkeleton />
    </ListPageSkeleton>
  );
}

export default navigationSkeleton(ClientsLoading);
