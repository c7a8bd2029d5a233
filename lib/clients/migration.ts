import type { Caller } from "@/lib/audit";
import { logger } from "@/lib/logger";
import { exportClients } from "@/lib/migration/export";
import { applyImport, ImportFileError, planImport, type ImportFormat } from "@/lib/migration/import";
import { clientFilterWhere } from "./list";
import type { ClientFilters } from "./list-params";
import { maxImportBytes, type ImportEvent, type ImportFailure } from "./migration-params";

// The console's import and export: the route handlers under app/api/clients/ parse the request and
// call these; the engine (lib/migration) does the work and writes the audit events.

export class ImportRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/**
 * The import file from the request's body: at most maxImportBytes, strict UTF-8 (a byte sequence that is not
 * UTF-8 is refused with its offset rather than replaced, so no client is imported with mangled text).
 */
export async function readImportText(request: Request): Promise<string> {
  const declared = Number(request.headers.get("content-length"));
  if (declared > maxImportBytes) throw new ImportRequestError(tooLarge, 413);
  if (!request.body) throw new ImportRequestError("The file is empty: choose a file of clients or paste them.", 400);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxImportBytes) {
      await reader.cancel();
      throw new ImportRequestError(tooLarge, 413);
    }
    chunks.push(value);
  }
  const bytes = Buffer.concat(chunks);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ImportRequestError("The file is not UTF-8 text: export the clients as JSON or NDJSON and choose that file.", 400);
  }
  if (!text.trim()) throw new ImportRequestError("The file is empty: choose a file of clients or paste them.", 400);
  return text;
}

const tooLarge = `The file is larger than ${maxImportBytes / 1024 / 1024} MB: split it and import the parts one after the other.`;

/** An error of the request or of the file as the route's JSON answer (status and body); anything else is rethrown. */
export function importFailure(error: unknown): { status: number; body: ImportFailure } | null {
  if (error instanceof ImportRequestError) return { status: error.status, body: { error: error.message } };
  if (error instanceof ImportFileError) return { status: 422, body: { error: error.message, line: error.line, column: error.column } };
  return null;
}

/** The dry run: what applying `text` would create, change, leave or refuse, and why. Writes nothing. */
export const checkImport = (serviceId: string, text: string, format?: ImportFormat) => planImport(serviceId, text, { format });

/**
 * Applies the import as an NDJSON stream of ImportEvents: a progress event after each batch, then the report.
 * The import stops between batches when the request is aborted (the Stop button) or the stream is cancelled
 * (the browser went away); what was written stays, and applying the same file again continues where it stopped.
 */
export function applyImportStream(serviceId: string, text: string, caller: Caller, format: ImportFormat | undefined, signal: AbortSignal): ReadableStream<Uint8Array> {
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  signal.addEventListener("abort", onAbort, { once: true });
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: ImportEvent) => {
        if (!stop.signal.aborted) controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
      };
      try {
        const report = await applyImport(serviceId, text, caller, {
          format,
          signal: stop.signal,
          onProgress: (done, total) => send({ type: "progress", done, total }),
        });
        send({ type: "report", report });
      } catch (error) {
        const failure = importFailure(error);
        if (failure) send({ type: "error", ...failure.body });
        else if (!stop.signal.aborted) {
          const eventId = crypto.randomUUID();
          logger.error({ err: error, eventId, requestId: caller.requestId }, "client import failed");
          send({ type: "error", error: `The import failed. The clients written before the failure stay; import the file again to continue. If it keeps happening, report event ${eventId}.` });
        }
      } finally {
        signal.removeEventListener("abort", onAbort);
        try {
          controller.close();
        } catch {
          // Already cancelled by the browser.
        }
      }
    },
    cancel() {
      stop.abort();
    },
  });
}

/**
 * The export as a byte stream of NDJSON (one RFC 7591 client information object per line), for all of the
 * service's live clients or those matching the list's filters. The engine audits the export.
 */
export function exportStream(serviceId: string, options: { includeSecrets: boolean; filters?: ClientFilters }, caller: Caller): ReadableStream<Uint8Array> {
  const lines = exportClients(serviceId, { includeSecrets: options.includeSecrets, where: options.filters && clientFilterWhere(serviceId, options.filters) }, caller);
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await lines.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value.endsWith("\n") ? value : `${value}\n`));
      } catch (error) {
        // The download ends early; the browser reports it as failed. Logged without the line (it may hold a secret).
        logger.error({ err: error, requestId: caller.requestId }, "client export failed");
        controller.error(new Error("client export failed"));
      }
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
}
