import { Prisma } from "@/generated/prisma/client";
import { queryRows } from "@/lib/db";
import { containsPattern } from "@/lib/like-pattern";
import { dayRange } from "@/lib/url-state";
import { decodeCursor, encodeCursor, readKeysetPage, type CursorValue, type KeysetPage } from "@/lib/keyset";
import { auditPageSize, type AuditLogFilters, type AuditLogQuery, type AuditOutcomeName } from "./params";

// The audit log, newest first, in keyset pages over audit_event (created_at DESC, id DESC). Reads only.

const { sql, join, empty } = Prisma;

export type AuditLogRow = {
  id: string;
  /** The service the event belongs to; null for events of no service (administrator sign-ins). */
  serviceId: string | null;
  createdAt: Date;
  actor: string;
  action: string;
  clientId: string | null;
  /** The client's name when the id names a client of the service; null for unknown ids (failed checks). */
  client: { name: string | null; deleted: boolean } | null;
  outcome: AuditOutcomeName;
  interface: string | null;
  ip: string | null;
  requestId: string | null;
  /** Facts that explain the outcome; never a secret or a token (lib/audit.ts). */
  details: Record<string, unknown>;
  cursor: string;
};

type Row = {
  /** A bigint, as node-postgres reads one: its decimal digits. */
  id: string;
  service_id: string | null;
  created_at: Date;
  actor: string;
  action: string;
  client_id: string | null;
  client_known: boolean;
  client_name: string | null;
  client_deleted: boolean;
  outcome: AuditOutcomeName;
  interface: string | null;
  ip: string | null;
  request_id: string | null;
  details: Record<string, unknown>;
};

/**
 * The service's events and those of no service (administrator sign-ins), or with `allServices` every event,
 * narrowed by the filters.
 */
function filterConditions(serviceId: string, f: AuditLogFilters): Prisma.Sql {
  const { from, to } = dayRange(f.from, f.to);
  const conditions = [
    f.allServices ? empty : sql`(a.service_id = ${serviceId} OR a.service_id IS NULL)`,
    f.actor ? sql`a.actor ILIKE ${containsPattern(f.actor)}` : empty,
    f.action ? sql`a.action = ${f.action}` : empty,
    f.client ? sql`a.client_id = ${f.client}` : empty,
    f.outcome ? sql`a.outcome = ${f.outcome}::audit_outcome` : empty,
    from ? sql`a.created_at >= ${from}` : empty,
    to ? sql`a.created_at < ${to}` : empty,
  ].filter((c) => c !== empty);
  return conditions.length ? join(conditions, " AND ") : sql`TRUE`;
}

const validCursor = (values: CursorValue[]) => values.length === 2 && !Number.isNaN(Date.parse(String(values[0]))) && /^\d+$/.test(String(values[1]));

/** One page of the audit log, newest first: `serviceId`'s events, or every service's with `query.allServices`. */
export async function listAuditEvents(serviceId: string, query: AuditLogQuery, size = auditPageSize): Promise<KeysetPage<AuditLogRow>> {
  return readKeysetPage(
    { after: decodeCursor(query.after, validCursor), before: decodeCursor(query.before, validCursor), start: query.start },
    async (direction, cursor, limit) => {
      const newestFirst = direction === "forward";
      const keyset = cursor ? sql` AND (a.created_at, a.id) ${newestFirst ? sql`<` : sql`>`} (${String(cursor[0])}::timestamptz, ${String(cursor[1])}::bigint)` : empty;
      const order = newestFirst ? sql`DESC` : sql`ASC`;
      // On the pool, not through Prisma: the page is read on every view, and Prisma's handling of a raw query's
      // rows costs several times the query (lib/db.ts).
      const rows = await queryRows<Row>(sql`
        SELECT a.id, a.service_id, a.created_at, a.actor, a.action, a.client_id, a.outcome::text AS outcome, a.interface::text AS interface, a.ip,
               a.request_id, a.details, (c.id IS NOT NULL) AS client_known, c.client_name, (c.deleted_at IS NOT NULL) AS client_deleted
          FROM audit_event a
          LEFT JOIN client c ON c.client_id = a.client_id AND c.service_id = a.service_id
         WHERE ${filterConditions(serviceId, query)}${keyset}
         ORDER BY a.created_at ${order}, a.id ${order}
         LIMIT ${limit}`);
      return rows.map(toAuditRow);
    },
    size,
  );
}

function toAuditRow(row: Row): AuditLogRow {
  return {
    id: row.id,
    serviceId: row.service_id,
    createdAt: row.created_at,
    actor: row.actor,
    action: row.action,
    clientId: row.client_id,
    client: row.client_known ? { name: row.client_name, deleted: row.client_deleted } : null,
    outcome: row.outcome,
    interface: row.interface,
    ip: row.ip,
    requestId: row.request_id,
    details: row.details,
    cursor: encodeCursor([row.created_at.toISOString(), String(row.id)]),
  };
}
