import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { HoverPrefetchLink } from "@/components/ui/hover-prefetch-link";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { auditActionLabel, auditOutcomeLabels, type AuditOutcomeName } from "@/lib/audit-log/params";
import type { AuditLogRow } from "@/lib/audit-log/query";
import { displayName } from "@/lib/clients/display";
import { interfaceLabel } from "@/lib/clients/labels";
import { clientPath } from "@/lib/console-paths";

const outcomeVariants: Record<AuditOutcomeName, BadgeVariant> = { success: "success", failure: "danger", denied: "warning" };

/** Audit events as a dense table: when, what, who (and from where), which client, the outcome and its facts. */
export function AuditTable({
  rows,
  showClient = true,
  showService = false,
  label = "Audit events",
}: {
  rows: AuditLogRow[];
  showClient?: boolean;
  /** A column naming each event's service: for the log of every service. */
  showService?: boolean;
  label?: string;
}) {
  return (
    <div className="rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-950">
      <Table aria-label={label}>
        <TableHeader>
          <TableRow>
            <TableHead className="pl-4">Time</TableHead>
            <TableHead>Action</TableHead>
            <TableHead>Actor</TableHead>
            {showService && <TableHead>Service</TableHead>}
            {showClient && <TableHead>Client</TableHead>}
            <TableHead>Outcome</TableHead>
            <TableHead className="hidden pr-4 lg:table-cell">Details</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.id}>
              <TableCell className="pl-4 align-top text-zinc-600 dark:text-zinc-400">
                <RelativeTime date={row.createdAt} />
              </TableCell>
              <TableCell className="align-top">
                <span className="block font-medium whitespace-nowrap text-zinc-900 dark:text-zinc-100">{auditActionLabel(row.action)}</span>
                <span className="block font-mono text-[11px] text-zinc-500 dark:text-zinc-400">{row.action}</span>
              </TableCell>
              <TableCell className="max-w-64 align-top">
                <span className="block truncate font-mono text-xs text-zinc-800 dark:text-zinc-200" title={row.actor}>
                  {row.actor}
                </span>
                <span className="block truncate text-xs text-zinc-500 dark:text-zinc-400">
                  via {interfaceLabel(row.interface)}
                  {row.ip && ` · ${row.ip}`}
                </span>
              </TableCell>
              {showService && (
                <TableCell className="max-w-40 align-top">
                  <span className="block truncate font-mono text-xs text-zinc-700 dark:text-zinc-300">{row.serviceId ?? "—"}</span>
                </TableCell>
              )}
              {showClient && (
                <TableCell className="max-w-56 align-top">
                  <AuditClient row={row} />
                </TableCell>
              )}
              <TableCell className="align-top">
                <Badge variant={outcomeVariants[row.outcome]}>{auditOutcomeLabels[row.outcome]}</Badge>
              </TableCell>
              <TableCell className="hidden max-w-80 pr-4 align-top text-xs text-zinc-600 lg:table-cell dark:text-zinc-400">
                <AuditDetails details={row.details} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

function AuditClient({ row }: { row: AuditLogRow }) {
  if (!row.clientId) return <span className="text-xs text-zinc-500 dark:text-zinc-400">—</span>;
  // An id that names no client of the service (a failed check with a made-up id) is shown, not linked.
  if (!row.client || !row.serviceId)
    return (
      <span className="block truncate font-mono text-xs text-zinc-600 dark:text-zinc-400" title="No client has this id">
        {row.clientId}
      </span>
    );
  return (
    <HoverPrefetchLink href={clientPath(row.serviceId, row.clientId)} className="group block min-w-0">
      <span className="block truncate text-[13px] font-medium text-accent-700 group-hover:underline dark:text-accent-400">
        {displayName(row.client.name)}
        {row.client.deleted && <span className="ml-1.5 text-xs font-normal text-zinc-500 dark:text-zinc-400">(deleted)</span>}
      </span>
      <span className="block truncate font-mono text-[11px] text-zinc-500 dark:text-zinc-400">{row.clientId}</span>
    </HoverPrefetchLink>
  );
}

/** The event's facts as `name: value` pairs (audit details never hold a secret or a token: lib/audit.ts). */
function AuditDetails({ details }: { details: Record<string, unknown> }) {
  const entries = Object.entries(details);
  if (!entries.length) return <span aria-label="No details">—</span>;
  return (
    <dl className="grid gap-0.5">
      {entries.map(([name, value]) => (
        <div key={name} className="flex min-w-0 gap-1.5">
          <dt className="shrink-0 text-zinc-500 dark:text-zinc-400">{name}</dt>
          <dd className="min-w-0 truncate font-mono text-zinc-800 dark:text-zinc-200" title={formatDetail(value)}>
            {formatDetail(value)}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function formatDetail(value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => (typeof v === "string" ? v : JSON.stringify(v))).join(", ");
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}
