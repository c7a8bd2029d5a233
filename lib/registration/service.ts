import type { Client, Interface, Prisma } from "@/generated/prisma/client";
import { config } from "@/lib/config";
import { logger } from "@/lib/logger";
import { decryptSecret, encryptSecret, hashToken, newClientId, newClientSecret, newToken, secretsEqual, tokenMatches } from "./credentials";
import { diffMetadata, type Change } from "./diff";
import { needsClientSecret } from "./members";
import { validateClientMetadata, type ClientMetadata, type MetadataIssue, type RegistrationErrorCode } from "./metadata";
import type { ServicePolicy } from "./policy";
import { applySoftwareStatement } from "./software-statement";
import * as store from "./store";
import { recordFailure, retryAfter, type CredentialKind } from "./throttle";
import { credentialMembers } from "./vocabulary";

// The registration core (SPEC.md §3, §4, §6): register, read, update, remove, re-issue and revert. The
// console, the RFC 7591/7592 endpoints and the Authlete-compatible API all call these functions and shape
// the outcome for their audience; no rule lives anywhere else.

/** Who is calling, through which interface: recorded in revisions and audit events. */
export type Caller = {
  interface: Interface;
  /** e.g. `client:<client_id>`, `admin:<email>`, `api:<service>`, `anonymous`. */
  actor: string;
  ip?: string | null;
  requestId?: string | null;
};

export type Conflict = {
  /** The version the edit was based on, and the current one. */
  baseVersion: number;
  currentVersion: number;
  currentMetadata: ClientMetadata;
  /** What happened since the base version, oldest first. */
  since: { version: number; kind: string; actor: string; interface: Interface; at: Date; changeSet: Change[] }[];
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
};

// ---- failures -----------------------------------------------------------------------------------------

const severity: Record<string, number> = { invalid_request: 0, invalid_software_statement: 1, unapproved_software_statement: 1, invalid_redirect_uri: 2, invalid_client_metadata: 3 };

function invalid(issues: MetadataIssue[]): Outcome<never> {
  const sorted = [...issues].sort((a, b) => severity[a.code]! - severity[b.code]!);
  return { ok: false, failure: { status: 400, error: sorted[0]!.code, description: issues.map((i) => i.message).join("; "), issues } };
}

const invalidRequest = (member: string, message: string) => invalid([{ path: [member], code: "invalid_request", message: `${member} ${message}` }]);

/** The one 401 for every token problem: the same body whatever the cause, so nothing reveals which client ids exist. */
const invalidToken = (tokenPresented: boolean): Outcome<never> => ({
  ok: false,
  failure: { status: 401, error: "invalid_token", description: tokenPresented ? "The access token is invalid" : "An access token is required", issues: [], tokenPresented },
});

const tooManyFailures = (seconds: number): Outcome<never> => ({
  ok: false,
  failure: { status: 429, error: "too_many_requests", description: `Too many failed attempts from this address; try again in ${seconds} seconds`, issues: [], retryAfter: seconds },
});

/**
 * Whether the caller's address is throttled for this kind of credential. An authorization server calling the
 * Authlete-compatible API speaks for many clients from one address: it is trusted to limit its own callers.
 */
async function throttled(kind: CredentialKind, caller: Caller): Promise<Outcome<never> | null> {
  if (caller.interface === "authlete_api" || caller.interface === "console") return null;
  const wait = await retryAfter(kind, caller.ip);
  return wait > 0 ? tooManyFailures(wait) : null;
}

/** Counts a failed credential check of the caller's address; reaching the limit is an audit event. */
async function countFailure(kind: CredentialKind, serviceId: string, caller: Caller) {
  if (caller.interface === "authlete_api" || caller.interface === "console") return;
  if (await recordFailure(kind, caller.ip))
    await store.recordAudit(null, { serviceId, actor: caller.actor, action: "credential_guessing.throttled", outcome: "denied", interface: caller.interface, ip: caller.ip, requestId: caller.requestId, details: { kind } });
}

const forbidden = (description: string): Outcome<never> => ({ ok: false, failure: { status: 403, error: "access_denied", description, issues: [] } });

const notFound = (): Outcome<never> => ({ ok: false, failure: { status: 404, error: "not_found", description: "No such client", issues: [] } });

// ---- helpers ------------------------------------------------------------------------------------------

async function serviceOrThrow(serviceId: string) {
  const service = await store.loadService(serviceId);
  if (!service) throw new Error(`Unknown service ${serviceId}`);
  return service;
}

const registrationClientUri = (clientId: string) => `${config().issuer}/register/${encodeURIComponent(clientId)}`;

const secretAad = (serviceId: string, clientId: string) => `${serviceId}/${clientId}`;

function secretExpiry(policy: ServicePolicy): number {
  return policy.clientSecretLifetimeSeconds ? Math.floor(Date.now() / 1000) + policy.clientSecretLifetimeSeconds : 0;
}

function information(row: Client, metadata: ClientMetadata, clientSecret: string | null, registrationAccessToken: string | null, rotated: boolean, version: number): ClientInformation {
  return {
    clientId: row.clientId,
    number: row.number,
    clientSecret,
    clientIdIssuedAt: Math.floor(row.createdAt.getTime() / 1000),
    clientSecretExpiresAt: clientSecret ? row.secretExpiresAt : 0,
    registrationAccessToken,
    registrationAccessTokenRotated: rotated,
    registrationClientUri: registrationClientUri(row.clientId),
    metadata,
    version,
  };
}

function storedSecret(row: Pick<Client, "secretCiphertext" | "serviceId" | "clientId">): string | null {
  return row.secretCiphertext ? decryptSecret(row.secretCiphertext, config().encryptionKey, secretAad(row.serviceId, row.clientId)) : null;
}

/** Software statement, then the metadata rules: the normalized metadata or every problem. */
async function validate(document: Record<string, unknown>, policy: ServicePolicy, storedStatement?: unknown): Promise<Outcome<ClientMetadata>> {
  const statement = await applySoftwareStatement(document, policy, typeof storedStatement === "string" ? storedStatement : undefined);
  if (!statement.ok) return invalid([statement.issue]);
  const result = validateClientMetadata(statement.document, policy);
  return result.ok ? { ok: true, value: result.metadata } : invalid(result.issues);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

type TokenCheck = { ok: true; row: Client } | { ok: false };

/**
 * Checks a registration access token for a client: the hash is compared in constant time; a failure is
 * audited, and a token that belongs to another client is revoked. Every failure looks the same outside.
 */
async function checkRegistrationAccessToken(
  tx: store.Tx,
  serviceId: string,
  clientId: string,
  token: string | null | undefined,
  caller: Caller,
): Promise<TokenCheck> {
  const row = await store.lockClient(tx, serviceId, clientId);
  if (token && row && !row.deletedAt && tokenMatches(token, row.registrationAccessTokenHash)) return { ok: true, row };
  let reason = !token ? "no_token" : !row || row.deletedAt ? "unknown_client" : "wrong_token";
  if (token) {
    const revokedFrom = await store.revokeTokenHeldByOtherClient(tx, serviceId, hashToken(token), clientId);
    if (revokedFrom) {
      reason = "token_of_another_client";
      await store.recordAudit(tx, { serviceId, actor: caller.actor, action: "registration_token.revoked", clientId: revokedFrom, outcome: "success", interface: caller.interface, ip: caller.ip, requestId: caller.requestId, details: { reason: "presented for another client", presentedFor: clientId } });
    }
  }
  await store.recordAudit(tx, { serviceId, actor: caller.actor, action: "registration_token.check", clientId, outcome: "failure", interface: caller.interface, ip: caller.ip, requestId: caller.requestId, details: { reason } });
  return { ok: false };
}

/** Token checks write their audit event even though the request fails: run them in their own transaction. */
async function authenticate(serviceId: string, clientId: string, token: string | null | undefined, caller: Caller): Promise<boolean> {
  return store.withTransaction(async (tx) => (await checkRegistrationAccessToken(tx, serviceId, clientId, token, caller)).ok);
}

// ---- the Authlete-compatible API's caller ------------------------------------------------------------

export type ApiCallCheck = { ok: true; serviceId: string } | { ok: false; reason: "unknown_service" | "unauthorized" | "throttled"; retryAfter?: number };

/** Authenticates an authorization server by its service API key; failures count towards throttling and are audited. */
export async function authorizeApiCall(serviceId: string, apiKey: string | undefined, caller: Caller): Promise<ApiCallCheck> {
  const wait = await retryAfter("api_key", caller.ip);
  if (wait > 0) return { ok: false, reason: "throttled", retryAfter: wait };
  const service = await store.loadService(serviceId);
  if (service && apiKey && service.apiKeyHash && tokenMatches(apiKey, Buffer.from(service.apiKeyHash, "hex"))) return { ok: true, serviceId: service.id };
  if (await recordFailure("api_key", caller.ip))
    await store.recordAudit(null, { serviceId: service?.id ?? null, actor: caller.actor, action: "credential_guessing.throttled", outcome: "denied", interface: caller.interface, ip: caller.ip, requestId: caller.requestId, details: { kind: "api_key" } });
  if (!service) return { ok: false, reason: "unknown_service" };
  await store.recordAudit(null, { serviceId: service.id, actor: caller.actor, action: "api_key.check", outcome: "failure", interface: caller.interface, ip: caller.ip, requestId: caller.requestId, details: { reason: apiKey ? "wrong_key" : "no_key" } });
  return { ok: false, reason: "unauthorized" };
}

// ---- register -----------------------------------------------------------------------------------------

export type RegisterInput = {
  document: unknown;
  /** Bearer token of the registration request (an initial access token), if any. */
  initialAccessToken?: string | null;
  origin?: "dynamic" | "console" | "import";
};

/** RFC 7591 §3: registers a client. Console registrations skip the registration-mode check (the caller is an editor). */
export async function register(serviceId: string, input: RegisterInput, caller: Caller): Promise<Outcome<ClientInformation>> {
  const { policy } = await serviceOrThrow(serviceId);
  const origin = input.origin ?? "dynamic";
  let iatHash: Uint8Array<ArrayBuffer> | null = null;
  /** A failed initial access token check is an audit event (SPEC.md §6), whether it fails before validation or in the race for its last use. */
  const initialAccessTokenRefused = async () => {
    await store.recordAudit(null, { serviceId, actor: caller.actor, action: "initial_access_token.check", outcome: "failure", interface: caller.interface, ip: caller.ip, requestId: caller.requestId });
    return invalidToken(true);
  };
  if (origin === "dynamic") {
    if (policy.registrationMode === "console_only") return forbidden("Dynamic registration is disabled for this service; clients are registered by an administrator");
    if (policy.registrationMode === "initial_access_token" || input.initialAccessToken) {
      if (!input.initialAccessToken) return invalidToken(false);
      const slowDown = await throttled("initial_access_token", caller);
      if (slowDown) return slowDown;
      iatHash = hashToken(input.initialAccessToken);
      if (!(await store.initialAccessTokenUsable(serviceId, iatHash))) {
        await countFailure("initial_access_token", serviceId, caller);
        return initialAccessTokenRefused();
      }
    }
  }
  if (!isObject(input.document)) return invalid([{ path: [], code: "invalid_client_metadata", message: "metadata must be a JSON object" }]);
  const document = Object.fromEntries(Object.entries(input.document).filter(([k]) => !(credentialMembers as readonly string[]).includes(k))); // a supplied secret is ignored
  const validated = await validate(document, policy);
  if (!validated.ok) return validated;
  const metadata = validated.value;

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
    if (policy.maxClients !== null && (await store.countActiveClients(serviceId, tx)) >= policy.maxClients)
      return forbidden(`This service accepts at most ${policy.maxClients} clients`);
    if (policy.blockDuplicateSoftwareId && metadata.software_id && (await store.softwareIdTaken(serviceId, metadata.software_id, tx)))
      return invalid([{ path: ["software_id"], code: "invalid_client_metadata", message: `software_id "${metadata.software_id}" is already registered` }]);
    return store.insertRegistration(registration, tx);
  });
  if (!created) return initialAccessTokenRefused(); // the initial access token was used up meanwhile
  if (!("createdAt" in created)) return created; // a limit of the service
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
      registrationClientUri: registrationClientUri(clientId),
      metadata,
      version: 1,
    },
  };
}

// ---- read ---------------------------------------------------------------------------------------------

/** RFC 7592 §2.1: the client's current configuration, for the holder of its registration access token. */
export async function read(serviceId: string, input: { clientId: string; registrationAccessToken: string | null | undefined }, caller: Caller): Promise<Outcome<ClientInformation>> {
  const slowDown = await throttled("registration_token", caller);
  if (slowDown) return slowDown;
  const row = await store.findClient(serviceId, input.clientId);
  if (!row || row.deletedAt || !input.registrationAccessToken || !tokenMatches(input.registrationAccessToken, row.registrationAccessTokenHash)) {
    await authenticate(serviceId, input.clientId, input.registrationAccessToken, caller); // audits, revokes a stolen token
    if (input.registrationAccessToken) await countFailure("registration_token", serviceId, caller);
    return invalidToken(!!input.registrationAccessToken);
  }
  if (!row.selfManaged && caller.interface !== "console") return forbidden("This client may not manage its own registration");
  return { ok: true, value: information(row, row.metadata as ClientMetadata, storedSecret(row), input.registrationAccessToken, false, row.version) };
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

/** Members of an update request that only the service sets (RFC 7592 §2.2). */
const forbiddenInUpdate = ["registration_access_token", "registration_client_uri", "client_secret_expires_at", "client_id_issued_at"] as const;

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
  const document = { ...(target.metadata as Record<string, unknown>), client_id: row.clientId };
  return writeMetadata(serviceId, { clientId: input.clientId, registrationAccessToken: input.registrationAccessToken, document, expectedVersion: input.expectedVersion }, caller, "reverted", input.toVersion);
}

async function writeMetadata(serviceId: string, input: UpdateInput, caller: Caller, kind: "updated" | "reverted", revertedTo?: number): Promise<Outcome<ClientInformation>> {
  const { policy } = await serviceOrThrow(serviceId);
  const token = input.registrationAccessToken;
  const slowDown = await throttled("registration_token", caller);
  if (slowDown) return slowDown;
  const outcome = await store.withTransaction(async (tx): Promise<Outcome<ClientInformation> | "unauthorized"> => {
    // An administrator's edit from a stale version is a conflict, reported before the token (which the newer save may have rotated).
    if (input.expectedVersion !== undefined) {
      const current = await store.lockClient(tx, serviceId, input.clientId);
      if (!current || current.deletedAt) return notFound();
      if (current.version !== input.expectedVersion) return conflict(tx, current, input.expectedVersion);
    }
    const check = await checkRegistrationAccessToken(tx, serviceId, input.clientId, token, caller);
    if (!check.ok) return "unauthorized";
    const row = check.row;
    if (!row.selfManaged && caller.interface !== "console") return forbidden("This client may not manage its own registration");

    if (!isObject(input.document)) return invalid([{ path: [], code: "invalid_client_metadata", message: "metadata must be a JSON object" }]);
    const document = input.document;
    const requestIssues: MetadataIssue[] = [];
    const refuse = (member: string, message: string) => requestIssues.push({ path: [member], code: "invalid_request", message: `${member} ${message}` });
    for (const member of forbiddenInUpdate) if (member in document) refuse(member, "must not be sent in an update request (RFC 7592 §2.2)");
    if (document.client_id === undefined || document.client_id === null) refuse("client_id", "is required in an update request and must equal the current client_id");
    else if (document.client_id !== row.clientId) refuse("client_id", "must equal the current client_id");
    const currentSecret = storedSecret(row);
    if (document.client_secret !== undefined && document.client_secret !== null && (typeof document.client_secret !== "string" || !currentSecret || !secretsEqual(document.client_secret, currentSecret)))
      refuse("client_secret", "must equal the current client_secret when it is sent");
    if (requestIssues.length) return invalid(requestIssues);

    const metadataDocument = Object.fromEntries(Object.entries(document).filter(([k]) => k !== "client_id" && k !== "client_secret"));
    const before = row.metadata as ClientMetadata;
    const validated = await validate(metadataDocument, policy, before.software_statement);
    if (!validated.ok) return validated;
    const metadata = validated.value;
    if (policy.blockDuplicateSoftwareId && metadata.software_id && metadata.software_id !== before.software_id) {
      await store.lockRegistrationLimits(tx, serviceId);
      if (await store.softwareIdTaken(serviceId, metadata.software_id, tx))
        return invalid([{ path: ["software_id"], code: "invalid_client_metadata", message: `software_id "${metadata.software_id}" is already registered` }]);
    }
    const changeSet = diffMetadata(before, metadata);

    const clientSecret = needsClientSecret(metadata) ? (currentSecret ?? newClientSecret()) : null;
    const secretCreated = !!clientSecret && !currentSecret;
    const rotate = policy.rotateRegistrationAccessTokenOnUpdate;
    const newRegistrationAccessToken = rotate ? newToken() : token!;
    const version = row.version + 1;
    const updated = await tx.client.update({
      where: { id: row.id },
      data: {
        metadata: metadata as Prisma.InputJsonValue,
        ...store.listingColumns(row.clientId, metadata),
        secretCiphertext: clientSecret ? (secretCreated ? encryptSecret(clientSecret, config().encryptionKey, secretAad(serviceId, row.clientId)) : row.secretCiphertext) : null,
        secretExpiresAt: clientSecret ? (secretCreated ? secretExpiry(policy) : row.secretExpiresAt) : 0,
        ...(rotate && { registrationAccessTokenHash: hashToken(newRegistrationAccessToken) }),
        version,
        updatedAt: new Date(),
      },
    });
    await store.insertRevision(tx, { clientRef: row.id, version, kind, metadata, changeSet, actor: caller.actor, interface: caller.interface, requestId: caller.requestId ?? null });
    await store.recordAudit(tx, {
      serviceId,
      actor: caller.actor,
      action: kind === "reverted" ? "client.reverted" : "client.updated",
      clientId: row.clientId,
      outcome: "success",
      interface: caller.interface,
      ip: caller.ip,
      requestId: caller.requestId,
      details: { version, changed: changeSet.map((c) => c.path.join(".")), ...(revertedTo && { revertedTo }), ...(rotate && { registrationAccessTokenRotated: true }), ...(secretCreated && { clientSecretCreated: true }), ...(!clientSecret && currentSecret && { clientSecretRemoved: true }) },
    });
    return { ok: true, value: information(updated, metadata, clientSecret, newRegistrationAccessToken, rotate, version) };
  });
  if (outcome === "unauthorized") {
    if (token) await countFailure("registration_token", serviceId, caller);
    return invalidToken(!!token);
  }
  return outcome;
}

async function conflict(tx: store.Tx, current: Client, baseVersion: number): Promise<Outcome<never>> {
  const since = await store.revisionsSince(tx, current.id, baseVersion);
  return {
    ok: false,
    failure: {
      status: 409,
      error: "conflict",
      description: `This client was changed since version ${baseVersion} (it is now at version ${current.version})`,
      issues: [],
      conflict: {
        baseVersion,
        currentVersion: current.version,
        currentMetadata: current.metadata as ClientMetadata,
        since: since.map((r) => ({ version: r.version, kind: r.kind, actor: r.actor, interface: r.interface, at: r.createdAt, changeSet: r.changeSet as unknown as Change[] })),
      },
    },
  };
}

// ---- delete -------------------------------------------------------------------------------------------

/** How a delete or re-issue is authorized: the client's own token (RFC 7592), or an administrator (console). */
export type Authorization = { registrationAccessToken: string | null | undefined } | { administrator: true };

/** RFC 7592 §2.3: the client, its secret and its registration access token stop working at once. History is kept. */
export async function remove(serviceId: string, input: { clientId: string } & Authorization, caller: Caller): Promise<Outcome<{ clientId: string; version: number }>> {
  if (!("administrator" in input)) {
    const slowDown = await throttled("registration_token", caller);
    if (slowDown) return slowDown;
  }
  const outcome = await store.withTransaction(async (tx): Promise<Outcome<{ clientId: string; version: number }> | "unauthorized"> => {
    let row: Client;
    if ("administrator" in input) {
      const found = await store.lockClient(tx, serviceId, input.clientId);
      if (!found || found.deletedAt) return notFound();
      row = found;
    } else {
      const check = await checkRegistrationAccessToken(tx, serviceId, input.clientId, input.registrationAccessToken, caller);
      if (!check.ok) return "unauthorized";
      row = check.row;
      if (!row.selfManaged) return forbidden("This client may not manage its own registration");
    }
    const version = row.version + 1;
    await tx.client.update({ where: { id: row.id }, data: { deletedAt: new Date(), secretCiphertext: null, registrationAccessTokenHash: null, version, updatedAt: new Date() } });
    const metadata = row.metadata as ClientMetadata;
    await store.insertRevision(tx, { clientRef: row.id, version, kind: "deleted", metadata, changeSet: diffMetadata(metadata, {}), actor: caller.actor, interface: caller.interface, requestId: caller.requestId ?? null });
    await store.recordAudit(tx, { serviceId, actor: caller.actor, action: "client.deleted", clientId: row.clientId, outcome: "success", interface: caller.interface, ip: caller.ip, requestId: caller.requestId, details: { version } });
    return { ok: true, value: { clientId: row.clientId, version } };
  });
  if (outcome === "unauthorized") {
    const presented = "registrationAccessToken" in input && !!input.registrationAccessToken;
    if (presented) await countFailure("registration_token", serviceId, caller);
    return invalidToken(presented);
  }
  return outcome;
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
    await store.insertRevision(tx, { clientRef: row.id, version, kind: "token_reissued", metadata: row.metadata as ClientMetadata, changeSet: [], actor: caller.actor, interface: caller.interface, requestId: caller.requestId ?? null });
    await store.recordAudit(tx, { serviceId, actor: caller.actor, action: "registration_token.reissued", clientId: row.clientId, outcome: "success", interface: caller.interface, ip: caller.ip, requestId: caller.requestId, details: { version } });
    return { ok: true, value: { registrationAccessToken, version } };
  });
}
