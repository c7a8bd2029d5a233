import { v7 as uuidv7 } from "uuid";
import type { Prisma } from "@/generated/prisma/client";
import type { Client, Interface } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import type { Change } from "./diff";
import type { ClientMetadata } from "./metadata";
import { readPolicy, type ServicePolicy } from "./policy";

// Persistence of registrations: the only module of the core that speaks SQL. Each write of the service
// layer happens in one transaction (or one statement) together with its revision and audit event.

export type Tx = Prisma.TransactionClient;

export type ServiceRecord = { id: string; name: string; policy: ServicePolicy; apiKeyHash: string | null };

const SERVICE_CACHE_MS = 5_000;
const serviceCache = new Map<string, { at: number; service: ServiceRecord | null }>();

/** A service with its parsed policy; cached for a few seconds (policy edits call forgetService). */
export async function loadService(serviceId: string): Promise<ServiceRecord | null> {
  const hit = serviceCache.get(serviceId);
  if (hit && Date.now() - hit.at < SERVICE_CACHE_MS) return hit.service;
  const row = await db().service.findUnique({ where: { id: serviceId } });
  const service = row ? { id: row.id, name: row.name, policy: readPolicy(row.policy), apiKeyHash: row.apiKeyHash } : null;
  serviceCache.set(serviceId, { at: Date.now(), service });
  return service;
}

export function forgetService(serviceId: string) {
  serviceCache.delete(serviceId);
}

/** The columns derived from metadata for the clients list (filters, sort, search). */
export function listingColumns(clientId: string, m: ClientMetadata) {
  const localizedNames = Object.entries(m)
    .filter(([k]) => k.startsWith("client_name#"))
    .map(([, v]) => String(v));
  const clientName = m.client_name ?? localizedNames[0] ?? null;
  const searchText = [clientName, ...localizedNames, clientId, ...(m.redirect_uris ?? []), ...(m.contacts ?? []), m.software_id]
    .filter(Boolean)
    .join(" ")
    .toLowerCase();
  return {
    clientName,
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

export type AuditInput = {
  serviceId: string | null;
  actor: string;
  action: string;
  clientId?: string | null;
  outcome: "success" | "failure" | "denied";
  interface?: Interface | null;
  ip?: string | null;
  requestId?: string | null;
  details?: Record<string, unknown>;
};

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
 * initial access token, in a single statement: one round trip, atomic. Returns the creation time, or null
 * when the initial access token was no longer usable (nothing is written then).
 */
export async function insertRegistration(r: NewRegistration, tx: Tx | null = null): Promise<Date | null> {
  const c = listingColumns(r.clientId, r.metadata);
  const id = uuidv7();
  const revisionId = uuidv7();
  const metadata = JSON.stringify(r.metadata);
  const rows = await (tx ?? db()).$queryRaw<{ created_at: Date }[]>`
    WITH iat AS (
      UPDATE initial_access_token
         SET use_count = use_count + 1, uses_left = uses_left - 1
       WHERE ${r.initialAccessTokenHash}::bytea IS NOT NULL
         AND token_hash = ${r.initialAccessTokenHash}::bytea AND service_id = ${r.serviceId}
         AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now()) AND (uses_left IS NULL OR uses_left > 0)
      RETURNING id
    ), allowed AS (
      SELECT 1 WHERE ${r.initialAccessTokenHash}::bytea IS NULL OR EXISTS (SELECT 1 FROM iat)
    ), client AS (
      INSERT INTO client (id, service_id, client_id, metadata, origin, self_managed, client_name, application_type,
                          token_endpoint_auth_method, grant_types, redirect_uris, contacts, software_id, logo_uri, search_text,
                          secret_ciphertext, secret_expires_at, registration_access_token_hash, version, created_at, updated_at)
      SELECT ${id}::uuid, ${r.serviceId}, ${r.clientId}, ${metadata}::jsonb, ${r.origin}::client_origin, ${r.selfManaged},
             ${c.clientName}, ${c.applicationType}, ${c.tokenEndpointAuthMethod}, ${c.grantTypes}::text[], ${c.redirectUris}::text[],
             ${c.contacts}::text[], ${c.softwareId}, ${c.logoUri}, ${c.searchText}, ${r.secretCiphertext}, ${r.secretExpiresAt},
             ${r.registrationAccessTokenHash}::bytea, 1, now(), now()
        FROM allowed
      RETURNING id, created_at
    ), revision AS (
      INSERT INTO client_revision (id, client_ref, version, kind, metadata, change_set, actor, interface, request_id, created_at)
      SELECT ${revisionId}::uuid, client.id, 1, 'created', ${metadata}::jsonb, ${JSON.stringify(r.changeSet)}::jsonb, ${r.actor},
             ${r.interface}::interface, ${r.requestId}, client.created_at
        FROM client
    ), audit AS (
      INSERT INTO audit_event (service_id, actor, action, client_id, outcome, interface, ip, request_id, details, created_at)
      SELECT ${r.serviceId}, ${r.actor}, 'client.registered', ${r.clientId}, 'success'::audit_outcome, ${r.interface}::interface,
             ${r.ip}, ${r.requestId}, ${JSON.stringify({ origin: r.origin })}::jsonb, client.created_at
        FROM client
    )
    SELECT created_at FROM client`;
  return rows[0]?.created_at ?? null;
}

/** Whether an initial access token is currently usable (checked before validation, so a bad one is a 401). */
export async function initialAccessTokenUsable(serviceId: string, tokenHash: Uint8Array<ArrayBuffer>): Promise<boolean> {
  const rows = await db().$queryRaw<{ ok: number }[]>`
    SELECT 1 AS ok FROM initial_access_token
     WHERE token_hash = ${tokenHash} AND service_id = ${serviceId} AND revoked_at IS NULL
       AND (expires_at IS NULL OR expires_at > now()) AND (uses_left IS NULL OR uses_left > 0)`;
  return rows.length > 0;
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
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`registration-limits:${serviceId}`}, 0))`;
    return work(tx);
  });
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
 * A registration access token presented for another client is revoked (SPEC.md §4); returns that client's id.
 * Runs in the caller's transaction: with its audit event, and without a second pool connection per check.
 */
export async function revokeTokenHeldByOtherClient(tx: Tx, tokenHash: Uint8Array<ArrayBuffer>, presentedFor: string): Promise<string | null> {
  const rows = await tx.$queryRaw<{ client_id: string }[]>`
    UPDATE client SET registration_access_token_hash = NULL
     WHERE registration_access_token_hash = ${tokenHash} AND client_id <> ${presentedFor}
    RETURNING client_id`;
  return rows[0]?.client_id ?? null;
}

/** Writes an audit event in the caller's transaction (or on its own when there is none). */
export async function recordAudit(tx: Tx | null, event: AuditInput) {
  await (tx ?? db()).auditEvent.create({
    data: {
      serviceId: event.serviceId,
      actor: event.actor,
      action: event.action,
      clientId: event.clientId ?? null,
      outcome: event.outcome,
      interface: event.interface ?? null,
      ip: event.ip ?? null,
      requestId: event.requestId ?? null,
      details: (event.details ?? {}) as Prisma.InputJsonValue,
    },
  });
}

export type RevisionInput = {
  clientRef: string;
  version: number;
  kind: "created" | "updated" | "reverted" | "token_reissued" | "deleted";
  metadata: ClientMetadata;
  changeSet: Change[];
  actor: string;
  interface: Interface;
  requestId: string | null;
};

export async function insertRevision(tx: Tx, r: RevisionInput) {
  await tx.clientRevision.create({
    data: {
      clientRef: r.clientRef,
      version: r.version,
      kind: r.kind,
      metadata: r.metadata as Prisma.InputJsonValue,
      changeSet: r.changeSet as unknown as Prisma.InputJsonValue,
      actor: r.actor,
      interface: r.interface,
      requestId: r.requestId,
    },
  });
}

export async function revisionsSince(tx: Tx, clientRef: string, version: number) {
  return tx.clientRevision.findMany({ where: { clientRef, version: { gt: version } }, orderBy: { version: "asc" } });
}

export async function findRevision(clientRef: string, version: number) {
  return db().clientRevision.findUnique({ where: { clientRef_version: { clientRef, version } } });
}

export function withTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return db().$transaction(work, { timeout: 15_000, maxWait: 10_000 });
}
