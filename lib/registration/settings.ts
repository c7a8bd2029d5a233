import { diffMetadata, type Change } from "./diff";
import { hashToken, newToken } from "./credentials";
import { NewInitialAccessTokenSchema, ServicePolicySchema, type ServicePolicy } from "./policy";
import { recordAudit, type Caller } from "@/lib/audit";
import * as store from "./store";

// A service's settings: its policy and its initial access tokens (RFC 7591 §3). The console's Settings page
// calls these; each change is saved together with its audit event.

/** A problem with a submitted setting: the path of the member and what is wrong with it. */
export type SettingIssue = { path: (string | number)[]; message: string };

export type SettingsOutcome<T> = { ok: true; value: T } | { ok: false; status: 400 | 404; issues: SettingIssue[] };

function issuesOf(error: { issues: { path: PropertyKey[]; message: string }[] }): SettingIssue[] {
  return error.issues.map((i) => ({ path: i.path.filter((k): k is string | number => typeof k !== "symbol"), message: i.message }));
}

async function policyOf(serviceId: string): Promise<ServicePolicy> {
  const service = await store.loadService(serviceId);
  if (!service) throw new Error(`Unknown service ${serviceId}`);
  return service.policy;
}

/**
 * Validates and saves a service's whole policy; the audit event lists the members that changed.
 * An unchanged policy writes nothing.
 */
export async function updatePolicy(serviceId: string, input: unknown, caller: Caller): Promise<SettingsOutcome<{ policy: ServicePolicy; changes: Change[] }>> {
  const parsed = ServicePolicySchema.safeParse(input);
  if (!parsed.success) return { ok: false, status: 400, issues: issuesOf(parsed.error) };
  const policy = parsed.data;
  store.forgetService(serviceId); // compare with what is stored now, not a cached copy
  const changes = diffMetadata(await policyOf(serviceId), policy);
  if (changes.length === 0) return { ok: true, value: { policy, changes } };
  await store.withTransaction(async (tx) => {
    await store.savePolicy(serviceId, policy, tx);
    await recordAudit(tx, caller, {
      serviceId,
      action: "service.policy_updated",
      outcome: "success",
      details: { changed: changes.map((c) => c.path.join(".")) },
    });
  });
  store.forgetService(serviceId); // a read between the save and the commit may have cached the old policy
  return { ok: true, value: { policy, changes } };
}

export type IssuedInitialAccessToken = { id: string; token: string; hint: string; expiresAt: Date | null; usesLeft: number | null };

/** Creates an initial access token (RFC 7591 §3); the token is returned once and only its hash is kept. */
export async function createInitialAccessToken(serviceId: string, input: unknown, caller: Caller): Promise<SettingsOutcome<IssuedInitialAccessToken>> {
  const parsed = NewInitialAccessTokenSchema.safeParse(input);
  if (!parsed.success) return { ok: false, status: 400, issues: issuesOf(parsed.error) };
  const { description, expiresInDays, uses } = parsed.data;
  const token = newToken();
  const expiresAt = expiresInDays === null ? null : new Date(Date.now() + expiresInDays * 86_400_000);
  const row = await store.withTransaction(async (tx) => {
    const created = await store.insertInitialAccessToken(tx, { serviceId, tokenHash: hashToken(token), hint: token.slice(-4), description, expiresAt, usesLeft: uses, createdBy: caller.actor });
    await recordAudit(tx, caller, {
      serviceId,
      action: "initial_access_token.created",
      outcome: "success",
      details: { id: created.id, hint: created.hint, expiresAt: expiresAt?.toISOString() ?? null, uses },
    });
    return created;
  });
  return { ok: true, value: { id: row.id, token, hint: row.hint, expiresAt: row.expiresAt, usesLeft: row.usesLeft } };
}

/** Revokes an initial access token of the service at once; registrations made with it stay. */
export async function revokeInitialAccessToken(serviceId: string, id: string, caller: Caller): Promise<SettingsOutcome<{ id: string }>> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return { ok: false, status: 404, issues: [{ path: ["id"], message: "No such active initial access token" }] };
  return store.withTransaction(async (tx) => {
    const revoked = await store.revokeInitialAccessToken(tx, serviceId, id);
    if (!revoked) return { ok: false, status: 404, issues: [{ path: ["id"], message: "No such active initial access token" }] };
    await recordAudit(tx, caller, {
      serviceId,
      action: "initial_access_token.revoked",
      outcome: "success",
      details: { id, hint: revoked.hint },
    });
    return { ok: true, value: { id } };
  });
}
