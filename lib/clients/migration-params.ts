import type { ImportFormat, ImportReport } from "@/lib/migration/import";

// What the import page and the import route say to each other, and the names of the export. Browser-safe.

/** The largest import file accepted: 100,000 clients of RFC 7591 client information are about 60 MB. */
export const maxImportBytes = 128 * 1024 * 1024;

export const importFormats = { rfc7591: "RFC 7591/7592 client information", authlete: "Authlete client list" } as const satisfies Record<ImportFormat, string>;

/** `auto` (the engine detects the format), or one the administrator chose. */
export function readImportFormat(value: string | null | undefined): ImportFormat | undefined {
  return value === "rfc7591" || value === "authlete" ? value : undefined;
}

/**
 * The import route's answer while it applies, one JSON object per line (NDJSON): progress after each batch,
 * then the report, or an error (the batches written before it stay written: applying again continues).
 */
export type ImportEvent =
  | { type: "progress"; done: number; total: number }
  | { type: "report"; report: ImportReport }
  | { type: "error"; error: string; line?: number; column?: number };

/** The answer to a failed check or a refused request: what is wrong, and where in the file when known. */
export type ImportFailure = { error: string; line?: number; column?: number };

/** `clients-<service>-<YYYY-MM-DD>.ndjson`, the service id reduced to characters safe in a file name. */
export function exportFileName(serviceId: string, at = new Date()): string {
  return `clients-${serviceId.replace(/[^A-Za-z0-9._-]+/g, "_")}-${at.toISOString().slice(0, 10)}.ndjson`;
}
