import { randomUUID } from "node:crypto";
import { logger } from "@/lib/logger";
import { RequestError } from "./request";

// What a protocol endpoint answers: a status, headers and a body, written to the socket by the launcher
// (lib/launcher/listener.ts), which adds the security headers every machine-facing response carries.

export type HttpResponse = { status: number; headers: Record<string, string>; body: string | null };

/** Headers of every RFC 7591 / 7592 answer that carries a body (RFC 7591 §3.2.1: no caching of credentials). */
export const protocolHeaders = { "Content-Type": "application/json", "Cache-Control": "no-store", Pragma: "no-cache" } as const;

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
  return { status, headers: Object.assign({}, protocolHeaders, headers), body: JSON.stringify(body) };
}

/** Whether an error means the database cannot be reached (as opposed to a bug). */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let e: unknown = error;
  while (e && typeof e === "object" && !seen.has(e)) {
    seen.add(e);
    const { code, message, name, syscall } = e as { code?: unknown; message?: unknown; name?: unknown; syscall?: unknown };
    // A server reached through its Unix socket (the embedded one) that has stopped: the socket file is gone.
    // node-postgres says so with the syscall; Prisma's error carries the code and says it in its message only.
    if (code === "ENOENT" && (syscall === "connect" || (typeof message === "string" && /\bconnect ENOENT\b/.test(message)))) return true;
    if (typeof code === "string" && ["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "57P01", "57P02", "57P03", "08000", "08003", "08006", "53300", "P1001", "P1002", "P1017", "P2024"].includes(code)) return true;
    if (typeof message === "string" && /connection terminated|connection refused|timeout exceeded when trying to connect|Connection terminated unexpectedly|the database system is (shutting down|starting up)|Can't reach database server/i.test(message)) return true;
    if (name === "DriverAdapterError" && typeof message === "string" && /connect/i.test(message)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** How an interface words a failure that happened before the core answered (RFC errors, or Authlete's result codes). */
export type FailureShape = (status: number, error: string, description: string) => HttpResponse;

/** RFC-style `{error, error_description}` bodies. */
export const rfcFailure: FailureShape = (status, error, description) =>
  jsonResponse(status, { error, error_description: description }, status === 503 ? { "Retry-After": "5" } : {});

/**
 * The response for an exception: a request problem in its own words; the database being unreachable as a
 * 503 the caller may retry; anything else as a 500 with an event id that is logged with the details.
 */
export function errorToResponse(error: unknown, requestId: string, shape: FailureShape): HttpResponse {
  if (error instanceof RequestError) return shape(error.status, error.error, error.message);
  if (isDatabaseUnavailable(error)) {
    logger.warn({ requestId, err: { message: (error as Error)?.message } }, "database unavailable");
    return shape(503, "temporarily_unavailable", "The registration service cannot reach its database; try again shortly");
  }
  const eventId = randomUUID();
  logger.error({ requestId, eventId, err: error }, "unexpected error");
  return shape(500, "server_error", `An unexpected error occurred (event ${eventId})`);
}
