import { auditActions, auditOutcomes, type AuditAction } from "@/lib/audit";
import { servicePath } from "@/lib/console-paths";
import { hrefWith, pagePositionEntries, readDateParam, readPagePosition, readParam, withChanges, type PagePosition, type SearchParamsInput } from "@/lib/url-state";

// The audit log's state as it stands in the URL (`/services/{serviceId}/audit?actor=dana&action=client.updated&outcome=failure`),
// read by the page on the server and written by its filters in the browser. Browser-safe.

export type AuditOutcomeName = (typeof auditOutcomes)[number];

export const auditActionLabels: Record<AuditAction, string> = {
  "administrator.sign_in": "Administrator sign-in",
  "client.registered": "Client registered",
  "client.updated": "Client updated",
  "client.reverted": "Client reverted",
  "client.deleted": "Client deleted",
  "client.imported": "Client imported",
  "clients.exported": "Clients exported",
  "registration_token.check": "Registration token check",
  "registration_token.reissued": "Registration token re-issued",
  "registration_token.revoked": "Registration token revoked",
  "initial_access_token.check": "Initial access token check",
  "initial_access_token.created": "Initial access token created",
  "initial_access_token.revoked": "Initial access token revoked",
  "service.created": "Service created",
  "service.renamed": "Service renamed",
  "service.deleted": "Service deleted",
  "api_key.created": "API key created",
  "api_key.revoked": "API key revoked",
  "service.policy_updated": "Service policy updated",
  "api_key.check": "API key check",
  "credential_guessing.throttled": "Guessing throttled",
  "open_registration.throttled": "Registrations throttled",
};

export const auditOutcomeLabels: Record<AuditOutcomeName, string> = { success: "Success", failure: "Failure", denied: "Denied" };

export const auditActionLabel = (action: string) => (Object.hasOwn(auditActionLabels, action) ? auditActionLabels[action as AuditAction] : action);

export type AuditLogFilters = {
  /** Part of the actor (an e-mail, `client:<id>`, `admin:<e-mail>`), any case. */
  actor?: string;
  action?: AuditAction;
  /** A client id, exactly. */
  client?: string;
  outcome?: AuditOutcomeName;
  /** Days, `YYYY-MM-DD`, inclusive (UTC). */
  from?: string;
  to?: string;
  /** Every service's events, not only this service's (`services=all`; administrators with a global role). */
  allServices?: boolean;
};

export type AuditLogQuery = AuditLogFilters & PagePosition;

export const auditPageSize = 50;

export function parseAuditLogQuery(params: SearchParamsInput): AuditLogQuery {
  const action = readParam(params, "action");
  const outcome = readParam(params, "outcome");
  return {
    actor: readParam(params, "actor")?.slice(0, 320),
    allServices: readParam(params, "services") === "all" || undefined,
    action: auditActions.find((a) => a === action),
    client: readParam(params, "client")?.slice(0, 255),
    outcome: auditOutcomes.find((o) => o === outcome),
    from: readDateParam(params, "from"),
    to: readDateParam(params, "to"),
    ...readPagePosition(params),
  };
}

/** The changes that clear every filter. */
export const noAuditFilters: AuditLogFilters = { actor: undefined, action: undefined, client: undefined, outcome: undefined, from: undefined, to: undefined };

export const isAuditFiltered = (f: AuditLogFilters) => Boolean(f.actor || f.action || f.client || f.outcome || f.from || f.to);

/** The audit log's URL for `query` with `changes`; changing a filter starts from the first page. */
export function auditLogHref(serviceId: string, query: AuditLogQuery, changes: Partial<AuditLogQuery> = {}): string {
  const next = withChanges(query, changes);
  return hrefWith(servicePath(serviceId, "/audit"), {
    actor: next.actor,
    action: next.action,
    client: next.client,
    outcome: next.outcome,
    from: next.from,
    to: next.to,
    services: next.allServices ? "all" : undefined,
    ...pagePositionEntries(next),
  });
}
