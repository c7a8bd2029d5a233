import { createHash } from "node:crypto";
import type { Administrator } from "./session";

/**
 * Sessions this process looked up in the database in the last few seconds, by the hash of their cookie. A
 * console page needs its administrator before it can render anything, and reading the session through the
 * database on every view cost a list page about a tenth of its server time (docs/BENCHMARKS.md).
 *
 * Pages accept a check up to `maxAgeMs` old; server actions always check afresh (lib/actions/client.ts).
 * Signing out, and every other change better-auth makes to sessions or users, empties it (lib/auth/auth.ts):
 * in this process a session ends at once, and another instance of the console sees it end within `maxAgeMs`.
 */
const maxAgeMs = 10_000;
const maxEntries = 1_000;

type Check = { administrator: Administrator; until: number };
// On globalThis: Next.js may load this module once per route bundle, and a sign-out (the /api/auth route)
// must reach the pages' copy.
const globalForChecks = globalThis as unknown as { registrarSessionChecks?: Map<string, Check> };
const checks = (globalForChecks.registrarSessionChecks ??= new Map());

/** Entries are known by a hash of the session cookie: the process keeps no usable token. */
const keyOf = (sessionCookie: string) => createHash("sha256").update(sessionCookie).digest("base64url");

export const recentSessionChecks = {
  /** The administrator of a session checked less than `maxAgeMs` ago (and not expired since), or undefined. */
  get(sessionCookie: string): Administrator | undefined {
    const key = keyOf(sessionCookie);
    const check = checks.get(key);
    if (check && check.until > Date.now()) return check.administrator;
    if (check) checks.delete(key);
    return undefined;
  },
  remember(sessionCookie: string, administrator: Administrator, sessionExpiresAt: number) {
    const key = keyOf(sessionCookie);
    checks.delete(key);
    if (checks.size >= maxEntries) checks.delete(checks.keys().next().value!);
    checks.set(key, { administrator, until: Math.min(Date.now() + maxAgeMs, sessionExpiresAt) });
  },
  /** After a sign-out, a revocation or a change of a user: every page view reads its session again. */
  forgetAll() {
    checks.clear();
  },
};
