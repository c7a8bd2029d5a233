import type { Caller } from "@/lib/audit";
import { logger } from "@/lib/logger";
import { hashToken } from "@/lib/registration/credentials";
import { countActiveClients, importBatch, type ImportCandidate, type ImportDecision } from "@/lib/registration/import";
import { clientName, needsClientSecret } from "@/lib/registration/members";
import { validateClientMetadata } from "@/lib/registration/metadata";
import type { ServicePolicy } from "@/lib/registration/policy";
import { loadService } from "@/lib/registration/store";
import { fromAuthleteClient } from "./authlete";
import { readRecords, type FileRecord } from "./files";

// Import of client files (the formats are in docs/API.md, Client files): Authlete's client
// list and RFC 7591/7592 client information (a JSON array or NDJSON). Every record is read and validated first;
// then the core (lib/registration/import.ts) decides each client against the database in batches and, when
// applying, writes each batch in one transaction. A refused record writes nothing; the others are written.

export { ImportFileError } from "./files";

export type ImportFormat = "authlete" | "rfc7591";
export type ImportOutcome = "create" | "update" | "unchanged" | "refuse";
export type ImportEntry = {
  /** The line the record starts on (NDJSON: its line). */
  line: number;
  clientId: string | null;
  clientName: string | null;
  outcome: ImportOutcome;
  /** Why a record is refused: each names the member and the rule. */
  reasons: string[];
  /** What an update changes: metadata paths and credential members (`client_secret`, `registration_access_token`, …). */
  changed: string[];
  /** What was left out on the way, without refusing the record (an Authlete token hash, a secret the client does not use). */
  notes: string[];
};
export type ImportReport = { format: ImportFormat; total: number; counts: Record<ImportOutcome, number>; entries: ImportEntry[]; applied: boolean };
export type ImportOptions = { format?: ImportFormat; onProgress?: (done: number, total: number) => void; signal?: AbortSignal };
export type ApplyImportOptions = ImportOptions & { batchSize?: number };

/**
 * The extension member that carries a client's registration access token as its SHA-256 (base64url), for a
 * Registrar → Registrar move: Registrar keeps only the hash, never the token (docs/API.md, Client files).
 */
export const tokenHashMember = "registrar_registration_access_token_sha256";

/** The client_ids Registrar accepts from a file: 1–255 visible ASCII characters (RFC 6749 Appendix A.1 VSCHAR, without the space). */
const clientIdPattern = /^[\x21-\x7e]{1,255}$/;

const DEFAULT_BATCH = 500;
const BATCHES_IN_FLIGHT = 3;

/** Dry run: what applying `text` would do to each client and why; writes nothing. */
export async function planImport(serviceId: string, text: string, options?: ImportOptions): Promise<ImportReport> {
  return run(serviceId, text, null, options ?? {});
}

/**
 * Applies `text`: creates and updates clients, each with an `imported` revision and a `client.imported` audit
 * event; an identical client is left alone (a second apply writes nothing). Batches commit one by one: an abort
 * (`signal`) stops after the batch in flight, and applying the file again finishes the rest.
 */
export async function applyImport(serviceId: string, text: string, caller: Caller, options?: ApplyImportOptions): Promise<ImportReport> {
  return run(serviceId, text, caller, options ?? {});
}

/** A record whose credentials are well-formed; its metadata is validated with its batch (validateClientMetadata). */
type Pending = Omit<ImportCandidate, "metadata"> & { document: Record<string, unknown> };
type Parsed = { entry: ImportEntry; pending?: Pending };

async function run(serviceId: string, text: string, caller: Caller | null, options: ApplyImportOptions): Promise<ImportReport> {
  const service = await loadService(serviceId);
  if (!service) throw new Error(`Unknown service ${serviceId}`);
  const { shape, records } = readRecords(text);
  const format: ImportFormat = options.format ?? (shape === "client-list" ? "authlete" : "rfc7591");
  const total = records.length;
  const entries: ImportEntry[] = new Array(total);
  const refuseRepeat = repeatChecker(service.policy.blockDuplicateSoftwareId);
  let done = 0;
  options.onProgress?.(done, total);
  const batchSize = Math.max(1, Math.min(options.batchSize ?? DEFAULT_BATCH, 5_000));
  const activeClients = service.policy.maxClients === null ? undefined : { count: await countActiveClients(serviceId) };
  // Several batches at a time: while PostgreSQL writes some, the next one is read, validated and decided here.
  // A worker reads its whole batch before it waits, and takes the batches in the file's order, so a repeated
  // client_id is always the later record (refused) whatever the order of the writes. Under maxClients the
  // batches take turns (the count carries from batch to batch, and the core locks the limits).
  const inFlight = activeClients ? 1 : BATCHES_IN_FLIGHT;
  let next = 0;
  const worker = async () => {
    while (next < total) {
      options.signal?.throwIfAborted();
      const first = next;
      const end = (next = Math.min(total, next + batchSize)); // this batch's end: `next` moves on with the other workers
      const batch: { entry: ImportEntry; candidate: ImportCandidate }[] = [];
      for (let i = first; i < end; i++) {
        const parsed = parseRecord(records[i]!, format, service.policy);
        entries[i] = parsed.entry;
        refuseRepeat(parsed);
        const candidate = parsed.pending && validated(parsed, service.policy);
        if (candidate) batch.push({ entry: parsed.entry, candidate });
      }
      const decisions = batch.length ? await importBatch(service, batch.map((p) => p.candidate), caller, activeClients) : [];
      batch.forEach((p, i) => settle(p.entry, decisions[i]!));
      done += end - first;
      options.onProgress?.(done, total);
    }
  };
  // Every worker's batch ends (commits or rolls back) before the outcome is known, also after an abort or an error.
  const ended = await Promise.allSettled(Array.from({ length: Math.min(inFlight, Math.ceil(total / batchSize)) }, worker));
  const failed = ended.find((e) => e.status === "rejected");
  if (failed) throw failed.reason;

  const counts: Record<ImportOutcome, number> = { create: 0, update: 0, unchanged: 0, refuse: 0 };
  for (const entry of entries) counts[entry.outcome]++;
  if (caller) logger.info({ event: "clients.imported", serviceId, format, counts, interface: caller.interface, requestId: caller.requestId }, "client file imported");
  return { format, total, counts, entries, applied: caller !== null };
}

function settle(entry: ImportEntry, decision: ImportDecision) {
  entry.outcome = decision.outcome;
  entry.reasons.push(...decision.reasons);
  entry.changed = decision.changed;
}

const refuse = (entry: ImportEntry, ...reasons: string[]): Parsed => {
  entry.outcome = "refuse";
  entry.reasons.push(...reasons);
  return { entry };
};

/**
 * One record → its credentials, with the metadata still to validate, or a refusal naming each member at fault and
 * its rule (then the metadata's problems are named too: one report tells everything wrong with the record).
 */
function parseRecord(record: FileRecord, format: ImportFormat, policy: ServicePolicy): Parsed {
  const entry: ImportEntry = { line: record.line, clientId: null, clientName: null, outcome: "refuse", reasons: [], changed: [], notes: [] };
  if ("error" in record) return refuse(entry, record.error);
  if (record.value === null || typeof record.value !== "object" || Array.isArray(record.value))
    return refuse(entry, format === "authlete" ? "an Authlete client must be a JSON object" : "client information must be a JSON object");
  let document = record.value as Record<string, unknown>;
  if (format === "authlete") {
    const mapped = fromAuthleteClient(document);
    document = mapped.document;
    entry.notes.push(...mapped.notes);
  }
  const { client_id, client_secret, client_id_issued_at, client_secret_expires_at, registration_access_token, registration_client_uri, [tokenHashMember]: tokenHash, ...metadataDocument } = document;
  void registration_client_uri; // the service's own URI for the client (RFC 7592 §3): derived, never imported
  if (typeof client_id === "string") entry.clientId = client_id;
  const named = clientName(metadataDocument);
  entry.clientName = typeof named === "string" ? named : null;

  const reasons: string[] = [];
  if (client_id === undefined || client_id === null) reasons.push("client_id is required");
  else if (typeof client_id !== "string" || !clientIdPattern.test(client_id)) reasons.push("client_id must be 1 to 255 visible ASCII characters (RFC 6749 Appendix A.1), without spaces");
  const secret = optionalString(client_secret, "client_secret", reasons);
  const issuedAt = optionalSeconds(client_id_issued_at, "client_id_issued_at", reasons);
  const expiresAt = optionalSeconds(client_secret_expires_at, "client_secret_expires_at", reasons);
  const token = optionalString(registration_access_token, "registration_access_token", reasons);
  const hash = tokenHashOf(token, tokenHash, reasons);
  if (reasons.length) {
    const checked = validateClientMetadata(metadataDocument, policy);
    return refuse(entry, ...reasons, ...(checked.ok ? [] : checked.issues.map((issue) => issue.message)));
  }
  entry.outcome = "create"; // settled by the core
  return {
    entry,
    pending: { clientId: client_id as string, document: metadataDocument, clientSecret: secret, clientIdIssuedAt: issuedAt, clientSecretExpiresAt: expiresAt, registrationAccessTokenHash: hash },
  };
}

/** The record's metadata validated with the service's policy (RFC 7591 §2): the candidate for the core, or null (refused). */
function validated(p: Parsed, policy: ServicePolicy): ImportCandidate | null {
  const { document, ...credentials } = p.pending!;
  const result = validateClientMetadata(document, policy);
  if (!result.ok) {
    refuse(p.entry, ...result.issues.map((issue) => issue.message));
    return null;
  }
  p.entry.clientName = clientName(result.metadata);
  if (credentials.clientSecret && !needsClientSecret(result.metadata)) {
    // The core keeps no secret for a client that cannot use one (members.ts needsClientSecret).
    credentials.clientSecret = null;
    p.entry.notes.push(`client_secret is not kept: token_endpoint_auth_method "${result.metadata.token_endpoint_auth_method}" uses no client secret`);
  }
  return Object.assign(credentials, { metadata: result.metadata });
}

function optionalString(value: unknown, member: string, reasons: string[]): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "string" || value === "") reasons.push(`${member} must be a non-empty string`);
  return typeof value === "string" && value !== "" ? value : null;
}

/** A time in seconds since the epoch (RFC 7591 §3.2.1): a non-negative integer that fits the database's integer. */
function optionalSeconds(value: unknown, member: string, reasons: string[]): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > 2_147_483_647) {
    reasons.push(`${member} must be a whole number of seconds since 1970 (0 to 2147483647)`);
    return null;
  }
  return value;
}

/** The token's SHA-256: hashed from the token in clear, or taken from the extension member (base64url of 32 bytes). */
function tokenHashOf(token: string | null, encoded: unknown, reasons: string[]): Uint8Array | null {
  let fromMember: Uint8Array | null = null;
  if (encoded !== undefined && encoded !== null) {
    if (typeof encoded !== "string" || !/^[A-Za-z0-9_-]{43}$/.test(encoded)) {
      reasons.push(`${tokenHashMember} must be the base64url SHA-256 of the registration access token (43 characters)`);
      return null;
    }
    fromMember = new Uint8Array(Buffer.from(encoded, "base64url"));
  }
  const fromToken = token === null ? null : hashToken(token);
  if (fromToken && fromMember && !Buffer.from(fromToken).equals(Buffer.from(fromMember))) {
    reasons.push(`registration_access_token and ${tokenHashMember} must name the same token`);
    return null;
  }
  return fromToken ?? fromMember;
}

/**
 * A client_id (or a registration access token; or, with the policy blockDuplicateSoftwareId, a software_id) given
 * twice in one file: the later record is refused, naming the line of the first. Records are checked in the
 * file's order.
 */
function repeatChecker(uniqueSoftwareId: boolean): (p: Parsed) => void {
  const clientLine = new Map<string, number>();
  const tokenLine = new Map<string, number>();
  const softwareLine = new Map<string, number>();
  /** Whether `key` was seen (then `p` is refused with `reason(line)`); else `p`'s line is remembered for it. */
  const repeats = (seen: Map<string, number>, key: string, p: Parsed, reason: (line: number) => string) => {
    const line = seen.get(key);
    if (line === undefined) {
      seen.set(key, p.entry.line);
      return false;
    }
    p.pending = undefined;
    refuse(p.entry, reason(line));
    return true;
  };
  return (p) => {
    const id = p.entry.clientId;
    if (id === null || repeats(clientLine, id, p, (line) => `client_id "${id}" repeats the client of line ${line}`)) return;
    const hash = p.pending?.registrationAccessTokenHash;
    if (hash && repeats(tokenLine, Buffer.from(hash).toString("hex"), p, (line) => `registration_access_token repeats the one of line ${line}`)) return;
    const softwareId = p.pending?.document.software_id;
    if (uniqueSoftwareId && typeof softwareId === "string")
      repeats(softwareLine, softwareId, p, (line) => `software_id "${softwareId}" repeats the one of line ${line} (policy blockDuplicateSoftwareId)`);
  };
}
