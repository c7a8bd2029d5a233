import { dequal } from "dequal";
import type pg from "pg";
import type { Caller } from "@/lib/audit";
import { config } from "@/lib/config";
import { pool } from "@/lib/db";
import { decryptSecret, encryptSecret, secretAad } from "./credentials";
import { diffMetadata, type Change } from "./diff";
import { needsClientSecret } from "./members";
import type { ClientMetadata } from "./metadata";
import type { ServicePolicy } from "./policy";
import { newRowId } from "./random";
import { listingColumnsByName } from "./store";

// Clients imported from a client file (lib/migration parses the file): the core's rules for
// writing them, and the writes. A client keeps its client_id, its secret, its issue and expiry times and, when
// the file gives one, its registration access token's hash, so the client software keeps managing itself
// (RFC 7592). Applying the same file twice writes nothing the second time. Each batch is one transaction of a
// few multi-row statements: the lookup of the batch's client_ids, the new clients with their revisions and
// audit events, the changed clients with theirs.

/** One client of a file, its metadata already validated with the service's policy (validateClientMetadata). */
export type ImportCandidate = {
  clientId: string;
  metadata: ClientMetadata;
  /** The client secret in clear, or null when the file gives none. */
  clientSecret: string | null;
  /** client_id_issued_at (seconds), or null when the file gives none (a new client is issued now). */
  clientIdIssuedAt: number | null;
  /** client_secret_expires_at (seconds, 0 = never), or null when the file gives none. */
  clientSecretExpiresAt: number | null;
  /** SHA-256 of the registration access token, or null when the file gives none. */
  registrationAccessTokenHash: Uint8Array | null;
};

export type ImportDecision = {
  outcome: "create" | "update" | "unchanged" | "refuse";
  reasons: string[];
  /** What an update changes: metadata paths (`redirect_uris`, `jwks.keys`) and credential members. */
  changed: string[];
};

type ExistingRow = {
  id: string;
  service_id: string;
  client_id: string;
  metadata: ClientMetadata;
  secret_ciphertext: string | null;
  secret_expires_at: number;
  registration_access_token_hash: Buffer | null;
  version: number;
  created_at: Date;
  deleted_at: Date | null;
};

/** What a decided client writes (never logged: it holds the encrypted secret and the token hash). */
type Planned = {
  decision: ImportDecision;
  row?: ImportRow;
};

type ImportRow = ReturnType<typeof listingColumnsByName> & {
  id: string;
  revision_id: string;
  service_id: string;
  client_id: string;
  metadata: ClientMetadata;
  secret_ciphertext: string | null;
  secret_expires_at: number;
  rat_hash: string | null;
  created_at: string | null;
  version: number;
  change_set: Change[];
  details: Record<string, unknown>;
};

const hex = (bytes: Uint8Array | null) => (bytes ? Buffer.from(bytes).toString("hex") : null);
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/**
 * Decides each candidate of one batch against the database and, given the caller, writes the batch in one
 * transaction (without one it is a dry run and writes nothing). The batch's client_ids must be distinct
 * (lib/migration refuses a repeated one before). The rules, in order: the client_id belongs to another
 * service, or to a deleted client → refused; a token hash that another client holds → refused (RFC 7592 §1: a
 * token belongs to one client); a client that needs a secret (members.ts needsClientSecret) and has none →
 * refused; with blockDuplicateSoftwareId, a software_id another live client has → refused; a new client beyond
 * the service's maxClients → refused (both limits hold for administrators' registrations too, service.ts);
 * identical to the stored client → unchanged; else update or create.
 * `activeClients` carries the service's live client count from batch to batch (dry run; maxClients).
 */
export async function importBatch(
  service: { id: string; policy: ServicePolicy },
  candidates: readonly ImportCandidate[],
  caller: Caller | null,
  activeClients?: { count: number },
): Promise<ImportDecision[]> {
  if (!caller) return (await decide(service, candidates, (text, values) => pool().query(text, values), activeClients)).map((p) => p.decision);
  const client = await pool().connect();
  try {
    await client.query("BEGIN");
    // With maxClients, the service's limits lock (store.ts lockRegistrationLimits): registrations and other
    // batches wait for this one, so the client count it checked still holds when it commits. Without a limit
    // there is nothing to guard, and batches may be written side by side.
    const limited = service.policy.maxClients !== null;
    if (limited) await client.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [`registration-limits:${service.id}`]);
    const count = { count: limited ? await countActive(client, service.id) : 0 };
    const planned = await decide(service, candidates, (text, values) => client.query(text, values), count, true);
    await write(client, planned, caller);
    await client.query("COMMIT");
    if (activeClients) activeClients.count = count.count;
    return planned.map((p) => p.decision);
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** The service's live clients (for maxClients). */
export async function countActiveClients(serviceId: string): Promise<number> {
  return countActive(pool(), serviceId);
}

async function countActive(on: Pick<pg.Pool, "query">, serviceId: string): Promise<number> {
  const { rows } = await on.query<{ n: number }>("SELECT count(*)::int AS n FROM client WHERE service_id = $1 AND deleted_at IS NULL", [serviceId]);
  return rows[0]!.n;
}

type Run = (text: string, values: unknown[]) => Promise<pg.QueryResult>;

async function decide(
  service: { id: string; policy: ServicePolicy },
  candidates: readonly ImportCandidate[],
  run: Run,
  activeClients: { count: number } | undefined,
  lock = false,
): Promise<Planned[]> {
  const ids = candidates.map((c) => c.clientId);
  const hashes = candidates.flatMap((c) => (c.registrationAccessTokenHash ? [Buffer.from(c.registrationAccessTokenHash)] : []));
  const softwareIds = service.policy.blockDuplicateSoftwareId ? [...new Set(candidates.flatMap((c) => (c.metadata.software_id ? [c.metadata.software_id] : [])))] : [];
  const [existingRows, tokenRows, softwareRows] = await Promise.all([
    run(
      `SELECT id, service_id, client_id, metadata, secret_ciphertext, secret_expires_at, registration_access_token_hash, version, created_at, deleted_at
         FROM client WHERE client_id = ANY($1::text[])${lock ? " FOR UPDATE" : ""}`,
      [ids],
    ),
    hashes.length ? run("SELECT client_id, registration_access_token_hash AS hash FROM client WHERE registration_access_token_hash = ANY($1::bytea[])", [hashes]) : Promise.resolve({ rows: [] }),
    softwareIds.length
      ? run("SELECT software_id, client_id FROM client WHERE service_id = $1 AND deleted_at IS NULL AND software_id = ANY($2::text[])", [service.id, softwareIds])
      : Promise.resolve({ rows: [] }),
  ]);
  const softwareHolders = new Map<string, string[]>();
  for (const r of softwareRows.rows as { software_id: string; client_id: string }[]) softwareHolders.set(r.software_id, [...(softwareHolders.get(r.software_id) ?? []), r.client_id]);
  const existing = new Map((existingRows.rows as ExistingRow[]).map((r) => [r.client_id, r]));
  const tokenHolders = new Map((tokenRows.rows as { client_id: string; hash: Buffer }[]).map((r) => [r.hash.toString("hex"), r.client_id]));
  const limit = service.policy.maxClients;
  const count = activeClients ?? { count: 0 };
  return candidates.map((candidate) => {
    const row = existing.get(candidate.clientId);
    const refused = refusal(service.id, candidate, row, tokenHolders) ?? softwareIdTaken(candidate, softwareHolders);
    if (refused) return { decision: { outcome: "refuse", reasons: [refused], changed: [] } };
    if (!row) {
      if (limit !== null && count.count >= limit) return { decision: { outcome: "refuse", reasons: [`the service accepts at most ${limit} clients (policy maxClients)`], changed: [] } };
      count.count++;
      return planCreate(service.id, candidate);
    }
    return planUpdate(service.id, candidate, row);
  });
}

function refusal(serviceId: string, c: ImportCandidate, row: ExistingRow | undefined, tokenHolders: Map<string, string>): string | null {
  if (row && row.service_id !== serviceId) return `client_id "${c.clientId}" belongs to another service`;
  if (row?.deleted_at) return `client_id "${c.clientId}" belongs to a deleted client of this service (client ids are not reused)`;
  const holder = tokenHolders.get(hex(c.registrationAccessTokenHash) ?? "");
  if (holder !== undefined && holder !== c.clientId) return "registration_access_token is another client's registration access token";
  if (needsClientSecret(c.metadata) && !c.clientSecret && !row?.secret_ciphertext)
    return `client_secret is required: token_endpoint_auth_method "${c.metadata.token_endpoint_auth_method}" (or a symmetric algorithm) needs a client secret (export with secrets)`;
  return null;
}

/** With blockDuplicateSoftwareId, one live client per software_id (service.ts keepSoftwareIdUnique): another client holding it refuses. */
function softwareIdTaken(c: ImportCandidate, holders: Map<string, string[]>): string | null {
  const softwareId = c.metadata.software_id;
  if (!softwareId || !(holders.get(softwareId) ?? []).some((holder) => holder !== c.clientId)) return null;
  return `software_id "${softwareId}" is already registered (policy blockDuplicateSoftwareId)`;
}

function planCreate(serviceId: string, c: ImportCandidate): Planned {
  const secret = needsClientSecret(c.metadata) ? c.clientSecret : null;
  const changeSet = diffMetadata({}, c.metadata);
  return {
    decision: { outcome: "create", reasons: [], changed: [] },
    row: Object.assign(listingColumnsByName(c.clientId, c.metadata), {
      id: newRowId(),
      revision_id: newRowId(),
      service_id: serviceId,
      client_id: c.clientId,
      metadata: c.metadata,
      secret_ciphertext: secret ? encryptSecret(secret, config().encryptionKey, secretAad(serviceId, c.clientId)) : null,
      secret_expires_at: secret ? (c.clientSecretExpiresAt ?? 0) : 0,
      rat_hash: hex(c.registrationAccessTokenHash),
      created_at: c.clientIdIssuedAt === null ? null : new Date(c.clientIdIssuedAt * 1000).toISOString(),
      version: 1,
      change_set: changeSet,
      details: { origin: "import", version: 1 },
    }),
  };
}

function planUpdate(serviceId: string, c: ImportCandidate, row: ExistingRow): Planned {
  const storedSecret = row.secret_ciphertext ? decryptSecret(row.secret_ciphertext, config().encryptionKey, secretAad(serviceId, row.client_id)) : null;
  const needsSecret = needsClientSecret(c.metadata);
  const secret = needsSecret ? (c.clientSecret ?? storedSecret) : null;
  const expiresAt = secret ? (c.clientSecretExpiresAt ?? (secret === storedSecret ? row.secret_expires_at : 0)) : 0;
  const tokenHash = c.registrationAccessTokenHash ? Buffer.from(c.registrationAccessTokenHash) : row.registration_access_token_hash;
  const issuedAt = c.clientIdIssuedAt ?? seconds(row.created_at);
  const metadataChanges = diffMetadata(row.metadata, c.metadata);
  const changed = metadataChanges.map((ch) => ch.path.join("."));
  if (!dequal(row.metadata, c.metadata) && !changed.length) changed.push("metadata");
  if (secret !== storedSecret) changed.push("client_secret");
  if (expiresAt !== row.secret_expires_at) changed.push("client_secret_expires_at");
  if (issuedAt !== seconds(row.created_at)) changed.push("client_id_issued_at");
  if (hex(tokenHash) !== hex(row.registration_access_token_hash)) changed.push("registration_access_token");
  if (!changed.length) return { decision: { outcome: "unchanged", reasons: [], changed: [] } };
  const version = row.version + 1;
  return {
    decision: { outcome: "update", reasons: [], changed },
    row: Object.assign(listingColumnsByName(c.clientId, c.metadata), {
      id: row.id,
      revision_id: newRowId(),
      service_id: serviceId,
      client_id: c.clientId,
      metadata: c.metadata,
      secret_ciphertext: secret === storedSecret ? row.secret_ciphertext : secret ? encryptSecret(secret, config().encryptionKey, secretAad(serviceId, c.clientId)) : null,
      secret_expires_at: expiresAt,
      rat_hash: hex(tokenHash),
      created_at: new Date(issuedAt * 1000).toISOString(),
      version,
      change_set: metadataChanges,
      details: { origin: "import", version, changed },
    }),
  };
}

// The batch's rows as JSON, expanded by PostgreSQL (like store.ts's registrations): one statement writes the
// new clients with their revisions and audit events, one the changed clients with theirs.
const rowColumns = `
      id uuid, revision_id uuid, service_id text, client_id text, metadata jsonb, client_name text, application_type text,
      token_endpoint_auth_method text, grant_types text[], redirect_uris text[], contacts text[], software_id text,
      logo_uri text, search_text text, secret_ciphertext text, secret_expires_at integer, rat_hash text,
      created_at timestamptz, version integer, change_set jsonb, details jsonb`;

const revisionAndAudit = (from: string) => `
  revision AS (
    INSERT INTO client_revision (id, client_ref, version, kind, metadata, change_set, actor, interface, request_id, created_at)
    SELECT input.revision_id, input.id, input.version, 'imported', input.metadata, input.change_set, $2, $3::interface, $4, now()
      FROM ${from} JOIN input ON input.id = ${from}.id
  ), audit AS (
    INSERT INTO audit_event (service_id, actor, action, client_id, outcome, interface, ip, request_id, details, created_at)
    SELECT input.service_id, $2, 'client.imported', input.client_id, 'success', $3::interface, $5, $4, input.details, now()
      FROM ${from} JOIN input ON input.id = ${from}.id
  )`;

const insertImportedSql = `
  WITH input AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(${rowColumns})),
  client AS (
    INSERT INTO client (id, service_id, client_id, metadata, origin, self_managed, client_name, application_type,
                        token_endpoint_auth_method, grant_types, redirect_uris, contacts, software_id, logo_uri, search_text,
                        secret_ciphertext, secret_expires_at, registration_access_token_hash, version, created_at, updated_at)
    SELECT id, service_id, client_id, metadata, 'import', true, client_name, application_type, token_endpoint_auth_method,
           grant_types, redirect_uris, contacts, software_id, logo_uri, search_text, secret_ciphertext, secret_expires_at,
           decode(rat_hash, 'hex'), 1, coalesce(created_at, now()), now()
      FROM input
    RETURNING id
  ), ${revisionAndAudit("client")}
  SELECT count(*)::int AS n FROM client`;

const updateImportedSql = `
  WITH input AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(${rowColumns})),
  changed AS (
    UPDATE client SET metadata = input.metadata, client_name = input.client_name, application_type = input.application_type,
           token_endpoint_auth_method = input.token_endpoint_auth_method, grant_types = input.grant_types,
           redirect_uris = input.redirect_uris, contacts = input.contacts, software_id = input.software_id,
           logo_uri = input.logo_uri, search_text = input.search_text, secret_ciphertext = input.secret_ciphertext,
           secret_expires_at = input.secret_expires_at, registration_access_token_hash = decode(input.rat_hash, 'hex'),
           version = input.version, created_at = input.created_at, updated_at = now()
      FROM input WHERE client.id = input.id
    RETURNING client.id
  ), ${revisionAndAudit("changed")}
  SELECT count(*)::int AS n FROM changed`;

async function write(client: pg.PoolClient, planned: Planned[], caller: Caller) {
  const creates = planned.filter((p) => p.decision.outcome === "create").map((p) => p.row!);
  const updates = planned.filter((p) => p.decision.outcome === "update").map((p) => p.row!);
  const who = [caller.actor.slice(0, 320) || "unknown", caller.interface, caller.requestId?.slice(0, 128) ?? null, caller.ip?.slice(0, 64) ?? null];
  // Prepared once per connection (named): planned once, not on every batch.
  if (creates.length) await client.query({ name: "import-insert", text: insertImportedSql, values: [JSON.stringify(creates), ...who] });
  if (updates.length) await client.query({ name: "import-update", text: updateImportedSql, values: [JSON.stringify(updates), ...who] });
}
