import { z } from "zod";
import { recordAudit, type Caller } from "@/lib/audit";
import { announceInvalidation, onInvalidation } from "@/lib/invalidation";
import { logger } from "@/lib/logger";
import { hashToken, newToken } from "./credentials";
import type { SettingIssue } from "./settings";
import * as store from "./store";

// The API keys of a service: how an authorization server authenticates to the Authlete-compatible API
// (`/api/{serviceId}/…`). A service has any number of named keys, made and revoked in the console, besides the
// key the environment sets for the default service (REGISTRAR_API_KEY, Service.apiKeyHash). A key's value is
// shown once; only its SHA-256 and its last four characters are kept. Each change is saved with its audit event.

export type ApiKeySummary = { id: string; name: string; hint: string; createdBy: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };

/** Every key value starts with this, so that a key found in a log or a repository is recognised as Registrar's. */
export const apiKeyPrefix = "rgk_";

/** A new key value: the prefix and 256 random bits, URL-safe. */
const newApiKey = () => `${apiKeyPrefix}${newToken()}`;

const NewApiKeySchema = z.object({
  name: z
    .string({ error: "name must be a string" })
    .trim()
    .min(1, "name must not be empty")
    .max(100, "name must be at most 100 characters"),
});

const noSuchService: SettingIssue[] = [{ path: ["serviceId"], message: "No such service" }];

/** The service's keys, newest first, revoked ones too (never a key's value or hash). None for a deleted service. */
export async function listApiKeys(serviceId: string): Promise<ApiKeySummary[]> {
  if (!(await store.loadService(serviceId))) return [];
  return store.listApiKeys(serviceId);
}

/**
 * Creates a key named `name` (1–100 characters once trimmed, unique among the service's unrevoked keys). The
 * value is returned once, here; the audit event names the key and its hint, never its value.
 */
export async function createApiKey(
  serviceId: string,
  input: { name: string },
  caller: Caller,
): Promise<{ ok: true; value: { key: ApiKeySummary; apiKey: string } } | { ok: false; issues: SettingIssue[] }> {
  const parsed = NewApiKeySchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.filter((k): k is string | number => typeof k !== "symbol"), message: i.message })) };
  const { name } = parsed.data;
  if (!(await store.loadService(serviceId))) return { ok: false, issues: noSuchService };
  const apiKey = newApiKey();
  const key = await store.withTransaction(async (tx) => {
    await store.lockApiKeyNames(tx, serviceId);
    if (await store.apiKeyNameTaken(tx, serviceId, name)) return null;
    const created = await store.insertApiKey(tx, { serviceId, name, keyHash: hashToken(apiKey), hint: apiKey.slice(-4), createdBy: caller.actor });
    await recordAudit(tx, caller, { serviceId, action: "api_key.created", outcome: "success", details: { id: created.id, name, hint: created.hint } });
    return created;
  });
  if (!key) return { ok: false, issues: [{ path: ["name"], message: `An active API key of this service is already named "${name}"` }] };
  return { ok: true, value: { key, apiKey } };
}

/**
 * Revokes one of the service's unrevoked keys: it stops working at once, in this process and, through the
 * `api_key:<id>` message its transaction sends, in every other instance (lib/invalidation.ts).
 */
export async function revokeApiKey(serviceId: string, id: string, caller: Caller): Promise<{ ok: true; value: ApiKeySummary } | { ok: false }> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return { ok: false };
  if (!(await store.loadService(serviceId))) return { ok: false };
  const revoked = await store.withTransaction(async (tx) => {
    const done = await store.revokeApiKey(tx, serviceId, id);
    if (!done) return null;
    await recordAudit(tx, caller, { serviceId, action: "api_key.revoked", outcome: "success", details: { id, name: done.key.name, hint: done.key.hint } });
    await announceInvalidation(tx, "api_key", id);
    return done;
  });
  if (!revoked) return { ok: false };
  forgetApiKey(revoked.keyHash);
  return { ok: true, value: revoked.key };
}

// ---- checking a presented key (the Authlete-compatible API's hot path) --------------------------------

/**
 * How long this process trusts what it read about a key. A revocation elsewhere reaches it at once through its
 * message; this bounds it when the message is lost (the listening connection was down).
 */
const API_KEY_CACHE_MS = 5_000;
/** How often a key's last_used_at is written at most. */
const LAST_USED_INTERVAL_MS = 60_000;

type UsableKey = { id: string; serviceId: string };
/** `found`: the key once read (a revocation's message names the key by id). */
type CachedKey = { at: number; key: Promise<UsableKey | null>; found?: UsableKey };
// On globalThis, like the service cache (store.ts): the console (Next.js's bundle) revokes a key and the
// launcher's protocol endpoints check it, each with its own copy of this module, in one process.
const globalForApiKeys = globalThis as unknown as { registrarApiKeyCache?: Map<string, CachedKey>; registrarApiKeyUse?: Map<string, number> };
const keyCache = (globalForApiKeys.registrarApiKeyCache ??= new Map());
const lastUseWritten = (globalForApiKeys.registrarApiKeyUse ??= new Map());

const cacheKey = (keyHash: Uint8Array) => Buffer.from(keyHash).toString("hex");

function forgetApiKey(keyHash: Uint8Array) {
  keyCache.delete(cacheKey(keyHash));
}

/** Drops the key with this id, and every read still in flight (it may be reading that key). */
function forgetApiKeyById(id: string) {
  for (const [hash, entry] of keyCache) if (!entry.found || entry.found.id === id) keyCache.delete(hash);
}
onInvalidation("api-keys", "api_key", { forget: forgetApiKeyById, forgetAll: () => keyCache.clear() });

/**
 * The unrevoked key whose SHA-256 is `keyHash`, whichever service it belongs to (the caller compares), or null.
 * Found keys are cached for a few seconds; an unknown hash is not, so guessed keys cannot fill the map (and
 * guessing is throttled).
 */
function usableApiKey(keyHash: Uint8Array): Promise<UsableKey | null> {
  const id = cacheKey(keyHash);
  const hit = keyCache.get(id);
  if (hit && Date.now() - hit.at < API_KEY_CACHE_MS) return hit.key;
  const entry: CachedKey = { at: Date.now(), key: store.findUsableApiKey(keyHash) };
  keyCache.set(id, entry);
  const drop = () => keyCache.get(id) === entry && keyCache.delete(id);
  entry.key.then((key) => (key === null ? drop() : (entry.found = key)), drop);
  return entry.key;
}

/**
 * Whether `keyHash` is an unrevoked API key of the service; a use is recorded in last_used_at at most once a
 * minute per key (remembered per process, and the UPDATE itself skips a value less than a minute old).
 */
export async function isApiKeyOf(serviceId: string, keyHash: Uint8Array): Promise<boolean> {
  const key = await usableApiKey(keyHash);
  if (!key || key.serviceId !== serviceId) return false;
  const now = Date.now();
  if (now - (lastUseWritten.get(key.id) ?? -Infinity) >= LAST_USED_INTERVAL_MS) {
    lastUseWritten.set(key.id, now);
    // When it was last used is a convenience, not a record: a failure to write it does not fail the call.
    await store.touchApiKey(key.id).catch((error: unknown) => logger.warn({ err: { message: (error as Error)?.message }, apiKeyId: key.id }, "could not record an API key's use"));
  }
  return true;
}
