import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { recordAudit, type Caller } from "@/lib/audit";
import { config } from "@/lib/config";
import { queryRow, queryRows } from "@/lib/db";
import { defaultPolicy } from "./policy";
import * as store from "./store";
import { serviceIdPattern } from "./uris";

// The lifecycle of services: one Registrar for several authorization servers, each with its own clients,
// policy, tokens and API keys. The console's Services page calls these; each change is saved together with its
// audit event. A deleted service stays as a tombstone (deleted_at): invisible everywhere, and its id is never
// given to another service, so its audit events and deleted clients keep naming it alone. The statements are
// here, as import.ts keeps its own: they concern the service rows only.

const { sql } = Prisma;

/** A problem with a request: the field it concerns and the rule it broke. */
export type ServiceIssue = { path: string[]; message: string };

export type ServiceOutcome<T> = { ok: true; value: T } | { ok: false; status: 400 | 404 | 409; issues: ServiceIssue[] };

/** How many live clients a service has: exactly up to `clientCountCap`, the planner's estimate beyond it. */
export type ServiceClientCount = { value: number; exact: boolean };

export type ServiceSummary = {
  id: string;
  name: string;
  createdAt: Date;
  clients: ServiceClientCount;
  /** The service of REGISTRAR_SERVICE_ID: the one the old addresses and the environment's API key belong to. */
  isDefault: boolean;
};

/** Counted exactly up to here; past it a count would read every row of the service, and the estimate is shown. */
export const clientCountCap = 10_000;

export const ServiceNameSchema = z
  .string({ error: "must be text" })
  .trim()
  .min(1, "must not be empty")
  .max(100, "must be at most 100 characters");

export const ServiceIdSchema = z
  .string({ error: "must be text" })
  .regex(serviceIdPattern, "must be 1–64 letters, digits, '.', '_' or '-', starting with a letter or a digit");

export const NewServiceSchema = z.object({ id: ServiceIdSchema, name: ServiceNameSchema });
export type NewService = z.infer<typeof NewServiceSchema>;

function refused<T>(status: 400 | 404 | 409, path: string, message: string): ServiceOutcome<T> {
  return { ok: false, status, issues: [{ path: [path], message }] };
}

function issuesOf(error: z.ZodError): ServiceIssue[] {
  return error.issues.map((i) => {
    const path = i.path.map(String);
    return { path, message: `${path.length ? `${path.join(".")} ` : ""}${i.message}` };
  });
}

const notFound = <T>(id: string) => refused<T>(404, "id", `No service with the id “${id}”`);

/**
 * The live services, the default first, then by name, each with its count of live clients. Each count reads at
 * most clientCountCap + 1 index entries (the list's partial index on live clients); a larger service's count is
 * the planner's estimate from the column statistics, as the clients list shows its totals.
 */
export async function listServices(): Promise<ServiceSummary[]> {
  const defaultId = config().serviceId;
  const rows = await queryRows<{ id: string; name: string; created_at: Date; counted: number }>(sql`
    SELECT s.id, s.name, s.created_at,
           (SELECT count(*)::int FROM (SELECT 1 FROM client c WHERE c.service_id = s.id AND c.deleted_at IS NULL LIMIT ${clientCountCap + 1}) AS capped) AS counted
      FROM service s
     WHERE s.deleted_at IS NULL
     ORDER BY s.id = ${defaultId} DESC, lower(s.name), s.id`);
  return Promise.all(
    rows.map(async (row) => ({
      id: row.id,
      name: row.name,
      createdAt: row.created_at,
      clients: row.counted <= clientCountCap ? { value: row.counted, exact: true } : { value: Math.max(await estimatedClients(row.id), row.counted), exact: false },
      isDefault: row.id === defaultId,
    })),
  );
}

/** The planner's estimate of a service's live clients (from the statistics ANALYZE keeps of service_id). */
async function estimatedClients(serviceId: string): Promise<number> {
  const { "QUERY PLAN": plan } = await queryRow<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }>(
    sql`EXPLAIN (FORMAT JSON) SELECT 1 FROM client WHERE service_id = ${serviceId} AND deleted_at IS NULL`,
  );
  return Math.round(plan[0].Plan["Plan Rows"]);
}

/** A live service's id and name; null when there is none (or it was deleted). */
export async function findService(id: string): Promise<{ id: string; name: string; createdAt: Date } | null> {
  if (!serviceIdPattern.test(id)) return null;
  const [row] = await queryRows<{ id: string; name: string; created_at: Date }>(sql`SELECT id, name, created_at FROM service WHERE id = ${id} AND deleted_at IS NULL`);
  return row ? { id: row.id, name: row.name, createdAt: row.created_at } : null;
}

/** Why an id cannot be given to a new service, or null when it is free. Ids differing only in case are too easily confused in a URL. */
export async function serviceIdUnavailable(id: string): Promise<string | null> {
  const rows = await queryRows<{ id: string; deleted: boolean }>(sql`SELECT id, deleted_at IS NOT NULL AS deleted FROM service WHERE lower(id) = lower(${id})`);
  const same = rows.find((r) => r.id === id) ?? rows[0];
  if (!same) return null;
  const as = same.id === id ? "" : ` (as “${same.id}”: ids differing only in case are not allowed)`;
  return same.deleted
    ? `id “${id}” belonged to a deleted service${as}; a service id is never reused, so that its audit events keep naming one service`
    : `id “${id}” is already taken by another service${as}`;
}

/**
 * Creates a service with the default policy (lib/registration/policy.ts) and no clients, API keys or tokens.
 * Its id is chosen here and never changes: it stands in the service's URLs.
 */
export async function createService(input: unknown, caller: Caller): Promise<ServiceOutcome<{ id: string; name: string; createdAt: Date }>> {
  const parsed = NewServiceSchema.safeParse(input);
  if (!parsed.success) return { ok: false, status: 400, issues: issuesOf(parsed.error) };
  const { id, name } = parsed.data;
  const taken = await serviceIdUnavailable(id);
  if (taken) return refused(409, "id", taken);
  const created = await store.withTransaction(async (tx) => {
    // Two creations of one id (or of ids differing in case) cross here: the second waits, then finds the first.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`service-id:${id.toLowerCase()}`}, 0))`;
    const [clash] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM service WHERE lower(id) = lower(${id})`;
    if (clash) return null;
    const row = await tx.service.create({ data: { id, name, policy: defaultPolicy as unknown as Prisma.InputJsonValue }, select: { id: true, name: true, createdAt: true } });
    await recordAudit(tx, caller, { serviceId: id, action: "service.created", outcome: "success", details: { name } });
    await store.announceServiceChange(tx, id);
    return row;
  });
  if (!created) return refused(409, "id", (await serviceIdUnavailable(id)) ?? `id “${id}” is already taken by another service`);
  store.forgetService(id); // a lookup of the id before it existed may have cached "no such service"
  return { ok: true, value: created };
}

/** Renames a live service; the audit event records the names before and after. The same name writes nothing. */
export async function renameService(id: string, name: unknown, caller: Caller): Promise<ServiceOutcome<{ id: string; name: string }>> {
  const parsed = ServiceNameSchema.safeParse(name);
  if (!parsed.success) return refused(400, "name", `name ${parsed.error.issues[0]!.message}`);
  const after = parsed.data;
  const outcome = await store.withTransaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ name: string }[]>`SELECT name FROM service WHERE id = ${id} AND deleted_at IS NULL FOR UPDATE`;
    if (!row) return null;
    if (row.name === after) return { id, name: after };
    await tx.$executeRaw`UPDATE service SET name = ${after}, updated_at = now() WHERE id = ${id}`;
    await recordAudit(tx, caller, { serviceId: id, action: "service.renamed", outcome: "success", details: { before: row.name, after } });
    await store.announceServiceChange(tx, id);
    return { id, name: after };
  });
  if (!outcome) return notFound(id);
  store.forgetService(id);
  return { ok: true, value: outcome };
}

/** How many live clients a service has, in words: the refusal of a deletion says it. */
const clientsInWords = (n: number) => (n > clientCountCap ? `more than ${clientCountCap.toLocaleString("en")} clients` : `${n.toLocaleString("en")} ${n === 1 ? "client" : "clients"}`);

export type DeletedService = { id: string; name: string; revokedInitialAccessTokens: number; revokedApiKeys: number };

/**
 * Deletes a service that has no live clients: it becomes a tombstone, its initial access tokens and API keys
 * are revoked at once, and its id is never used again. The default service (REGISTRAR_SERVICE_ID) is never
 * deleted; `confirmation` must be the service's id, typed by the administrator.
 */
export async function deleteService(
  id: string,
  confirmation: unknown,
  caller: Caller,
): Promise<ServiceOutcome<DeletedService>> {
  if (id === config().serviceId) return refused(409, "id", `The default service (REGISTRAR_SERVICE_ID “${id}”) cannot be deleted`);
  if (confirmation !== id) return refused(400, "confirmation", `confirmation must be the service's id “${id}”, typed exactly`);
  const outcome = await store.withTransaction(async (tx): Promise<DeletedService | "missing" | { clients: number }> => {
    // The row lock waits for registrations in flight (their client rows hold a key share on it) and holds new
    // ones back until the deletion commits; from then on the service is unknown to them.
    const [row] = await tx.$queryRaw<{ name: string }[]>`SELECT name FROM service WHERE id = ${id} AND deleted_at IS NULL FOR UPDATE`;
    if (!row) return "missing";
    const [counted] = await tx.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM (SELECT 1 FROM client WHERE service_id = ${id} AND deleted_at IS NULL LIMIT ${clientCountCap + 1}) AS capped`;
    const n = counted?.n ?? 0;
    if (n > 0) return { clients: n };
    await tx.$executeRaw`UPDATE service SET deleted_at = now(), api_key_hash = NULL, updated_at = now() WHERE id = ${id}`;
    const revokedInitialAccessTokens = await tx.$executeRaw`UPDATE initial_access_token SET revoked_at = now() WHERE service_id = ${id} AND revoked_at IS NULL`;
    const revokedApiKeys = await tx.$executeRaw`UPDATE service_api_key SET revoked_at = now() WHERE service_id = ${id} AND revoked_at IS NULL`;
    await recordAudit(tx, caller, { serviceId: id, action: "service.deleted", outcome: "success", details: { name: row.name, revokedInitialAccessTokens, revokedApiKeys } });
    await store.announceServiceChange(tx, id);
    return { id, name: row.name, revokedInitialAccessTokens, revokedApiKeys };
  });
  if (outcome === "missing") return notFound(id);
  if ("clients" in outcome)
    return refused(409, "clients", `The service still has ${clientsInWords(outcome.clients)}; delete ${outcome.clients === 1 ? "it" : "them"} first: only a service without clients can be deleted`);
  store.forgetService(id);
  return { ok: true, value: outcome };
}
