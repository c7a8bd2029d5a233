import { randomUUID } from "node:crypto";
import { createSafeActionClient } from "next-safe-action";
import { z } from "zod";
import { roleAllows, roleOn, type Permission } from "@/lib/auth/permissions";
import { freshAdministrator, type ServiceAdministrator } from "@/lib/auth/session";
import { loadService } from "@/lib/registration/store";
import { serviceScope } from "./service-scope";
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

/**
 * Actions on one service: the input names the service (`serviceScope`), and the middleware checks the session
 * and the administrator's role *on that service*. A service that does not exist or is not theirs to see is
 * refused like one they may not act on, so an action never tells whether a service exists.
 */
export const serviceActionClient = actionClient.use(async ({ next, metadata, clientInput }) => {
  const administrator = await freshAdministrator();
  if (!administrator) throw new ActionError("Your session has ended. Sign in again to continue.");
  if (!metadata.permission) throw new Error("serviceActionClient action without .metadata({ permission })");
  const scope = serviceScope.safeParse(clientInput);
  if (!scope.success) throw new Error("serviceActionClient action without a serviceId in its input");
  const { serviceId } = scope.data;
  const role = roleOn(administrator, serviceId);
  if (!role || !(await loadService(serviceId)) || !roleAllows(role, metadata.permission))
    throw new ActionError(`Your role (${role ?? "none"}) does not allow this on this service.`);
  const acting: ServiceAdministrator = { ...administrator, role };
  return next({ ctx: { administrator: acting, serviceId } });
});
