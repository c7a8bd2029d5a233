import { createHash } from "node:crypto";
import { onInvalidation } from "@/lib/invalidation";
import type { Administrator } from "./session";

/**
 * Sessions this process looked up in the database in the last few seconds, by the hash of their cookie. A
 * console page needs its administrator before it can render anything, and reading the session through the
 * database on every view would weigh on every page (docs/BENCHMARKS.md, Design notes).
 *
 * Pages accept a check up to `maxAgeMs` old; server actions always check afresh (lib/actions/client.ts).
 * Signing out, and every other change better-auth makes to sessions or users, empties it (lib/auth/hooks.ts):
 * in this process a session ends at once. The change is announced to every other instance (`session:<key>`,
 * `user:<id>`, lib/invalidation.ts), which drops what it remembered of that session or user at once; `maxAgeMs`
 * bounds it when the message is lost.
 */
const maxAgeMs = 10_000;
const maxEntries = 1_000;

type Check = { administrator: Administrator; until: number };
// On globalThis: Next.js may load this module once per route bundle, and a sign-out (the /api/auth route)
// must reach the pages' copy. `generation` counts the times it was emptied.
const globalForChecks = globalThis as unknown as { registrarSessionChecks?: { entries: Map<string, Check>; generation: number } };
const checks = (globalForChecks.registrarSessionChecks ??= { entries: new Map(), generation: 0 });

/** Entries are known by a hash of the session cookie: the process keeps no usable token, nor does a message. */
export const sessionCheckKey = (sessionCookie: string) => createHash("sha256").update(sessionCookie).digest("base64url");
const keyOf = sessionCheckKey;

/** Drops the entries `drops` selects; lookups in flight are not remembered either (they may have read it before the change). */
function forgetWhere(drops: (key: string, check: Check) => boolean) {
  for (const [key, check] of checks.entries) if (drops(key, check)) checks.entries.delete(key);
  checks.generation++;
}

export const recentSessionChecks = {
  /** The administrator of a session checked less than `maxAgeMs` ago (and not expired since), or undefined. */
  get(sessionCookie: string): Administrator | undefined {
    const key = keyOf(sessionCookie);
    const check = checks.entries.get(key);
    if (check && check.until > Date.now()) return check.administrator;
    if (check) checks.entries.delete(key);
    return undefined;
  },
  /** Which emptying the process is at: a lookup begun before the next one must not be remembered after it. */
  generation: () => checks.generation,
  /**
   * Remembers what a database lookup begun at `generation` found. Nothing is kept when the map was emptied
   * meanwhile: the lookup may have read the session just before a sign-out or a change of role.
   */
  remember(sessionCookie: string, generation: number, administrator: Administrator | null, sessionExpiresAt = 0) {
    const key = keyOf(sessionCookie);
    checks.entries.delete(key);
    if (!administrator || generation !== checks.generation) return;
    if (checks.entries.size >= maxEntries) checks.entries.delete(checks.entries.keys().next().value!);
    checks.entries.set(key, { administrator, until: Math.min(Date.now() + maxAgeMs, sessionExpiresAt) });
  },
  /** After a sign-out, a revocation or a change of a user: every page view reads its session again. */
  forgetAll() {
    forgetWhere(() => true);
  },
};

onInvalidation("session-checks.user", "user", { forget: (userId) => forgetWhere((_key, check) => check.administrator.id === userId), forgetAll: recentSessionChecks.forgetAll });
onInvalidation("session-checks.session", "session", { forget: (key) => forgetWhere((entry) => entry === key), forgetAll: recentSessionChecks.forgetAll });
