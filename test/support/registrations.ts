import { createHash } from "node:crypto";
import { expect } from "vitest";
import { db } from "@/lib/db";
import { register, type Caller, type ClientInformation, type Failure, type Outcome } from "@/lib/registration/service";
import { webClient, type Doc } from "./metadata";

// Callers, outcomes and registered clients for the service-level tests.

export const anonymous: Caller = { interface: "rfc7591", actor: "anonymous", ip: "192.0.2.10", requestId: "req-register" };
export const administrator: Caller = { interface: "console", actor: "admin:ops@example.com", ip: "192.0.2.20", requestId: "req-console" };
export const selfManaging = (clientId: string): Caller => ({ interface: "rfc7592", actor: `client:${clientId}`, ip: "192.0.2.30", requestId: "req-manage" });

/** The value of an outcome that must have succeeded (its failure is shown when it did not). */
export function expectOk<T>(outcome: Outcome<T>): T {
  expect(outcome.ok ? null : outcome.failure).toBeNull();
  return (outcome as { value: T }).value;
}

/** The failure of an outcome that must have failed. */
export function expectFailure(outcome: Outcome<unknown>): Failure {
  expect(outcome.ok).toBe(false);
  return (outcome as { failure: Failure }).failure;
}

/** A failure with no metadata issues, as every 401/403/404/409 is. */
export const failure = (status: Failure["status"], error: Failure["error"], description: string, extra: Partial<Failure> = {}): Failure => ({
  status,
  error,
  description,
  issues: [],
  ...extra,
});

/** The one 401 of RFC 7592 §2 whatever the cause, when a token was presented. */
export const invalidTokenFailure = failure(401, "invalid_token", "The access token is invalid", { tokenPresented: true });
/** The 401 when no token was presented (RFC 6750 §3.1). */
export const missingTokenFailure = failure(401, "invalid_token", "An access token is required", { tokenPresented: false });

/** Registers a client through the RFC 7591 endpoint's core call; the document must be valid. */
export async function registerClient(serviceId: string, document: Doc = webClient(), caller: Caller = anonymous): Promise<ClientInformation> {
  return expectOk(await register(serviceId, { document }, caller));
}

/** The body of an RFC 7592 update: the client's current metadata and client_id, with some members changed. */
export const updateDocument = (client: ClientInformation, changes: Doc = {}): Doc => ({ client_id: client.clientId, ...client.metadata, ...changes });

/** The access a client has to its own registration, as the RFC 7592 endpoints pass it. */
export const managing = (client: Pick<ClientInformation, "clientId" | "registrationAccessToken">) => ({
  clientId: client.clientId,
  registrationAccessToken: client.registrationAccessToken,
});

export const sha256 = (text: string) => createHash("sha256").update(text).digest();

/** Rows as the JSON text a search for a leaked secret or token can look through. */
export const storedText = (...rows: unknown[]) => JSON.stringify(rows, (_key, value) => (typeof value === "bigint" ? String(value) : value));

export function clientRow(clientId: string) {
  return db().client.findUniqueOrThrow({ where: { clientId } });
}

export function revisions(clientId: string) {
  return db().clientRevision.findMany({ where: { client: { clientId } }, orderBy: { version: "asc" } });
}
