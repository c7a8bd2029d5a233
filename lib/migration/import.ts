import type { Caller } from "@/lib/audit";
import { logger } from "@/lib/logger";
import { hashToken } from "@/lib/registration/credentials";
import { countActiveClients, importBatch, type ImportCandidate, type ImportDecision } from "@/lib/registration/import";
import { clientName } from "@/lib/registration/members";
import { validateClientMetadata } from "@/lib/registration/metadata";
import type { ServicePolicy } from "@/lib/registration/policy";
import { loadService } from "@/lib/registration/store";
import { fromAuthleteClient } from "./authlete";
import { readRecords, type FileRecord } from "./files";

// Import of client files (issue 17 point 7; the formats are in docs/API.md, Client files): Authlete's client
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
export type ImportOptions = { format?: ImportFormat };
export type ApplyImportOptions = ImportOptions & { batchSize?: number; onProgress?: (done: number, total: number) => void; signal?: AbortSignal };

/**
 * The extension member that carries a client's registration access token as its SHA-256 (base64url), for a
 * Registrar → Registrar move: Registrar keeps only the hash, never the token (docs/API.md, Client files).
 */
export const tokenHashMember = "registrar_registration_access_token_sha256";

/** The client_ids Registrar accepts from a file: 1–255 visible ASCII characters (RFC 6749 Appendix A.1 VSCHAR, without the space). */
const clientIdPattern = /^[\x21-\x7e]{1,255}$/;

const DEFAULT_BATCH = 500;

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

type Parsed = { entry: ImportEntry; candidate?: ImportCandidate };

async function run(serviceId: string, text: string, caller: Caller | null, options: ApplyImportOptions): Promise<ImportReport> {
  const service = await loadService(serviceId);
  if (!service) throw new Error(`Unknown service ${serviceId}`);
  const { shape, records } = readRecords(text);
  const format: ImportFormat = options.format ?? (shape === "client-list" ? "authlete" : "rfc7591");
  const parsed = records.map((record) => parseRecord(record, format, service.policy));
  refuseRepeats(parsed);

  const total = parsed.length;
  const pending = parsed.filter((p) => p.candidate);
  let done = total - pending.length;
  options.onProgress?.(done, total);
  const batchSize = Math.max(1, Math.min(options.batchSize ?? DEFAULT_BATCH, 5_000));
  const activeClients = service.policy.maxClients === null ? undefined : { count: await countActiveClients(serviceId) };
  for (let start = 0; start < pending.length; start += batchSize) {
    options.signal?.throwIfAborted();
    const batch = pending.slice(start, start + batchSize);
    const decisions = await importBatch(service, batch.map((p) => p.candidate!), caller, activeClients);
    batch.forEach((p, i) => settle(p.entry, decisions[i]!));
    done += batch.length;
    options.onProgress?.(done, total);
  }

  const entries = parsed.map((p) => p.entry);
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

/** One record → a candidate for the core, or a refusal naming each member at fault and its rule. */
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
  const validated = validateClientMetadata(metadataDocument, policy);
  if (!validated.ok) reasons.push(...validated.issues.map((issue) => issue.message));
  if (reasons.length || !validated.ok) return refuse(entry, ...reasons);
  entry.clientName = clientName(validated.metadata);
  entry.outcome = "create"; // settled by the core
  return {
    entry,
    candidate: {
      clientId: client_id as string,
      metadata: validated.metadata,
      clientSecret: secret,
      clientIdIssuedAt: issuedAt,
      clientSecretExpiresAt: expiresAt,
      registrationAccessTokenHash: hash,
    },
  };
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
 * A client_id (or a registration access token) given twice in one file: the later record is refused, naming
 * the line of the first, so the outcome never depends on the order of writes.
 */
function refuseRepeats(parsed: Parsed[]) {
  const firstLine = new Map<string, number>();
  const tokenLine = new Map<string, number>();
  for (const p of parsed) {
    const id = p.entry.clientId;
    if (id === null) continue;
    const seen = firstLine.get(id);
    if (seen !== undefined) {
      p.candidate = undefined;
      refuse(p.entry, `client_id "${id}" repeats the client of line ${seen}`);
      continue;
    }
    firstLine.set(id, p.entry.line);
    const hash = p.candidate?.registrationAccessTokenHash;
    if (!hash) continue;
    const key = Buffer.from(hash).toString("hex");
    const tokenSeen = tokenLine.get(key);
    if (tokenSeen !== undefined) {
      p.candidate = undefined;
      refuse(p.entry, `registration_access_token repeats the one of line ${tokenSeen}`);
    } else tokenLine.set(key, p.entry.line);
  }
}
