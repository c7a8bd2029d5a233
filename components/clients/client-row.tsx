"use client";

import { useServiceId } from "@/components/console/use-service-id";
import { HoverPrefetchLink } from "@/components/ui/hover-prefetch-link";
import { RelativeTime } from "@/components/ui/relative-time";
import { TableCell, TableRow } from "@/components/ui/table";
import { displayName } from "@/lib/clients/display";
import { clientPath } from "@/lib/console-paths";
import { authMethodLabel, grantTypeLabel } from "@/lib/clients/labels";
import type { ClientListRow } from "@/lib/clients/list";
import { ClientKindBadge, GrantTypeChip } from "./client-badges";
import { ClientLogo } from "./client-logo";
import { ClientRowMenu } from "./client-row-menu";
import { clientColumns } from "./clients-table-columns";

const { wide, medium } = clientColumns;

/** What a row shows of a listed client (its keyset cursor stays on the server). */
export type ListedClient = Omit<ClientListRow, "cursor">;

/**
 * One client in the clients list. A client component although it is only rendered: the page's payload then
 * carries each row's data once, not its markup, which keeps a list page's payload and render time small
 * (docs/BENCHMARKS.md, Design notes).
 */
export function ClientRow({ row, canEdit, canDelete }: { row: ListedClient; canEdit: boolean; canDelete: boolean }) {
  const href = clientPath(useServiceId(), row.clientId);
  const name = displayName(row.name);
  const shownGrants = row.grantTypes.slice(0, 1);
  return (
    <TableRow className="group">
      <TableCell className="max-w-64 py-2 pl-4">
        <div className="flex min-w-0 items-center gap-3">
          <ClientLogo src={row.logoUri} name={row.name} />
          <div className="min-w-0">
            <HoverPrefetchLink
              href={href}
              className={row.name ? "block truncate font-medium text-zinc-900 hover:underline dark:text-zinc-100" : "block truncate font-medium text-zinc-500 italic hover:underline dark:text-zinc-400"}
            >
              {name}
            </HoverPrefetchLink>
            <span className="block truncate font-mono text-xs text-zinc-500 dark:text-zinc-400">{row.clientId}</span>
          </div>
        </div>
      </TableCell>
      <TableCell>
        <ClientKindBadge kind={row.kind} />
      </TableCell>
      <TableCell className={`${medium} whitespace-nowrap text-zinc-700 dark:text-zinc-300`} title={row.tokenEndpointAuthMethod}>
        {authMethodLabel(row.tokenEndpointAuthMethod)}
      </TableCell>
      <TableCell className={wide}>
        <div className="flex items-center gap-1">
          {shownGrants.map((grantType) => (
            <GrantTypeChip key={grantType} grantType={grantType} />
          ))}
          {row.grantTypes.length > shownGrants.length && (
            <span className="text-xs text-zinc-500 dark:text-zinc-400" title={row.grantTypes.slice(1).map(grantTypeLabel).join(", ")}>
              +{row.grantTypes.length - shownGrants.length}
            </span>
          )}
        </div>
      </TableCell>
      <TableCell className={medium}>
        {row.firstRedirectUri ? (
          <div className="flex max-w-44 items-center gap-1.5 2xl:max-w-80">
            <span className="truncate font-mono text-xs text-zinc-700 dark:text-zinc-300" title={row.firstRedirectUri}>
              {row.firstRedirectUri}
            </span>
            {row.redirectUriCount > 1 && (
              <span className="shrink-0 rounded bg-zinc-100 px-1 text-[11px] font-medium text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400" title={`${row.redirectUriCount} redirect URIs`}>
                +{row.redirectUriCount - 1}
              </span>
            )}
          </div>
        ) : (
          <span className="text-xs text-zinc-500 dark:text-zinc-400">None</span>
        )}
      </TableCell>
      <TableCell className="text-zinc-700 dark:text-zinc-300">
        <RelativeTime date={row.createdAt} className="block w-fit" />
        <span className="flex gap-1 text-xs text-zinc-500 dark:text-zinc-400">
          updated <RelativeTime date={row.updatedAt} />
        </span>
      </TableCell>
      <TableCell className="pr-3 text-right">
        <ClientRowMenu clientId={row.clientId} clientName={name} canEdit={canEdit} canDelete={canDelete} />
      </TableCell>
    </TableRow>
  );
}
