import { Prisma, type Client, type Interface } from "@/generated/prisma/client";
import type { Caller } from "@/lib/audit";
import type pg from "pg";
import { db, pool } from "@/lib/db";
import { announceInvalidation, onInvalidation } from "@/lib/invalidation";
import type { Change } from "./diff";
import { clientName } from "./members";
import type { ClientMetadata } from "./metadata";
import { newRowId } from "./random";
import { readPolicy, type ServicePolicy } from "./policy";
import type { RevisionKind } from "./vocabulary";

// Persistence of registrations: the only module of the core that speaks SQL. Each write of the service
// layer happens in one transaction (or one statement) together with its revision and audit event.

export type Tx = Prisma.TransactionClient;

export type ServiceRecord = { id: string; name: string; policy: ServicePolicy; apiKeyHash: string | null };

const SERVICE_CACHE_MS = 5_000;
/**
 * At most this many services are kept. Unknown ids are dropped once their read answers, but while reads are in
 * flight any number of made-up ids may be waiting, and entries of services deleted by another process stay
 * until asked for again; past the bound the least recently loaded entry goes (a request waiting on it still
 * gets its answer).
 */
export const SERVICE_CACHE_ENTRIES = 1_000;
// On globalThis, like the pool (lib/db.ts): the launcher's protocol endpoints and Next.js's bundle load this
// module separately, and a policy saved in the console must reach both at once. Other instances drop their copy
// when the change's `service:<id>` message arrives (lib/invalidation.ts); SERVICE_CACHE_MS bounds it when the
// message is lost.
type CachedService = { at: number; service: Promise<ServiceRecord | null>; read?: { stored: string | undefined; record: ServiceRecord | null } };
const globalForServices = globalThis as unknown as { registrarServiceCache?: Map<string, CachedService> };
const serviceCache = (globalForServices.registrarServiceCache ??= new Map());
onInvalidation("store.services", "service", { forget: (serviceId) => serviceCache.delete(serviceId), forgetAll: () => serviceCache.clear() });

/**
 * A service with its parsed policy; cached for a few seconds (policy edits call forgetService). Requests that
 * find the copy expired share one read, and a service stored unchanged keeps its record: what is built once
 * per policy object (metadata.ts's schemas) is not rebuilt every few seconds. Null for an unknown or deleted
 * service (deleting one calls forgetService and announces it, so that other instances stop serving it too).
 */
export function loadService(serviceId: string): Promise<ServiceRecord | null> {
  const hit = serviceCache.get(serviceId);
  if (hit && Date.now() - hit.at < SERVICE_CACHE_MS) return hit.service;
  const entry: CachedService = { at: Date.now(), service: Promise.resolve(null) };
  entry.service = readService(serviceId, entry, hit?.read);
  // Deleted first, so that the map's order (insertion) is the order of loading and its first key the oldest.
  serviceCache.delete(serviceId);
  serviceCache.set(serviceId, entry);
  if (serviceCache.size > SERVICE_CACHE_ENTRIES) serviceCache.delete(serviceCache.keys().next().value!);
  // A failed read is not cached: the next request tries again. Nor is "no such service": anyone can name any
  // service in a URL (`/s/{serviceId}/register`), and the map must not grow with every id someone makes up.
  const drop = () => serviceCache.get(serviceId) === entry && serviceCache.delete(serviceId);
  entry.service.then((service) => service === null && drop(), drop);
  return entry.service;
}

async function readService(serviceId: string, entry: CachedService, previous: CachedService["read"]): Promise<ServiceRecord | null> {
  const row = await readServiceRow(serviceId);
  const stored = row ? JSON.stringify([row.name, row.policy, row.apiKeyHash]) : undefined;
  const record = previous && previous.stored === stored ? previous.record : row ? { id: row.id, name: row.name, policy: readPolicy(row.policy), apiKeyHash: row.apiKeyHash } : null;
  entry.read = { stored, record };
  return record;
}

type ServiceRow = { id: string; name: string; policy: Prisma.JsonValue; apiKeyHash: string | null };
type ServiceRowWaiter = { resolve: (row: ServiceRow | null) => void; reject: (error: unknown) => void };

// Services asked for in the same turn of the event loop are read together, up to 1,000 ids a query: a flood of
// made-up ids costs a few queries, not a connection of the pool each (which would keep every other request
// waiting for one).
let waitingReads: Map<string, ServiceRowWaiter[]> | null = null;
const SERVICE_READ_BATCH = 1_000;

function readServiceRow(serviceId: string): Promise<ServiceRow | null> {
  return new Promise((resolve, reject) => {
    if (!waitingReads) {
      waitingReads = new Map();
      setImmediate(readWaitingServices);
    }
    const waiters = waitingReads.get(serviceId);
    if (waiters) waiters.push({ resolve, reject });
    else waitingReads.set(serviceId, [{ resolve, reject }]);
  });
}

function readWaitingServices() {
  const batch = waitingReads!;
  waitingReads = null;
  const ids = [...batch.keys()];
  for (let start = 0; start < ids.length; start += SERVICE_READ_BATCH) {
    const chunk = ids.slice(start, start + SERVICE_READ_BATCH);
    // A deleted service is a tombstone: absent to everything that loads a service.
    db()
      .service.findMany({ where: { id: { in: chunk }, deletedAt: null }, select: { id: true, name: true, policy: true, apiKeyHash: true } })
      .then(
        (rows) => {
          const found = new Map(rows.map((row) => [row.id, row]));
          for (const id of chunk) for (const waiter of batch.get(id)!) waiter.resolve(found.get(id) ?? null);
        },
        (error: unknown) => {
          for (const id of chunk) for (const waiter of batch.get(id)!) waiter.reject(error);
        },
      );
  }
}

/** Drops this process's copy of the service. */
export function forgetService(serviceId: string) {
  serviceCache.delete(serviceId);
}

/** Tells every instance to drop its copy of the service once `tx` commits (lib/invalidation.ts). */
export async function announceServiceChange(tx: Tx, serviceId: string) {
  await announceInvalidation(tx, "service", serviceId);
}

/** Stores a service's policy (already validated), drops this process's cached copy and announces the change. */
export async function savePolicy(serviceId: string, policy: ServicePolicy, tx: Tx | null = null) {
  const writer = tx ?? db();
  await writer.service.update({ where: { id: serviceId }, data: { policy: policy as unknown as Prisma.InputJsonValue } });
  await announceInvalidation(writer, "service", serviceId);
  forgetService(serviceId);
}

/** The columns derived from metadata for the clients list (filters, sort, search). */
export function listingColumns(clientId: string, m: ClientMetadata) {
  const localizedNames: string[] = [];
  for (const key of Object.keys(m)) if (key.startsWith("client_name#")) localizedNames.push(String(m[key as keyof ClientMetadata]));
  const name = clientName(m);
  const searchText = [name, ...localizedNames, clientId, ...(m.redirect_uris ?? []), ...(m.contacts ?? []), m.software_id]
    .filter(Boolean)
    .join(" ")
    .toLowerCase();
  return {
    clientName: name,
    applicationType: m.application_type,
    tokenEndpointAuthMethod: m.token_endpoint_auth_method,
    grantTypes: m.grant_types,
    redirectUris: m.redirect_uris ?? [],
    contacts: m.contacts ?? [],
    softwareId: m.software_id ?? null,
    logoUri: m.logo_uri ?? null,
    searchText,
  };
}


export type NewRegistration = {
  serviceId: string;
  clientId: string;
  metadata: ClientMetadata;
  origin: "dynamic" | "console" | "import";
  selfManaged: boolean;
  secretCiphertext: string | null;
  secretExpiresAt: number;
  registrationAccessTokenHash: Uint8Array<ArrayBuffer>;
  initialAccessTokenHash: Uint8Array<ArrayBuffer> | null;
  actor: string;
  interface: Interface;
  requestId: string | null;
  ip: string | null;
  changeSet: Change[];
};

/**
 * Writes a new client, its first revision, its audit event and (when one was presented) one use of the
 * initial access token, atomically. Returns the creation time and number, or null when the initial
 * access token was no longer usable (nothing is written then).
 */
export function insertRegistration(r: NewRegistration, tx: Tx | null = null): Promise<Created | null> {
  if (tx) return insertInTransaction(r, (text, values) => tx.$queryRawUnsafe(text, ...values).then((rows) => ({ rows: rows as never[] })));
  return r.initialAccessTokenHash ? insertWithInitialAccessToken(r) : registrationBatcher.add(r);
}

type Created = { createdAt: Date; number: number };

/** The listing columns (listingColumns) under their column names, for the rows written as JSON (jsonb_to_recordset). */
export function listingColumnsByName(clientId: string, m: ClientMetadata) {
  const c = listingColumns(clientId, m);
  return {
    client_name: c.clientName,
    application_type: c.applicationType,
    token_endpoint_auth_method: c.tokenEndpointAuthMethod,
    grant_types: c.grantTypes,
    redirect_uris: c.redirectUris,
    contacts: c.contacts,
    software_id: c.softwareId,
    logo_uri: c.logoUri,
    search_text: c.searchText,
  };
}

function registrationRow(r: NewRegistration) {
  return Object.assign(
    {
      id: newRowId(),
      revision_id: newRowId(),
      service_id: r.serviceId,
      client_id: r.clientId,
      metadata: r.metadata,
      origin: r.origin,
      self_managed: r.selfManaged,
    },
    listingColumnsByName(r.clientId, r.metadata),
    {
      secret_ciphertext: r.secretCiphertext,
      secret_expires_at: r.secretExpiresAt,
      rat_hash: Buffer.from(r.registrationAccessTokenHash).toString("hex"),
      change_set: r.changeSet,
      actor: r.actor,
      interface: r.interface,
      request_id: r.requestId,
      ip: r.ip,
      details: { origin: r.origin },
    },
  );
}

// Rows as JSON, expanded by PostgreSQL: one statement writes any number of registrations with their
// revisions and audit events, atomically.
const insertRowsSql = `
  WITH input AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(
      id uuid, revision_id uuid, service_id text, client_id text, metadata jsonb, origin client_origin, self_managed boolean,
      client_name text, application_type text, token_endpoint_auth_method text, grant_types text[], redirect_uris text[],
      contacts text[], software_id text, logo_uri text, search_text text, secret_ciphertext text, secret_expires_at integer,
      rat_hash text, change_set jsonb, actor text, interface interface, request_id text, ip text, details jsonb)
  ), client AS (
    INSERT INTO client (id, service_id, client_id, metadata, origin, self_managed, client_name, application_type,
                        token_endpoint_auth_method, grant_types, redirect_uris, contacts, software_id, logo_uri, search_text,
                        secret_ciphertext, secret_expires_at, registration_access_token_hash, version, created_at, updated_at)
    SELECT id, service_id, client_id, metadata, origin, self_managed, client_name, application_type, token_endpoint_auth_method,
           grant_types, redirect_uris, contacts, software_id, logo_uri, search_text, secret_ciphertext, secret_expires_at,
           decode(rat_hash, 'hex'), 1, now(), now()
      FROM input
    RETURNING id, client_id, number, created_at
  ), revision AS (
    INSERT INTO client_revision (id, client_ref, version, kind, metadata, change_set, actor, interface, request_id, created_at)
    SELECT input.revision_id, client.id, 1, 'created', input.metadata, input.change_set, input.actor, input.interface, input.request_id, client.created_at
      FROM client JOIN input ON input.id = client.id
  ), audit AS (
    INSERT INTO audit_event (service_id, actor, action, client_id, outcome, interface, ip, request_id, details, created_at)
    SELECT input.service_id, input.actor, 'client.registered', input.client_id, 'success', input.interface, input.ip, input.request_id, input.details, client.created_at
      FROM client JOIN input ON input.id = client.id
  )
  SELECT client_id, number, created_at FROM client`;

/** Runs a statement; one given a name is prepared once per connection (node-postgres), and planned once rather than on every call. */
type Query = (text: string, values: unknown[], name?: string) => Promise<{ rows: never[] }>;

/** A Query on the pool or on one of its connections. */
const pgQuery =
  (on: Pick<pg.Pool, "query"> | pg.PoolClient): Query =>
  (text, values, name) =>
    on.query({ text, values, name }) as Promise<{ rows: never[] }>;

async function insertRows(rows: ReturnType<typeof registrationRow>[], query: Query) {
  // Prepared once per connection: PostgreSQL parses and plans it once, not on every batch.
  const result = (await query(insertRowsSql, [JSON.stringify(rows)], "insert-registrations")) as { rows: { client_id: string; number: number; created_at: Date }[] };
  return new Map(result.rows.map((row) => [row.client_id, { createdAt: row.created_at, number: row.number } as Created]));
}

/**
 * Registrations arriving while earlier ones are being written are written together, in one statement and
 * one commit (group commit): each caller still gets its answer only after its rows are durable, and a busy
 * service spends one round trip and one WAL flush per batch instead of per client.
 */
class RegistrationBatcher {
  private queue: { row: ReturnType<typeof registrationRow>; resolve: (created: Created) => void; reject: (error: unknown) => void }[] = [];
  private inFlight = 0;
  private drainScheduled = false;
  constructor(
    private readonly maxInFlight = 2,
    private readonly maxBatch = 100,
  ) {}

  add(r: NewRegistration): Promise<Created> {
    return new Promise((resolve, reject) => {
      this.queue.push({ row: registrationRow(r), resolve, reject });
      this.scheduleDrain();
    });
  }

  private drain() {
    while (this.queue.length && this.inFlight < this.maxInFlight) {
      const batch = this.queue.splice(0, this.maxBatch);
      this.inFlight++;
      this.write(batch).finally(() => {
        this.inFlight--;
        this.scheduleDrain();
      });
    }
  }

  /**
   * Batches leave once this turn of the event loop is over: the requests read in the same turn (and the
   * callers a finished batch answered) join one batch. Each batch costs PostgreSQL a commit, an executor
   * start-up and a round trip whatever its size, so fewer, fuller batches cost less per registration.
   */
  private scheduleDrain() {
    if (this.drainScheduled) return;
    this.drainScheduled = true;
    setImmediate(() => {
      this.drainScheduled = false;
      this.drain();
    });
  }

  private async write(batch: RegistrationBatcher["queue"]) {
    const query = pgQuery(pool());
    try {
      const created = await insertRows(batch.map((b) => b.row), query);
      for (const item of batch) {
        const c = created.get(item.row.client_id);
        if (c) item.resolve(c);
        else item.reject(new Error("registration was not written"));
      }
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      // One bad row must not fail the others: write them one by one.
      for (const item of batch) {
        insertRows([item.row], query).then((created) => item.resolve(created.get(item.row.client_id)!), item.reject);
      }
    }
  }
}

const registrationBatcher = new RegistrationBatcher();

/**
 * An initial access token's state (RFC 7591 §3), as SQL over its row: the one definition of whether a token
 * can still be used, for the registration that spends it and for the Settings page that lists it.
 */
export const initialAccessTokenStateSql = `CASE WHEN revoked_at IS NOT NULL THEN 'revoked'
  WHEN expires_at IS NOT NULL AND expires_at <= now() THEN 'expired'
  WHEN uses_left IS NOT NULL AND uses_left <= 0 THEN 'used_up'
  ELSE 'active' END`;

export type InitialAccessTokenState = "active" | "expired" | "used_up" | "revoked";

/** Spends one use of the initial access token, then writes the rows; null (and nothing written) when it is used up. */
async function insertInTransaction(r: NewRegistration, query: Query): Promise<Created | null> {
  if (r.initialAccessTokenHash) {
    const used = await query(
      `UPDATE initial_access_token SET use_count = use_count + 1, uses_left = uses_left - 1
        WHERE token_hash = $1 AND service_id = $2 AND (${initialAccessTokenStateSql}) = 'active'
        RETURNING id`,
      [Buffer.from(r.initialAccessTokenHash), r.serviceId],
    );
    if (used.rows.length === 0) return null;
  }
  return (await insertRows([registrationRow(r)], query)).get(r.clientId) ?? null;
}

/** A registration that spends an initial access token, in a transaction of its own (rolled back when used up). */
async function insertWithInitialAccessToken(r: NewRegistration): Promise<Created | null> {
  const client = await pool().connect();
  try {
    await client.query("BEGIN");
    const created = await insertInTransaction(r, pgQuery(client));
    await client.query(created ? "COMMIT" : "ROLLBACK");
    return created;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** Whether an initial access token is currently usable (checked before validation, so a bad one is a 401). */
export async function initialAccessTokenUsable(serviceId: string, tokenHash: Uint8Array<ArrayBuffer>): Promise<boolean> {
  const { rows } = await pool().query({
    name: "initial-access-token-usable",
    text: `SELECT 1 FROM initial_access_token WHERE token_hash = $1 AND service_id = $2 AND (${initialAccessTokenStateSql}) = 'active'`,
    values: [Buffer.from(tokenHash), serviceId],
  });
  return rows.length > 0;
}

/** The service's initial access tokens with their state, newest first (never the tokens: only their hints). */
export async function listInitialAccessTokens(serviceId: string, limit: number) {
  const { rows } = await pool().query<{
    id: string;
    hint: string;
    description: string;
    expires_at: Date | null;
    uses_left: number | null;
    use_count: number;
    created_by: string;
    created_at: Date;
    state: InitialAccessTokenState;
  }>({
    text: `SELECT id, hint, description, expires_at, uses_left, use_count, created_by, created_at, ${initialAccessTokenStateSql} AS state
             FROM initial_access_token WHERE service_id = $1 ORDER BY created_at DESC LIMIT $2`,
    values: [serviceId, limit],
  });
  return rows;
}

export async function countActiveClients(serviceId: string, tx: Tx | null = null): Promise<number> {
  return (tx ?? db()).client.count({ where: { serviceId, deletedAt: null } });
}

export async function softwareIdTaken(serviceId: string, softwareId: string, tx: Tx | null = null): Promise<boolean> {
  return (await (tx ?? db()).client.count({ where: { serviceId, softwareId, deletedAt: null } })) > 0;
}

/**
 * Runs the checks of a service's registration limits (maxClients, blockDuplicateSoftwareId) and the insert they
 * guard under the service's advisory lock, so that parallel registrations cannot all pass the same check.
 * Without a limit there is nothing to guard: no transaction, no lock.
 */
export async function withRegistrationLimits<T>(serviceId: string, limited: boolean, work: (tx: Tx | null) => Promise<T>): Promise<T> {
  if (!limited) return work(null);
  return withTransaction(async (tx) => {
    await lockRegistrationLimits(tx, serviceId);
    return work(tx);
  });
}

/** The service's advisory lock for limit checks, held until the transaction ends. */
export async function lockRegistrationLimits(tx: Tx, serviceId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`registration-limits:${serviceId}`}, 0))`;
}

/** The client row, locked until the transaction ends (RFC 7592 writes on one client are serialized). */
export async function lockClient(tx: Tx, serviceId: string, clientId: string): Promise<Client | null> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM client WHERE client_id = ${clientId} AND service_id = ${serviceId} FOR UPDATE`;
  if (!rows[0]) return null;
  return tx.client.findUnique({ where: { id: rows[0].id } });
}

export async function findClient(serviceId: string, clientId: string): Promise<Client | null> {
  return db().client.findFirst({ where: { clientId, serviceId } });
}

/**
 * The client_id of the service's client named by `identifier` as either its client_id or its number (the
 * numeric id of APIs that number clients); the client_id wins when a client has it. Null when neither names one.
 */
export async function clientIdNamedBy(serviceId: string, identifier: string, number: number): Promise<string | null> {
  const rows = await db().$queryRaw<{ client_id: string }[]>`
    SELECT client_id FROM client WHERE service_id = ${serviceId} AND (client_id = ${identifier} OR number = ${number})
    ORDER BY (client_id = ${identifier}) DESC LIMIT 1`;
  return rows[0]?.client_id ?? null;
}

/**
 * A registration access token presented for another client is revoked (RFC 7592 §1: a registration access token belongs to one client); returns that client's id.
 * Runs in the caller's transaction: with its audit event, and without a second pool connection per check.
 */
export async function revokeTokenHeldByOtherClient(tx: Tx, serviceId: string, tokenHash: Uint8Array<ArrayBuffer>, presentedFor: string): Promise<string | null> {
  const rows = await tx.$queryRaw<{ client_id: string }[]>`
    UPDATE client SET registration_access_token_hash = NULL
     WHERE registration_access_token_hash = ${tokenHash} AND service_id = ${serviceId} AND client_id <> ${presentedFor}
    RETURNING client_id`;
  return rows[0]?.client_id ?? null;
}

export type RevisionInput = { clientRef: string; version: number; kind: RevisionKind; metadata: ClientMetadata; changeSet: Change[] };

/** Writes a revision of `caller` in the transaction of the change it records. */
export async function insertRevision(tx: Tx, caller: Caller, r: RevisionInput) {
  await tx.clientRevision.create({
    data: {
      clientRef: r.clientRef,
      version: r.version,
      kind: r.kind,
      metadata: r.metadata as Prisma.InputJsonValue,
      changeSet: r.changeSet as unknown as Prisma.InputJsonValue,
      actor: caller.actor,
      interface: caller.interface,
      requestId: caller.requestId ?? null,
    },
  });
}

/** The newest `limit` revisions after `version`, oldest first (read backwards along the (client_ref, version) index). */
export async function revisionsSince(tx: Tx, clientRef: string, version: number, limit: number) {
  return (await tx.clientRevision.findMany({ where: { clientRef, version: { gt: version } }, orderBy: { version: "desc" }, take: limit })).reverse();
}

/**
 * Whether a revision after `version` is of one of `kinds`. The first match ends the read; a client with thousands
 * of revisions but none of a re-issue or an import is answered from client_revision_token_replaced_idx alone.
 */
export async function hasRevisionSince(tx: Tx, clientRef: string, version: number, kinds: readonly RevisionKind[]): Promise<boolean> {
  if (!kinds.length) return false;
  // The kinds as literals (enum labels, checked): the planner proves the partial index's condition from constants only.
  const labels = kinds.map((kind) => {
    if (!/^[a-z_]+$/.test(kind)) throw new Error(`not a revision kind: ${kind}`);
    return `'${kind}'`;
  });
  const rows = await tx.$queryRaw<{ found: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM client_revision WHERE client_ref = ${clientRef}::uuid AND version > ${version} AND kind IN (${Prisma.raw(labels.join(", "))})) AS found`;
  return rows[0]?.found === true;
}

export async function findRevision(clientRef: string, version: number) {
  return db().clientRevision.findUnique({ where: { clientRef_version: { clientRef, version } } });
}

/** Runs `work` in a transaction; a deadlock or serialization failure (two requests crossing) is retried. */
export async function withTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db().$transaction(work, { timeout: 15_000, maxWait: 10_000 });
    } catch (error) {
      if (attempt >= 3 || !isRetryable(error)) throw error;
      await new Promise((r) => setTimeout(r, 10 * attempt + Math.random() * 20));
    }
  }
}

function isRetryable(error: unknown): boolean {
  const text = `${(error as { code?: string })?.code ?? ""} ${(error as Error)?.message ?? ""} ${JSON.stringify((error as { meta?: unknown })?.meta ?? "")}`;
  return /40P01|40001|deadlock detected|could not serialize/i.test(text);
}

export type NewInitialAccessTokenRow = {
  serviceId: string;
  tokenHash: Uint8Array<ArrayBuffer>;
  hint: string;
  description: string;
  expiresAt: Date | null;
  usesLeft: number | null;
  createdBy: string;
};

export async function insertInitialAccessToken(tx: Tx, row: NewInitialAccessTokenRow) {
  return tx.initialAccessToken.create({ data: row, select: { id: true, hint: true, expiresAt: true, usesLeft: true } });
}

/** Marks the service's token revoked; null when there is no such token or it was already revoked. */
export async function revokeInitialAccessToken(tx: Tx, serviceId: string, id: string) {
  const { count } = await tx.initialAccessToken.updateMany({ where: { id, serviceId, revokedAt: null }, data: { revokedAt: new Date() } });
  return count ? tx.initialAccessToken.findUnique({ where: { id }, select: { id: true, hint: true } }) : null;
}

// ---- API keys of a service (api-keys.ts) ---------------------------------------------------------------

const apiKeySummaryColumns = { id: true, name: true, hint: true, createdBy: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

/** The service's API keys, newest first, revoked ones too; never their hashes. */
export async function listApiKeys(serviceId: string) {
  return db().serviceApiKey.findMany({ where: { serviceId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: apiKeySummaryColumns });
}

/** The service's lock on its API key names, held until the transaction ends (two creations cannot both take a name). */
export async function lockApiKeyNames(tx: Tx, serviceId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`api-key-names:${serviceId}`}, 0))`;
}

/** Whether an unrevoked key of the service has this name. */
export async function apiKeyNameTaken(tx: Tx, serviceId: string, name: string): Promise<boolean> {
  return (await tx.serviceApiKey.count({ where: { serviceId, name, revokedAt: null } })) > 0;
}

export type NewApiKeyRow = { serviceId: string; name: string; keyHash: Uint8Array<ArrayBuffer>; hint: string; createdBy: string };

export async function insertApiKey(tx: Tx, row: NewApiKeyRow) {
  return tx.serviceApiKey.create({ data: row, select: apiKeySummaryColumns });
}

/** Marks the service's key revoked; null when the service has no such unrevoked key. Returns its hash too, to drop it from caches. */
export async function revokeApiKey(tx: Tx, serviceId: string, id: string) {
  const rows = await tx.$queryRaw<{ id: string; key_hash: Uint8Array }[]>`
    UPDATE service_api_key SET revoked_at = now() WHERE id = ${id}::uuid AND service_id = ${serviceId} AND revoked_at IS NULL
    RETURNING id, key_hash`;
  if (!rows[0]) return null;
  const key = await tx.serviceApiKey.findUniqueOrThrow({ where: { id }, select: apiKeySummaryColumns });
  return { key, keyHash: rows[0].key_hash };
}

/** The unrevoked key with this hash (any service's; the caller checks which), or null. */
export async function findUsableApiKey(keyHash: Uint8Array): Promise<{ id: string; serviceId: string } | null> {
  const { rows } = await pool().query<{ id: string; service_id: string }>({
    name: "api-key-by-hash",
    text: "SELECT id, service_id FROM service_api_key WHERE key_hash = $1 AND revoked_at IS NULL",
    values: [Buffer.from(keyHash)],
  });
  return rows[0] ? { id: rows[0].id, serviceId: rows[0].service_id } : null;
}

/** Records that the key was used, unless that was already recorded within the last minute (by any process). */
export async function touchApiKey(id: string) {
  await pool().query({
    name: "api-key-used",
    text: "UPDATE service_api_key SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')",
    values: [id],
  });
}
