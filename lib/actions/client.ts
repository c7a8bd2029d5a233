import { randomUUID } from "node:crypto";
import { createSafeActionClient } from "next-safe-action";
import { z } from "zod";
import { roleAllows, type Permission } from "@/lib/auth/permissions";
import { freshAdministrator } from "@/lib/auth/session";
import { logger } from "@/lib/logger";

/** A failure the administrator can understand and act on; its message is shown as it is. */
export class ActionError extends Error {
  name = "ActionError";
}

/**
 * Every server action is built from this client. Expected failures (ActionError) return their message;
 * anything else is logged with an event id, and the administrator sees only that id to quote.
 */
export const actionClient = createSafeActionClient({
  // actionName names the action in logs; permission is what authActionClient checks.
  defineMetadataSchema: () => z.object({ actionName: z.string(), permission: z.custom<Permission>().optional() }),
  handleServerError(error, { metadata }) {
    if (error instanceof ActionError) return error.message;
    const eventId = randomUUID();
    logger.error({ err: error, eventId, action: metadata?.actionName }, "server action failed");
    return `Something went wrong. If it keeps happening, report event ${eventId}.`;
  },
});

/**
 * Actions of a signed-in administrator. The action declares what it needs — `.metadata({ permission })` —
 * and the middleware checks the session and the role for every call: server actions are public POST
 * endpoints, so a check in the page that shows the button is not enough.
 */
export const authActionClient = actionClient.use(async ({ next, metadata }) => {
  const administrator = await freshAdministrator();
  if (!administrator) throw new ActionError("Your session has ended. Sign in again to continue.");
  if (!metadata.permission) throw new Error("authActionClient action without .metadata({ permission })");
  if (!roleAllows(administrator.role, metadata.permission))
    throw new ActionError(`Your role (${administrator.role ?? "none"}) does not allow this.`);
  return next({ ctx: { administrator } });
});
