import type { AuditOutcome, Interface, Prisma } from "@/generated/prisma/client";

/** What happened, as `<subject>.<verb>`; add new actions here so the audit log's filter can list them. */
export const auditActions = [
  "administrator.sign_in",
  "client.registered",
  "client.updated",
  "client.reverted",
  "client.deleted",
  "registration_token.check",
  "registration_token.reissued",
  "registration_token.revoked",
  "initial_access_token.check",
  "initial_access_token.created",
  "initial_access_token.revoked",
  "service.policy_updated",
  "api_key.check",
  "credential_guessing.throttled",
] as const;
export type AuditAction = (typeof auditActions)[number];

export const auditOutcomes = ["success", "failure", "denied"] as const satisfies readonly AuditOutcome[];

export type AuditEventInput = {
  action: AuditAction;
  /** Who acted: an administrator's e-mail, a client id, or the name of a machine caller. */
  actor: string;
  outcome: AuditOutcome;
  serviceId?: string | null;
  /** The client concerned, if any. */
  clientId?: string | null;
  interface?: Interface | null;
  ip?: string | null;
  requestId?: string | null;
  /** Facts that explain the outcome (a reason code, the fields changed); never a secret or a token. */
  details?: Prisma.InputJsonObject;
};

/** The Prisma client or the transaction client of the write the event belongs to. */
export type AuditWriter = Pick<Prisma.TransactionClient, "auditEvent">;

// Caller-supplied strings (an e-mail typed at sign-in) are bounded so a log row stays a log row.
const bounded = (value: string | null | undefined, max: number) => (value == null ? value : value.slice(0, max));

/**
 * Writes one audit event through `tx`, so it commits or rolls back with the change it records. Await it:
 * an event written after the response (fire-and-forget) is lost when the process dies.
 */
export async function recordAuditEvent(tx: AuditWriter, event: AuditEventInput) {
  return tx.auditEvent.create({
    data: {
      action: event.action,
      actor: bounded(event.actor, 320) || "unknown",
      outcome: event.outcome,
      serviceId: event.serviceId ?? null,
      clientId: bounded(event.clientId, 255) ?? null,
      interface: event.interface ?? null,
      ip: bounded(event.ip, 64) ?? null,
      requestId: bounded(event.requestId, 128) ?? null,
      details: event.details ?? {},
    },
  });
}
