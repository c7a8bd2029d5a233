"use client";

// A client component, like every skeleton: each page's payload then carries a reference to it, not its markup.

import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { clientColumns } from "./clients-table-columns";

/** The clients table while its page loads: the same columns, header and row height, so nothing moves. */
export function ClientsTableSkeleton({ rows = 10 }: { rows?: number }) {
  return (
    <div role="status" aria-label="Loading clients" className="mt-4">
      <div className="rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-950">
        <Table aria-hidden>
          <TableHeader>
            <TableRow>
              <TableHead className="pl-4">Name</TableHead>
              <TableHead>Type</TableHead>
              <TableHead className={clientColumns.medium}>Auth method</TableHead>
              <TableHead className={clientColumns.wide}>Grant types</TableHead>
              <TableHead className={clientColumns.medium}>Redirect URI</TableHead>
              <TableHead>Created / updated</TableHead>
              <TableHead className="w-12 pr-3" />
            </TableRow>
          </TableHeader>
          <TableBody>
            {Array.from({ length: rows }, (_, row) => (
              <TableRow key={row} className="hover:bg-transparent dark:hover:bg-transparent">
                <TableCell className="w-64 py-2 pl-4">
                  <div className="flex items-center gap-3">
                    <Skeleton className="size-8 shrink-0" />
                    <div className="grid flex-1 gap-1.5">
                      <Skeleton className="h-3.5" style={{ width: `${55 + ((row * 37) % 40)}%` }} />
                      <Skeleton className="h-3 w-40" />
                    </div>
                  </div>
                </TableCell>
                <TableCell>
                  <Skeleton className="h-5 w-16" />
                </TableCell>
                <TableCell className={clientColumns.medium}>
                  <Skeleton className="h-3.5 w-24" />
                </TableCell>
                <TableCell className={clientColumns.wide}>
                  <Skeleton className="h-5 w-28" />
                </TableCell>
                <TableCell className={clientColumns.medium}>
                  <Skeleton className="h-3.5 w-44" />
                </TableCell>
                <TableCell>
                  <div className="grid gap-1.5">
                    <Skeleton className="h-3.5 w-24" />
                    <Skeleton className="h-3 w-28" />
                  </div>
                </TableCell>
                <TableCell className="pr-3">
                  <Skeleton className="size-6" />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
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
