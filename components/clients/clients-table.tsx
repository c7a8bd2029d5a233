import * as arrowDownIcon from "lucide-react/icons/arrow-down";
import * as arrowUpIcon from "lucide-react/icons/arrow-up";
import { SearchX } from "lucide-react";
import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { Table, TableBody, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ClientCount, ClientListPage, ClientListRow } from "@/lib/clients/list";
import { clearedFilters, clientListHref, defaultOrder, isFiltered, type ClientListQuery, type ClientSort } from "@/lib/clients/list-params";
import { cn } from "@/lib/cn";
import { ClientRow, type ListedClient } from "./client-row";
import { clientColumns } from "./clients-table-columns";
import { lightIcon } from "@/components/ui/light-icon";

// Light icons: the console's frame and the clients list render these on every page.
const ArrowDown = lightIcon(arrowDownIcon);
const ArrowUp = lightIcon(arrowUpIcon);

const { wide, medium } = clientColumns;

/** A row's data for the browser: its keyset cursor stays here. */
const listedClient = ({ cursor: _cursor, ...row }: ClientListRow): ListedClient => row;

/** One page of the clients list with its paging, or the no-results state. Rendered inside the page's Suspense. */
export async function ClientsTable({
  serviceId,
  list,
  query,
  canEdit,
  canDelete,
}: {
  serviceId: string;
  /** The page and its count, being read (readClientList). */
  list: Promise<{ page: ClientListPage; count: ClientCount }>;
  query: ClientListQuery;
  canEdit: boolean;
  canDelete: boolean;
}) {
  const filtered = isFiltered(query);
  const { page, count } = await list;

  if (page.rows.length === 0) {
    if (filtered)
      return (
        <EmptyState
          className="mt-4"
          icon={SearchX}
          title={query.q ? `No clients match “${query.q}”` : "No clients match these filters"}
          description="Try other words or fewer filters. Search looks at names, client ids, redirect URIs and contacts."
        >
          <Link href={clearedFilters(serviceId, query)} className={buttonClassName({ variant: "secondary" })}>
            Clear filters
          </Link>
        </EmptyState>
      );
    return (
      <EmptyState className="mt-4" icon={SearchX} title="No more clients" description="The clients after this page were deleted meanwhile.">
        <Link href={clientListHref(serviceId, query)} className={buttonClassName({ variant: "secondary" })}>
          Back to the first page
        </Link>
      </EmptyState>
    );
  }

  return (
    <div className="mt-4">
      <div className="rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-950">
        <Table aria-label="Clients">
          <TableHeader>
            <TableRow>
              <TableHead className="pl-4" aria-sort={query.sort === "name" ? (query.order === "asc" ? "ascending" : "descending") : undefined}>
                <SortLink serviceId={serviceId} query={query} sort="name">
                  Name
                </SortLink>
              </TableHead>
              <TableHead>Type</TableHead>
              <TableHead className={medium}>Auth method</TableHead>
              <TableHead className={wide}>Grant types</TableHead>
              <TableHead className={medium}>Redirect URI</TableHead>
              <TableHead aria-sort={query.sort === "created" || query.sort === "updated" ? (query.order === "asc" ? "ascending" : "descending") : undefined}>
                <SortLink serviceId={serviceId} query={query} sort="created">
                  Created
                </SortLink>
                <span className="mx-1 text-zinc-300 dark:text-zinc-600" aria-hidden>
                  /
                </span>
                <SortLink serviceId={serviceId} query={query} sort="updated">
                  updated
                </SortLink>
              </TableHead>
              <TableHead className="w-12 pr-3">
                <span className="sr-only">Actions</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {page.rows.map((row) => (
              <ClientRow key={row.clientId} row={listedClient(row)} canEdit={canEdit} canDelete={canDelete} />
            ))}
          </TableBody>
        </Table>
      </div>
      <Pagination
        label="Clients pages"
        start={page.start}
        shown={page.rows.length}
        total={count}
        previousHref={page.previousCursor ? clientListHref(serviceId, query, { before: page.previousCursor, after: undefined, start: Math.max(1, page.start - page.rows.length) }) : null}
        nextHref={page.nextCursor ? clientListHref(serviceId, query, { after: page.nextCursor, before: undefined, start: page.start + page.rows.length }) : null}
      />
    </div>
  );
}

/** A column header's link that sorts by its column; a second click reverses the order. */
function SortLink({ serviceId, query, sort, children }: { serviceId: string; query: ClientListQuery; sort: ClientSort; children: string }) {
  const active = query.sort === sort;
  const order = active ? (query.order === "asc" ? "desc" : "asc") : defaultOrder[sort];
  const Arrow = query.order === "asc" ? ArrowUp : ArrowDown;
  return (
    <Link
      href={clientListHref(serviceId, query, { sort, order })}
      scroll={false}
      prefetch={false}
      className={cn("inline-flex items-center gap-1 rounded-sm hover:text-zinc-900 dark:hover:text-zinc-100", active && "text-zinc-900 dark:text-zinc-100")}
    >
      {children}
      {active && <Arrow className="size-3" aria-hidden />}
      <span className="sr-only">{active ? `, sorted ${query.order === "asc" ? "ascending" : "descending"}; reverse` : `, sort by ${children.toLowerCase()}`}</span>
    </Link>
  );
}
