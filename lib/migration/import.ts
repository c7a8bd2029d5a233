import type { Caller } from "@/lib/audit";

// Import of client files (issue 17 point 7): Authlete's client list and RFC 7591/7592 client information.
// Public API used by the console and by scripts/clients-import.ts. (Being filled in.)

export type ImportFormat = "authlete" | "rfc7591";
export type ImportOutcome = "create" | "update" | "unchanged" | "refuse";
export type ImportEntry = { line: number; clientId: string | null; clientName: string | null; outcome: ImportOutcome; reasons: string[]; changed: string[] };
export type ImportReport = { format: ImportFormat; total: number; counts: Record<ImportOutcome, number>; entries: ImportEntry[]; applied: boolean };
export type ImportOptions = { format?: ImportFormat };
export type ApplyImportOptions = ImportOptions & { batchSize?: number; onProgress?: (done: number, total: number) => void; signal?: AbortSignal };

/** The file as a whole cannot be read (malformed JSON, an unknown shape): nothing is imported. */
export class ImportFileError extends Error {
  line?: number;
  column?: number;
  constructor(message: string, position?: { line?: number; column?: number }) {
    super(message);
    this.name = "ImportFileError";
    this.line = position?.line;
    this.column = position?.column;
  }
}

/** Dry run: what applying `text` would do to each client, writing nothing. */
export async function planImport(serviceId: string, text: string, options?: ImportOptions): Promise<ImportReport> {
  void serviceId;
  void text;
  return { format: options?.format ?? "rfc7591", total: 0, counts: { create: 0, update: 0, unchanged: 0, refuse: 0 }, entries: [], applied: false };
}

/** Applies `text`: creates and updates clients (idempotent), each with an `imported` revision and a `client.imported` audit event. */
export async function applyImport(serviceId: string, text: string, caller: Caller, options?: ApplyImportOptions): Promise<ImportReport> {
  void caller;
  return Object.assign(await planImport(serviceId, text, options), { applied: true });
}
