import { createAuthMiddleware, getIP, isAPIError } from "better-auth/api";
import { recordAuditEvent } from "@/lib/audit";
import { db } from "@/lib/db";

/**
 * better-auth `hooks.after`: every e-mail sign-in attempt, accepted or refused, becomes an audit event with
 * the e-mail typed as actor and the client address. Attempts the rate limiter turns away never reach it.
 */
export const auditSignIn = createAuthMiddleware(async (ctx) => {
  if (ctx.path !== "/sign-in/email") return;
  const returned = ctx.context.returned;
  const refused = isAPIError(returned);
  const source = ctx.request ?? ctx.headers;
  await recordAuditEvent(db(), {
    action: "administrator.sign_in",
    actor: typeof ctx.body?.email === "string" ? ctx.body.email.trim().toLowerCase() : "unknown",
    outcome: refused ? "failure" : "success",
    interface: "console",
    ip: source ? getIP(source, ctx.context.options) : null,
    details: refused ? { reason: String(returned.body?.code ?? returned.status) } : {},
  });
});
