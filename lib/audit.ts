import type { AuditOutcome, Interface, Prisma } from "@/generated/prisma/client";

/** What happened, as `<subject>.<verb>`; add new actions here so the audit log's filter can list them. */
export const auditActions = [
  "administrator.sign_in",
  "client.registered",
  "client.updated",
  "client.reverted",
  "client.deleted",
  "client.imported",
  "clients.exported",
  "registration_token.check",
  "registration_token.reissued",
  "registration_token.revoked",
  "initial_access_token.check",
  "initial_access_token.created",
  "initial_access_token.revoked",
  "service.policy_updated",
  "service.created",
  "service.renamed",
  "service.deleted",
  "api_key.check",
  "api_key.created",
  "api_key.revoked",
  "credential_guessing.throttled",
  "open_registration.throttled",
] as const;
export type AuditAction = (typeof auditActions)[number];

export const auditOutcomes = ["success", "failure", "denied"] as const satisfies readonly AuditOutcome[];

/** Who is acting, through which interface: recorded in audit events and revisions. */
export type Caller = {
  interface: Interface;
  /** e.g. `client:<client_id>`, `admin:<email>`, `api:<service>`, an e-mail typed at sign-in. */
  actor: string;
  ip?: string | null;
  requestId?: string | null;
};

/** What an audit event records beyond its caller. */
export type AuditFacts = {
  action: AuditAction;
  outcome: AuditOutcome;
  serviceId?: string | null;
  /** The client concerned, if any. */
  clientId?: string | null;
  /** Facts that explain the outcome (a reason code, the fields changed); never a secret or a token. */
  details?: Record<string, unknown>;
};

/** The Prisma client or the transaction client of the write the event belongs to. */
export type AuditWriter = Pick<Prisma.TransactionClient, "auditEvent">;

// Caller-supplied strings (an e-mail typed at sign-in) are bounded so a log row stays a log row.
const bounded = (value: string | null | undefined, max: number) => (value == null ? value : value.slice(0, max));

/**
 * Writes one audit event of `caller` (who, through which interface, from where, in which request) through
 * `writer`: the transaction of the change it records, so it commits or rolls back with it. Await it: an event
 * written after the response (fire-and-forget) is lost when the process dies.
 */
export async function recordAudit(writer: AuditWriter, caller: Caller, facts: AuditFacts) {
  return writer.auditEvent.create({
    data: {
      action: facts.action,
      actor: bounded(caller.actor, 320) || "unknown",
      outcome: facts.outcome,
      serviceId: facts.serviceId ?? null,
      clientId: bounded(facts.clientId, 255) ?? null,
      interface: caller.interface,
      ip: bounded(caller.ip, 64) ?? null,
      requestId: bounded(caller.requestId, 128) ?? null,
      details: (facts.details ?? {}) as Prisma.InputJsonObject,
    },
  });
}
