import { createAuthMiddleware, isAPIError } from "better-auth/api";
import { parseCookies } from "better-auth/cookies";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { announceInvalidation, type InvalidationTopic } from "@/lib/invalidation";
import { clientAddressHeader } from "@/lib/request-headers";
import { recentSessionChecks, sessionCheckKey } from "./session-checks";

/** better-auth endpoints that change no existing session or user: they only read, or start a new session or user. */
const sessionNeutralPaths = new Set([
  "/get-session",
  "/sign-in/email",
  "/ok",
  "/error",
  "/list-sessions",
  "/admin/list-users",
  "/admin/list-user-sessions",
  "/admin/has-permission",
  "/admin/create-user",
]);

type AfterContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

/**
 * What another instance drops of its session checks after this request (lib/invalidation.ts): the session a
 * sign-out ended; the user an administrator's endpoint names (`userId`: role, removal, revocation, password,
 * ban); for an endpoint on one's own account (password, own sessions), that user; else everyone's.
 */
function changedSessions(ctx: AfterContext): [InvalidationTopic, string] {
  if (ctx.path === "/sign-out") {
    const cookie = parseCookies(ctx.headers?.get("cookie") ?? "").get(ctx.context.authCookies.sessionToken.name);
    if (cookie) return ["session", sessionCheckKey(cookie)];
  }
  const named = (ctx.body as { userId?: unknown } | undefined)?.userId;
  if (typeof named === "string" && named) return ["user", named];
  // An administrator's endpoint that names no user (one session by its token) may concern anyone.
  if (ctx.path.startsWith("/admin/")) return ["user", "*"];
  const own = (ctx.context as { session?: { user?: { id?: string } } | null }).session?.user?.id;
  return own ? ["user", own] : ["user", "*"];
}

/**
 * better-auth `hooks.after`, for every endpoint it serves:
 * - a sign-out, a revocation, a change of role, password or user makes pages read their sessions again
 *   (lib/auth/session-checks.ts), in this process and, announced once better-auth has written it, in every
 *   other instance. Any endpoint not known to leave them alone counts; a refused request changed nothing;
 * - every e-mail sign-in attempt, accepted or refused, becomes an audit event with the e-mail typed as actor
 *   and the client address. Attempts the rate limiter turns away never reach it.
 */
export const afterAuthRequest = createAuthMiddleware(async (ctx) => {
  const returned = ctx.context.returned;
  const refused = isAPIError(returned);
  if (!refused && !sessionNeutralPaths.has(ctx.path)) {
    recentSessionChecks.forgetAll();
    await announceInvalidation(db(), ...changedSessions(ctx));
  }
  if (ctx.path !== "/sign-in/email") return;
  // The full address the launcher decided on (lib/launcher/client-address.ts); better-auth's own reading of it
  // is cut to the IPv6 /64 its rate limit counts by.
  const headers = ctx.request?.headers ?? ctx.headers;
  const caller = {
    interface: "console" as const,
    actor: typeof ctx.body?.email === "string" ? ctx.body.email.trim().toLowerCase() : "unknown",
    ip: headers?.get(clientAddressHeader) || null,
  };
  await recordAudit(db(), caller, { action: "administrator.sign_in", outcome: refused ? "failure" : "success", details: refused ? { reason: String(returned.body?.code ?? returned.status) } : {} });
});
