import type { Client, Interface, Prisma } from "@/generated/prisma/client";
import { RevisionKind as RevisionKinds } from "@/generated/prisma/enums";
import { config } from "@/lib/config";
import { logger } from "@/lib/logger";
import { recordAudit, type Caller } from "@/lib/audit";
import { db } from "@/lib/db";
import { countCredentialFailure, countRegistration, countThrottled, countTokenlessRequest } from "@/lib/metrics";
import { isApiKeyOf } from "./api-keys";
import { decryptSecret, encryptSecret, hashesEqual, hashToken, newClientId, newClientSecret, newToken, secretAad, secretsEqual, tokenMatches } from "./credentials";
import { diffMetadata, type Change } from "./diff";
import { needsClientSecret, rotatesRegistrationAccessToken } from "./members";
import { validateClientMetadata, type ClientMetadata, type MetadataIssue, type RegistrationErrorCode } from "./metadata";
import type { ServicePolicy } from "./policy";
import { sectorDocuments, sectorIdentifierProblem, sectorIdentifierToCheck, type SectorDocuments } from "./sector-identifier";
import { applySoftwareStatement } from "./software-statement";
import * as store from "./store";
import { countOpenRegistration, recordFailure, retryAfter, type CredentialKind } from "./throttle";
import { clientConfigurationEndpoint, serviceIssuer } from "./uris";
import { credentialMembers, type RevisionKind } from "./vocabulary";

// The registration core: register (RFC 7591 §3), read, update and delete (RFC 7592 §2), and the console's
// revert and re-issue. The RFC endpoints, the Authlete-compatible API and the console all call these functions
// and shape the outcome for their audience; no rule lives anywhere else. Each operation is a sequence of named
// steps (below, "the steps"), each of which lets the request through or refuses it with the failure to answer.

export type { Caller } from "@/lib/audit";

export type Conflict = {
  /** The version the edit was based on, and the current one. */
  baseVersion: number;
  currentVersion: number;
  currentMetadata: ClientMetadata;
  /** What happened since the base version, oldest first: the newest changes only, at most `conflictListLimit`. */
  since: { version: number; kind: RevisionKind; actor: string; interface: Interface; at: Date; changeSet: Change[] }[];
  /** How many earlier changes since the base version `since` leaves out (the client's history shows them). */
  earlier: number;
  /** Whether the registration access token changed since the base version (re-issued, or rotated by an update). */
  registrationAccessTokenReplaced: boolean;
};

export type Failure = {
  status: 400 | 401 | 403 | 404 | 409 | 429;
  error: RegistrationErrorCode | "invalid_token" | "access_denied" | "conflict" | "not_found" | "too_many_requests";
  description: string;
  issues: MetadataIssue[];
  /** For 401: whether a token was presented (RFC 6750 §3.1: no error attribute when none was). */
  tokenPresented?: boolean;
  conflict?: Conflict;
  /** For 429: seconds until the caller may try again. */
  retryAfter?: number;
};

export type Outcome<T> = { ok: true; value: T } | { ok: false; failure: Failure };

/** A step's refusal: the failed outcome to answer with. */
type Refusal = Outcome<never>;

/** What RFC 7591 §3.2.1 / RFC 7592 §3 return about a client (credentials in clear, once). */
export type ClientInformation = {
  clientId: string;
  /** The client's small integer id (the Authlete-compatible API's `clientId`). */
  number: number;
  clientSecret: string | null;
  clientIdIssuedAt: number;
  clientSecretExpiresAt: number;
  /** The token the caller presented, or a new one when it was issued or rotated. */
  registrationAccessToken: string | null;
  registrationAccessTokenRotated: boolean;
  registrationClientUri: string;
  metadata: ClientMetadata;
  version: number;
  /** How the client came to be: registered by its software, in the console, or imported. */
  origin: Client["origin"];
  /** When its registration last changed. */
  updatedAt: Date;
};

/**
 * A presented token (registration access token or initial access token), or null for none: an absent or blank
 * token (an empty Authorization header, a blank `token` member, an empty form field) is no token, the same
 * whichever interface it came through.
 */
export function presentedToken(token: string | null | undefined): string | null {
  return token?.trim() || null;
}

// ---- failures -----------------------------------------------------------------------------------------

const severity: Record<string, number> = { invalid_request: 0, invalid_software_statement: 1, unapproved_software_statement: 1, invalid_redirect_uri: 2, invalid_client_metadata: 3 };

function invalid(issues: MetadataIssue[]): Refusal {
  const sorted = [...issues].sort((a, b) => severity[a.code]! - severity[b.code]!);
  return { ok: false, failure: { status: 400, error: sorted[0]!.code, description: issues.map((i) => i.message).join("; "), issues } };
}

const invalidRequest = (member: string, message: string) => invalid([{ path: [member], code: "invalid_request", message: `${member} ${message}` }]);

/** The one 401 for every token problem: the same body whatever the cause, so nothing reveals which client ids exist. */
const invalidToken = (tokenPresented: boolean): Refusal => ({
  ok: false,
  failure: { status: 401, error: "invalid_token", description: tokenPresented ? "The access token is invalid" : "An access token is required", issues: [], tokenPresented },
});

const tooManyFailures = (seconds: number): Refusal => ({
  ok: false,
  failure: { status: 429, error: "too_many_requests", description: `Too many failed attempts from this address; try again in ${seconds} seconds`, issues: [], retryAfter: seconds },
});

const forbidden = (description: string): Refusal => ({ ok: false, failure: { status: 403, error: "access_denied", description, issues: [] } });

const notFound = (): Refusal => ({ ok: false, failure: { status: 404, error: "not_found", description: "No such client", issues: [] } });

/** Runs steps in order and returns the first refusal, or null when every step lets the request through. */
async function firstRefusal(...steps: (() => Refusal | null | Promise<Refusal | null>)[]): Promise<Refusal | null> {
  for (const step of steps) {
    const refusal = await step();
    if (refusal) return refusal;
  }
  return null;
}

// ---- throttling of guessed credentials ----------------------------------------------------------------

/** A request refused for its address's failed guesses: counted and logged for operators (the audit event is written once, on reaching the limit). */
function noteThrottled(kind: CredentialKind, wait: number) {
  countThrottled(kind);
  logger.warn({ event: "credential_guessing.refused", kind, retryAfter: wait }, "request refused: too many failed credentials from this address");
}

/**
 * Whether the caller's address is throttled for this kind of credential. An authorization server calling the
 * Authlete-compatible API speaks for many clients from one address: it is trusted to limit its own callers.
 */
async function throttled(kind: CredentialKind, caller: Caller): Promise<Refusal | null> {
  if (caller.interface === "authlete_api" || caller.interface === "console") return null;
  const wait = await retryAfter(kind, caller.ip);
  if (wait <= 0) return null;
  noteThrottled(kind, wait);
  return tooManyFailures(wait);
}

/** Counts a failed credential check of the caller's address; reaching the limit is an audit event. */
async function countFailure(kind: CredentialKind, serviceId: string, caller: Caller) {
  countCredentialFailure(kind);
  if (caller.interface === "authlete_api" || caller.interface === "console") return;
  if (await recordFailure(kind, caller.ip)) await recordAudit(db(), caller, { serviceId, action: "credential_guessing.throttled", outcome: "denied", details: { kind } });
}

/** After a refused registration access token, the caller's address counts one failed guess. */
async function countTokenFailure<T>(outcome: Outcome<T>, token: string | null, serviceId: string, caller: Caller): Promise<Outcome<T>> {
  if (!outcome.ok && outcome.failure.status === 401 && token) await countFailure("registration_token", serviceId, caller);
  return outcome;
}

// ---- the steps ----------------------------------------------------------------------------------------

/**
 * A request to a client's configuration endpoint without a token (RFC 7592 §2, RFC 6750 §3.1) is answered at
 * once, the same 401 as ever, without reading or locking the client's row and without an audit event: anyone
 * may send any number of them. It is counted in the metrics (`registrar_tokenless_requests_total`). An administrator in the console is not
 * anonymous.
 */
function refuseAnonymous(serviceId: string, method: "GET" | "PUT" | "DELETE", token: string | null, caller: Caller): Refusal | null {
  if (token || caller.interface === "console") return null;
  countTokenlessRequest(serviceId, method);
  return invalidToken(false);
}

/** Whether `token` is the client's current registration access token (RFC 7592 §1): the hash, compared in constant time. */
function holdsRegistrationAccessToken(row: Client | null, token: string | null): boolean {
  return !!token && !!row && !row.deletedAt && tokenMatches(token, row.registrationAccessTokenHash);
}

/**
 * Requires the client's registration access token (RFC 7592 §1). A refusal is audited, and a token that belongs
 * to another client of the service is revoked (a token presented for the wrong client is taken as leaked).
 * Every refusal looks the same outside. Runs in the request's transaction, so its audit events are written
 * even though the request fails.
 */
async function requireRegistrationAccessToken(tx: store.Tx, serviceId: string, clientId: string, row: Client | null, token: string | null, caller: Caller): Promise<Refusal | null> {
  if (holdsRegistrationAccessToken(row, token)) return null;
  let reason = !token ? "no_token" : !row || row.deletedAt ? "unknown_client" : "wrong_token";
  if (token) {
    const revokedFrom = await store.revokeTokenHeldByOtherClient(tx, serviceId, hashToken(token), clientId);
    if (revokedFrom) {
      reason = "token_of_another_client";
      await recordAudit(tx, caller, { serviceId, action: "registration_token.revoked", clientId: revokedFrom, outcome: "success", details: { reason: "presented for another client", presentedFor: clientId } });
    }
  }
  await recordAudit(tx, caller, { serviceId, action: "registration_token.check", clientId, outcome: "failure", details: { reason } });
  return invalidToken(!!token);
}

/** A client registered by an administrator may be barred from managing itself (policy consoleClientsSelfManaged); the console always may. */
function requireSelfManagement(row: Client, caller: Caller): Refusal | null {
  return row.selfManaged || caller.interface === "console" ? null : forbidden("This client may not manage its own registration");
}

/**
 * Whether a revision of this kind gave (or may have given) the client a new registration access token, under
 * this policy. An import over an existing client may bring the token its file holds; its revision does not say
 * (credentials stay out of revisions), so it counts.
 */
const replacedRegistrationAccessToken = (kind: RevisionKind, policy: ServicePolicy) =>
  kind === "token_reissued" || kind === "imported" || ((kind === "updated" || kind === "reverted") && rotatesRegistrationAccessToken(policy));

/** How many of the changes since an edit's version a conflict lists: the newest, however many there were. */
export const conflictListLimit = 10;

/**
 * An administrator's edit from a stale version is a conflict, reported before the token (which the newer save may
 * have rotated). Its reads are bounded: the newest changes, and whether any change since replaced the token.
 */
async function refuseStaleEdit(tx: store.Tx, row: Client | null, expectedVersion: number | undefined, policy: ServicePolicy): Promise<Refusal | null> {
  if (expectedVersion === undefined) return null;
  if (!row || row.deletedAt) return notFound();
  if (row.version === expectedVersion) return null;
  const since = await store.revisionsSince(tx, row.id, expectedVersion, conflictListLimit);
  // Versions run without gaps: each change is the previous version plus one.
  const earlier = Math.max(0, row.version - expectedVersion - since.length);
  const replacing = Object.values(RevisionKinds).filter((kind) => replacedRegistrationAccessToken(kind, policy));
  const tokenReplaced =
    since.some((r) => replacedRegistrationAccessToken(r.kind, policy)) || (earlier > 0 && (await store.hasRevisionSince(tx, row.id, expectedVersion, replacing)));
  return {
    ok: false,
    failure: {
      status: 409,
      error: "conflict",
      description: `This client was changed since version ${expectedVersion} (it is now at version ${row.version})`,
      issues: [],
      conflict: {
        baseVersion: expectedVersion,
        currentVersion: row.version,
        currentMetadata: row.metadata as ClientMetadata,
        since: since.map((r) => ({ version: r.version, kind: r.kind, actor: r.actor, interface: r.interface, at: r.createdAt, changeSet: r.changeSet as unknown as Change[] })),
        earlier,
        registrationAccessTokenReplaced: tokenReplaced,
      },
    },
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The metadata document must be a JSON object (RFC 7591 §3.1). */
function requireMetadataObject(document: unknown): Refusal | null {
  return isObject(document) ? null : invalid([{ path: [], code: "invalid_client_metadata", message: "metadata must be a JSON object" }]);
}

/** Members of an update request that only the service sets (RFC 7592 §2.2). */
const serviceOwnedMembers = ["registration_access_token", "registration_client_uri", "client_secret_expires_at", "client_id_issued_at"] as const;

/**
 * RFC 7592 §2.2: an update must not send the members the service sets, must carry the current client_id, and
 * may carry client_secret only as the current one.
 */
function refuseServiceOwnedMembers(document: Record<string, unknown>, row: Client, currentSecret: string | null): Refusal | null {
  const issues: MetadataIssue[] = [];
  const refuse = (member: string, message: string) => issues.push({ path: [member], code: "invalid_request", message: `${member} ${message}` });
  for (const member of serviceOwnedMembers) if (member in document) refuse(member, "must not be sent in an update request (RFC 7592 §2.2)");
  if (document.client_id === undefined || document.client_id === null) refuse("client_id", "is required in an update request and must equal the current client_id");
  else if (document.client_id !== row.clientId) refuse("client_id", "must equal the current client_id");
  if (document.client_secret !== undefined && document.client_secret !== null && (typeof document.client_secret !== "string" || !currentSecret || !secretsEqual(document.client_secret, currentSecret)))
    refuse("client_secret", "must equal the current client_secret when it is sent");
  return issues.length ? invalid(issues) : null;
}

/** Software statement (RFC 7591 §2.3), then the metadata rules: the normalized metadata or every problem. */
async function validateMetadata(document: Record<string, unknown>, policy: ServicePolicy, storedStatement?: unknown): Promise<Outcome<ClientMetadata>> {
  const statement = await applySoftwareStatement(document, policy, typeof storedStatement === "string" ? storedStatement : undefined);
  if (!statement.ok) return invalid([statement.issue]);
  const result = validateClientMetadata(statement.document, policy);
  return result.ok ? { ok: true, value: result.metadata } : invalid(result.issues);
}

/**
 * OpenID Connect Registration §5: the document at sector_identifier_uri lists every redirect URI. Checked for a
 * new client, and on an update that changes the URI or the redirect URIs (`before`).
 */
async function requireSectorIdentifierListing(metadata: ClientMetadata, before: ClientMetadata | undefined, documents: SectorDocuments): Promise<Refusal | null> {
  const problem = await sectorIdentifierProblem(metadata, before, documents);
  return problem ? invalid([problem]) : null;
}

/**
 * An update's sector_identifier_uri document, fetched before the client row is locked, so a slow host holds
 * neither the lock nor a connection; only for the holder of the client's token, and only when the update
 * changes the URI or the redirect URIs. requireSectorIdentifierListing then uses the answer (or fetches, when
 * a software statement brings the URI).
 */
async function prefetchSectorDocument(serviceId: string, input: UpdateInput, token: string | null, documents: SectorDocuments) {
  if (!isObject(input.document) || typeof input.document.sector_identifier_uri !== "string") return;
  const row = await store.findClient(serviceId, input.clientId);
  if (!holdsRegistrationAccessToken(row, token)) return;
  const { sector_identifier_uri, redirect_uris } = input.document as Pick<ClientMetadata, "sector_identifier_uri" | "redirect_uris">;
  const uri = sectorIdentifierToCheck({ sector_identifier_uri, redirect_uris: Array.isArray(redirect_uris) ? redirect_uris : [] }, row!.metadata as ClientMetadata);
  if (uri) await documents(uri);
}

const duplicateSoftwareId = (softwareId: string) => invalid([{ path: ["software_id"], code: "invalid_client_metadata", message: `software_id "${softwareId}" is already registered` }]);

/** With blockDuplicateSoftwareId, one active client per software_id; checked under the service's limits lock. */
async function keepSoftwareIdUnique(tx: store.Tx | null, serviceId: string, policy: ServicePolicy, softwareId: string | undefined): Promise<Refusal | null> {
  if (!policy.blockDuplicateSoftwareId || !softwareId) return null;
  return (await store.softwareIdTaken(serviceId, softwareId, tx)) ? duplicateSoftwareId(softwareId) : null;
}

/** An update that changes software_id keeps it unique too, under the service's limits lock like a registration. */
async function keepSoftwareIdUniqueOnChange(tx: store.Tx, serviceId: string, policy: ServicePolicy, before: string | undefined, after: string | undefined): Promise<Refusal | null> {
  if (after === before || !policy.blockDuplicateSoftwareId || !after) return null;
  await store.lockRegistrationLimits(tx, serviceId);
  return keepSoftwareIdUnique(tx, serviceId, policy, after);
}

/** With maxClients, at most that many active clients; checked under the service's limits lock. */
async function keepWithinClientLimit(tx: store.Tx | null, serviceId: string, policy: ServicePolicy): Promise<Refusal | null> {
  if (policy.maxClients === null) return null;
  return (await store.countActiveClients(serviceId, tx)) >= policy.maxClients ? forbidden(`This service accepts at most ${policy.maxClients} clients`) : null;
}

// ---- helpers ------------------------------------------------------------------------------------------

async function serviceOrThrow(serviceId: string) {
  const service = await store.loadService(serviceId);
  if (!service) throw new Error(`Unknown service ${serviceId}`);
  return service;
}

/** The client's `registration_client_uri` (RFC 7592 §3): under its service's issuer, or the policy's management endpoint. */
function registrationClientUri(serviceId: string, policy: ServicePolicy, clientId: string): string {
  const { issuer, serviceId: defaultServiceId } = config();
  return clientConfigurationEndpoint(serviceIssuer(issuer, serviceId, defaultServiceId), clientId, policy.registrationManagementEndpoint);
}

function secretExpiry(policy: ServicePolicy): number {
  return policy.clientSecretLifetimeSeconds ? Math.floor(Date.now() / 1000) + policy.clientSecretLifetimeSeconds : 0;
}

function information(row: Client, policy: ServicePolicy, metadata: ClientMetadata, clientSecret: string | null, registrationAccessToken: string | null, rotated: boolean, version: number): ClientInformation {
  return {
    clientId: row.clientId,
    number: row.number,
    clientSecret,
    clientIdIssuedAt: Math.floor(row.createdAt.getTime() / 1000),
    clientSecretExpiresAt: clientSecret ? row.secretExpiresAt : 0,
    registrationAccessToken,
    registrationAccessTokenRotated: rotated,
    registrationClientUri: registrationClientUri(row.serviceId, policy, row.clientId),
    metadata,
    version,
    origin: row.origin,
    updatedAt: row.updatedAt,
  };
}

function storedSecret(row: Pick<Client, "secretCiphertext" | "serviceId" | "clientId">): string | null {
  return row.secretCiphertext ? decryptSecret(row.secretCiphertext, config().encryptionKey, secretAad(row.serviceId, row.clientId)) : null;
}

// ---- the Authlete-compatible API's caller ------------------------------------------------------------

/**
 * The client_id of the client an Authlete-style caller names: Authlete's APIs take either the OAuth client_id
 * (`clientIdAlias`) or the numeric `clientId`, which is Registrar's client number. A name that is some client's
 * client_id means that client (an imported client_id may be all digits); otherwise a number names the client
 * with that number. Resolved before the token check, so a token presented with either identifier of its own
 * client is never taken as presented for another client.
 */
export async function clientIdNamedBy(serviceId: string, identifier: string): Promise<string> {
  if (!/^[1-9][0-9]{0,9}$/.test(identifier) || Number(identifier) > 2 ** 31 - 1) return identifier;
  return (await store.clientIdNamedBy(serviceId, identifier, Number(identifier))) ?? identifier;
}

export type ApiCallCheck = { ok: true; serviceId: string } | { ok: false; reason: "unknown_service" | "unauthorized" | "throttled"; retryAfter?: number };

/**
 * Authenticates an authorization server by an API key of the service: the key the environment sets
 * (Service.apiKeyHash) or one of the service's unrevoked keys made in the console (api-keys.ts). Another
 * service's key is refused as a wrong key. A deleted service is an unknown one. Failures count towards
 * throttling and are audited.
 */
export async function authorizeApiCall(serviceId: string, apiKey: string | undefined, caller: Caller): Promise<ApiCallCheck> {
  const wait = await retryAfter("api_key", caller.ip);
  if (wait > 0) {
    noteThrottled("api_key", wait);
    return { ok: false, reason: "throttled", retryAfter: wait };
  }
  const service = await store.loadService(serviceId);
  if (service && apiKey) {
    const keyHash = hashToken(apiKey);
    if (service.apiKeyHash && hashesEqual(keyHash, Buffer.from(service.apiKeyHash, "hex"))) return { ok: true, serviceId: service.id };
    if (await isApiKeyOf(service.id, keyHash)) return { ok: true, serviceId: service.id };
  }
  countCredentialFailure("api_key");
  if (await recordFailure("api_key", caller.ip)) await recordAudit(db(), caller, { serviceId: service?.id ?? null, action: "credential_guessing.throttled", outcome: "denied", details: { kind: "api_key" } });
  if (!service) return { ok: false, reason: "unknown_service" };
  await recordAudit(db(), caller, { serviceId: service.id, action: "api_key.check", outcome: "failure", details: { reason: apiKey ? "wrong_key" : "no_key" } });
  return { ok: false, reason: "unauthorized" };
}

// ---- register -----------------------------------------------------------------------------------------

/** A refused initial access token is an audit event, whether it fails before validation or in the race for its last use. */
async function refuseInitialAccessToken(serviceId: string, caller: Caller): Promise<Refusal> {
  await recordAudit(db(), caller, { serviceId, action: "initial_access_token.check", outcome: "failure" });
  return invalidToken(true);
}

/**
 * Open registration per client address (policy openRegistrationPerAddress): beyond `max` in the window, 429 with
 * the seconds left, the first refusal of a window audited. An authorization server calling the Authlete-compatible
 * API speaks for many clients from one address: it is trusted to limit its own callers.
 */
async function keepWithinAddressLimit(serviceId: string, policy: ServicePolicy, caller: Caller): Promise<Refusal | null> {
  const { max, windowSeconds } = policy.openRegistrationPerAddress;
  if (max === null || !caller.ip || caller.interface !== "rfc7591") return null;
  const { wait, firstRefused } = await countOpenRegistration(serviceId, caller.ip, { max, windowSeconds });
  if (firstRefused) await recordAudit(db(), caller, { serviceId, action: "open_registration.throttled", outcome: "denied", details: { max, windowSeconds } });
  if (!wait) return null;
  return {
    ok: false,
    failure: { status: 429, error: "too_many_requests", description: `Too many registrations from this address; try again in ${wait} seconds`, issues: [], retryAfter: wait },
  };
}

/**
 * RFC 7591 §3: whether this registration may happen at all. A console registration always may (the caller is
 * an editor); client software needs dynamic registration open, and an initial access token that is still
 * usable when the policy asks for one or one is presented; an open registration within the policy's limit per
 * client address. Returns the token's hash, to spend one use of it with the registration.
 */
async function requireRegistrationAllowed(
  serviceId: string,
  policy: ServicePolicy,
  origin: NonNullable<RegisterInput["origin"]>,
  initialAccessToken: string | null,
  caller: Caller,
): Promise<Outcome<Uint8Array<ArrayBuffer> | null>> {
  if (origin !== "dynamic") return { ok: true, value: null };
  if (policy.registrationMode === "console_only") return forbidden("Dynamic registration is disabled for this service; clients are registered by an administrator");
  if (policy.registrationMode !== "initial_access_token" && !initialAccessToken) return (await keepWithinAddressLimit(serviceId, policy, caller)) ?? { ok: true, value: null };
  if (!initialAccessToken) return invalidToken(false);
  const slowDown = await throttled("initial_access_token", caller);
  if (slowDown) return slowDown;
  const tokenHash = hashToken(initialAccessToken);
  if (await store.initialAccessTokenUsable(serviceId, tokenHash)) return { ok: true, value: tokenHash };
  await countFailure("initial_access_token", serviceId, caller);
  return refuseInitialAccessToken(serviceId, caller);
}

export type RegisterInput = {
  document: unknown;
  /** Bearer token of the registration request (an initial access token), if any. */
  initialAccessToken?: string | null;
  origin?: "dynamic" | "console" | "import";
};

/**
 * RFC 7591 §3: registers a client. The steps: registration allowed (open, or a usable initial access token;
 * console registrations skip this) → a metadata object → valid metadata → the sector_identifier_uri document
 * lists the redirect URIs → the service's limits (client count, unique software_id) → persist with its first
 * revision and audit event.
 */
export async function register(serviceId: string, input: RegisterInput, caller: Caller): Promise<Outcome<ClientInformation>> {
  const { policy } = await serviceOrThrow(serviceId);
  const origin = input.origin ?? "dynamic";
  const allowed = await requireRegistrationAllowed(serviceId, policy, origin, presentedToken(input.initialAccessToken), caller);
  if (!allowed.ok) return allowed;
  const iatHash = allowed.value;
  const notObject = requireMetadataObject(input.document);
  if (notObject) return notObject;
  // A supplied secret (or any other credential member) is ignored: the service issues them.
  const document = Object.fromEntries(Object.entries(input.document as Record<string, unknown>).filter(([k]) => !(credentialMembers as readonly string[]).includes(k)));
  const validated = await validateMetadata(document, policy);
  if (!validated.ok) return validated;
  const metadata = validated.value;
  const unlisted = await requireSectorIdentifierListing(metadata, undefined, sectorDocuments());
  if (unlisted) return unlisted;

  const clientId = newClientId();
  const clientSecret = needsClientSecret(metadata) ? newClientSecret() : null;
  const registrationAccessToken = newToken();
  const secretExpiresAt = clientSecret ? secretExpiry(policy) : 0;
  const registration: store.NewRegistration = {
    serviceId,
    clientId,
    metadata,
    origin,
    selfManaged: origin === "console" ? policy.consoleClientsSelfManaged : true,
    secretCiphertext: clientSecret ? encryptSecret(clientSecret, config().encryptionKey, secretAad(serviceId, clientId)) : null,
    secretExpiresAt,
    registrationAccessTokenHash: hashToken(registrationAccessToken),
    initialAccessTokenHash: iatHash,
    actor: caller.actor,
    interface: caller.interface,
    requestId: caller.requestId ?? null,
    ip: caller.ip ?? null,
    changeSet: diffMetadata({}, metadata),
  };
  const limited = policy.maxClients !== null || (policy.blockDuplicateSoftwareId && !!metadata.software_id);
  const created = await store.withRegistrationLimits(serviceId, limited, async (tx) => {
    const refusal = await firstRefusal(
      () => keepWithinClientLimit(tx, serviceId, policy),
      () => keepSoftwareIdUnique(tx, serviceId, policy, metadata.software_id),
    );
    return refusal ?? store.insertRegistration(registration, tx);
  });
  if (!created) return refuseInitialAccessToken(serviceId, caller); // the initial access token was used up meanwhile
  if (!("createdAt" in created)) return created; // a limit of the service
  countRegistration(serviceId, caller.interface);
  logger.info({ event: "client.registered", serviceId, clientId, interface: caller.interface, requestId: caller.requestId }, "client registered");
  return {
    ok: true,
    value: {
      clientId,
      number: created.number,
      clientSecret,
      clientIdIssuedAt: Math.floor(created.createdAt.getTime() / 1000),
      clientSecretExpiresAt: secretExpiresAt,
      registrationAccessToken,
      registrationAccessTokenRotated: false,
      registrationClientUri: registrationClientUri(serviceId, policy, clientId),
      metadata,
      version: 1,
      origin,
      updatedAt: created.createdAt,
    },
  };
}

// ---- read ---------------------------------------------------------------------------------------------

/**
 * RFC 7592 §2.1: the client's current configuration. The steps: not throttled → a token at all → the client's
 * registration access token → self-management allowed.
 */
export async function read(serviceId: string, input: { clientId: string; registrationAccessToken: string | null | undefined }, caller: Caller): Promise<Outcome<ClientInformation>> {
  const token = presentedToken(input.registrationAccessToken);
  const refusal = (await throttled("registration_token", caller)) ?? refuseAnonymous(serviceId, "GET", token, caller);
  if (refusal) return refusal;
  const row = await store.findClient(serviceId, input.clientId);
  if (!row || !holdsRegistrationAccessToken(row, token)) {
    // A refusal writes audit events (and may revoke a leaked token): in a transaction of its own.
    const refused = await store.withTransaction((tx) => requireRegistrationAccessToken(tx, serviceId, input.clientId, row, token, caller));
    return countTokenFailure(refused ?? invalidToken(!!token), token, serviceId, caller);
  }
  const barred = requireSelfManagement(row, caller);
  if (barred) return barred;
  const { policy } = await serviceOrThrow(serviceId);
  return { ok: true, value: information(row, policy, row.metadata as ClientMetadata, storedSecret(row), token, false, row.version) };
}

// ---- update -------------------------------------------------------------------------------------------

export type UpdateInput = {
  clientId: string;
  registrationAccessToken: string | null | undefined;
  /** The whole new configuration (RFC 7592 §2.2): metadata plus client_id (and client_secret, if any). */
  document: unknown;
  /** The version an administrator's edit started from; a newer current version is a conflict (console). */
  expectedVersion?: number;
};

/** RFC 7592 §2.2: replaces the client's metadata; omitted or null members are removed. */
export async function update(serviceId: string, input: UpdateInput, caller: Caller): Promise<Outcome<ClientInformation>> {
  return writeMetadata(serviceId, input, caller, "updated");
}

/** Restores the metadata of an earlier revision, as a new revision (console, through the review step). */
export async function revert(
  serviceId: string,
  input: { clientId: string; registrationAccessToken: string | null | undefined; toVersion: number; expectedVersion: number },
  caller: Caller,
): Promise<Outcome<ClientInformation>> {
  const row = await store.findClient(serviceId, input.clientId);
  if (!row || row.deletedAt) return notFound();
  const target = await store.findRevision(row.id, input.toVersion);
  if (!target || target.kind === "deleted") return invalidRequest("version", `must name an earlier revision of this client (${input.toVersion} is not one)`);
  const document = Object.assign({}, target.metadata as Record<string, unknown>, { client_id: row.clientId });
  return writeMetadata(serviceId, { clientId: input.clientId, registrationAccessToken: input.registrationAccessToken, document, expectedVersion: input.expectedVersion }, caller, "reverted", input.toVersion);
}

/**
 * An update or a revert. The steps: not throttled → a token at all (but in the console); then, with the
 * client row locked once: not a stale edit (console) → the client's registration access token → self-management
 * allowed → a metadata object → no service-owned members → valid metadata → the sector_identifier_uri document
 * lists the redirect URIs, when either changes → unique software_id when it changes → persist with a revision and
 * an audit event.
 */
async function writeMetadata(serviceId: string, input: UpdateInput, caller: Caller, kind: "updated" | "reverted", revertedTo?: number): Promise<Outcome<ClientInformation>> {
  const { policy } = await serviceOrThrow(serviceId);
  const token = presentedToken(input.registrationAccessToken);
  const early = (await throttled("registration_token", caller)) ?? refuseAnonymous(serviceId, "PUT", token, caller);
  if (early) return early;
  const documents = sectorDocuments();
  await prefetchSectorDocument(serviceId, input, token, documents);
  const outcome = await store.withTransaction(async (tx): Promise<Outcome<ClientInformation>> => {
    const row = await store.lockClient(tx, serviceId, input.clientId);
    let currentSecret: string | null = null;
    const refusal = await firstRefusal(
      () => refuseStaleEdit(tx, row, input.expectedVersion, policy),
      () => requireRegistrationAccessToken(tx, serviceId, input.clientId, row, token, caller),
      () => requireSelfManagement(row!, caller),
      () => requireMetadataObject(input.document),
      () => refuseServiceOwnedMembers(input.document as Record<string, unknown>, row!, (currentSecret = storedSecret(row!))),
    );
    if (refusal) return refusal;
    const client = row!;
    const document = input.document as Record<string, unknown>;
    const before = client.metadata as ClientMetadata;
    const metadataDocument = Object.fromEntries(Object.entries(document).filter(([k]) => k !== "client_id" && k !== "client_secret"));
    const validated = await validateMetadata(metadataDocument, policy, before.software_statement);
    if (!validated.ok) return validated;
    const metadata = validated.value;
    const refused = await firstRefusal(
      () => requireSectorIdentifierListing(metadata, before, documents),
      () => keepSoftwareIdUniqueOnChange(tx, serviceId, policy, before.software_id, metadata.software_id),
    );
    if (refused) return refused;
    return persistMetadata(tx, { serviceId, row: client, before, metadata, currentSecret, token: token!, policy, kind, revertedTo }, caller);
  });
  return countTokenFailure(outcome, token, serviceId, caller);
}

/**
 * Writes new metadata: the secret it needs (kept, created or removed), the token rotation of the policy, a
 * revision and an audit event. An update that changes nothing (the same metadata, no new or removed secret, no
 * rotated token) writes no revision and keeps the version: it is answered like any update, and audited with
 * `unchanged: true`, since a client or an administrator did act.
 */
async function persistMetadata(
  tx: store.Tx,
  w: { serviceId: string; row: Client; before: ClientMetadata; metadata: ClientMetadata; currentSecret: string | null; token: string; policy: ServicePolicy; kind: "updated" | "reverted"; revertedTo?: number },
  caller: Caller,
): Promise<Outcome<ClientInformation>> {
  const { serviceId, row, metadata, currentSecret, policy } = w;
  const changeSet = diffMetadata(w.before, metadata);
  const clientSecret = needsClientSecret(metadata) ? (currentSecret ?? newClientSecret()) : null;
  const secretCreated = !!clientSecret && !currentSecret;
  const rotate = rotatesRegistrationAccessToken(policy);
  const secretRemoved = !clientSecret && !!currentSecret;
  const audit = (details: Record<string, unknown>) =>
    recordAudit(tx, caller, { serviceId, action: w.kind === "reverted" ? "client.reverted" : "client.updated", clientId: row.clientId, outcome: "success", details: Object.assign(details, w.revertedTo ? { revertedTo: w.revertedTo } : {}) });
  if (changeSet.length === 0 && !rotate && !secretCreated && !secretRemoved) {
    await audit({ version: row.version, changed: [], unchanged: true });
    return { ok: true, value: information(row, policy, row.metadata as ClientMetadata, clientSecret, w.token, false, row.version) };
  }
  const registrationAccessToken = rotate ? newToken() : w.token;
  const version = row.version + 1;
  const data: Prisma.ClientUpdateInput = Object.assign({ metadata: metadata as Prisma.InputJsonValue }, store.listingColumns(row.clientId, metadata), {
    secretCiphertext: clientSecret ? (secretCreated ? encryptSecret(clientSecret, config().encryptionKey, secretAad(serviceId, row.clientId)) : row.secretCiphertext) : null,
    secretExpiresAt: clientSecret ? (secretCreated ? secretExpiry(policy) : row.secretExpiresAt) : 0,
    version,
    updatedAt: new Date(),
  });
  if (rotate) data.registrationAccessTokenHash = hashToken(registrationAccessToken);
  const updated = await tx.client.update({ where: { id: row.id }, data });
  await store.insertRevision(tx, caller, { clientRef: row.id, version, kind: w.kind, metadata, changeSet });
  const details: Record<string, unknown> = { version, changed: changeSet.map((c) => c.path.join(".")) };
  if (rotate) details.registrationAccessTokenRotated = true;
  if (secretCreated) details.clientSecretCreated = true;
  if (secretRemoved) details.clientSecretRemoved = true;
  await audit(details);
  return { ok: true, value: information(updated, policy, metadata, clientSecret, registrationAccessToken, rotate, version) };
}

// ---- delete -------------------------------------------------------------------------------------------

/** How a delete is authorized: the client's own token (RFC 7592), or an administrator (console). */
export type Authorization = { registrationAccessToken: string | null | undefined } | { administrator: true };

/**
 * RFC 7592 §2.3: the client, its secret and its registration access token stop working at once; its history
 * is kept. The steps: not throttled → a token at all; then, with the client row locked: the client's
 * registration access token (or an administrator and a live client) → self-management allowed → persist the
 * deletion with a revision and an audit event.
 */
export async function remove(serviceId: string, input: { clientId: string } & Authorization, caller: Caller): Promise<Outcome<{ clientId: string; version: number }>> {
  const administrator = "administrator" in input;
  const token = administrator ? null : presentedToken(input.registrationAccessToken);
  if (!administrator) {
    const early = (await throttled("registration_token", caller)) ?? refuseAnonymous(serviceId, "DELETE", token, caller);
    if (early) return early;
  }
  const outcome = await store.withTransaction(async (tx): Promise<Outcome<{ clientId: string; version: number }>> => {
    const row = await store.lockClient(tx, serviceId, input.clientId);
    const refusal = administrator
      ? !row || row.deletedAt
        ? notFound()
        : null
      : await firstRefusal(
          () => requireRegistrationAccessToken(tx, serviceId, input.clientId, row, token, caller),
          () => requireSelfManagement(row!, caller),
        );
    if (refusal) return refusal;
    const client = row!;
    const version = client.version + 1;
    await tx.client.update({ where: { id: client.id }, data: { deletedAt: new Date(), secretCiphertext: null, registrationAccessTokenHash: null, version, updatedAt: new Date() } });
    const metadata = client.metadata as ClientMetadata;
    await store.insertRevision(tx, caller, { clientRef: client.id, version, kind: "deleted", metadata, changeSet: diffMetadata(metadata, {}) });
    await recordAudit(tx, caller, { serviceId, action: "client.deleted", clientId: client.clientId, outcome: "success", details: { version } });
    return { ok: true, value: { clientId: client.clientId, version } };
  });
  return countTokenFailure(outcome, token, serviceId, caller);
}

// ---- registration access token re-issue ---------------------------------------------------------------

/** An administrator issues a new registration access token (shown once); the old one stops working at once. */
export async function reissueRegistrationAccessToken(serviceId: string, input: { clientId: string }, caller: Caller): Promise<Outcome<{ registrationAccessToken: string; version: number }>> {
  return store.withTransaction(async (tx) => {
    const row = await store.lockClient(tx, serviceId, input.clientId);
    if (!row || row.deletedAt) return notFound();
    const registrationAccessToken = newToken();
    const version = row.version + 1;
    await tx.client.update({ where: { id: row.id }, data: { registrationAccessTokenHash: hashToken(registrationAccessToken), version, updatedAt: new Date() } });
    await store.insertRevision(tx, caller, { clientRef: row.id, version, kind: "token_reissued", metadata: row.metadata as ClientMetadata, changeSet: [] });
    await recordAudit(tx, caller, { serviceId, action: "registration_token.reissued", clientId: row.clientId, outcome: "success", details: { version } });
    return { ok: true, value: { registrationAccessToken, version } };
  });
}
