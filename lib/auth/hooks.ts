import { createAuthMiddleware, isAPIError } from "better-auth/api";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { clientAddressHeader } from "@/lib/request-headers";
import { recentSessionChecks } from "./session-checks";

/** better-auth endpoints that change no existing session or user: they only read, or start a new session. */
const sessionNeutralPaths = new Set([
  "/get-session",
  "/sign-in/email",
  "/ok",
  "/error",
  "/list-sessions",
  "/admin/list-users",
  "/admin/list-user-sessions",
  "/admin/has-permission",
]);

/**
 * better-auth `hooks.after`, for every endpoint it serves:
 * - a sign-out, a revocation, a change of role, password or user makes pages read their sessions again
 *   (lib/auth/session-checks.ts). Any endpoint not known to leave them alone counts; a refused request
 *   changed nothing;
 * - every e-mail sign-in attempt, accepted or refused, becomes an audit event with the e-mail typed as actor
 *   and the client address. Attempts the rate limiter turns away never reach it.
 */
export const afterAuthRequest = createAuthMiddleware(async (ctx) => {
  const returned = ctx.context.returned;
  const refused = isAPIError(returned);
  if (!refused && !sessionNeutralPaths.has(ctx.path)) recentSessionChecks.forgetAll();
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
