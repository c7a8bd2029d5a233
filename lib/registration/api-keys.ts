// TEMPORARY STUB (branch svc-console only): the signatures of lib/registration/api-keys.ts, which another branch
// builds. Replaced by the real module when it lands on main; never merged as it is.
import type { Caller } from "@/lib/audit";

export type ApiKeySummary = { id: string; name: string; hint: string; createdBy: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };

export async function listApiKeys(_serviceId: string): Promise<ApiKeySummary[]> {
  return [];
}

export async function createApiKey(
  _serviceId: string,
  _input: { name: string },
  _caller: Caller,
): Promise<{ ok: true; value: { key: ApiKeySummary; apiKey: string } } | { ok: false; issues: { path: (string | number)[]; message: string }[] }> {
  return { ok: false, issues: [{ path: ["name"], message: "API keys are not available yet" }] };
}

export async function revokeApiKey(_serviceId: string, _id: string, _caller: Caller): Promise<{ ok: true; value: ApiKeySummary } | { ok: false }> {
  return { ok: false };
}
