import { consoleOrigins } from "@/lib/auth/auth";
import { roleAllows, roleOn, type Permission } from "@/lib/auth/permissions";
import { freshAdministrator, type ServiceAdministrator } from "@/lib/auth/session";
import { loadService } from "@/lib/registration/store";

/**
 * For the console's route handlers that change things or hand out data in bulk (imports, exports): the request
 * must come from the console's own pages (its Origin is one of the console's origins: a cookie-authenticated
 * POST from another site is refused, as better-auth and server actions refuse it), from a signed-in
 * administrator whose role on the service grants `permission`, read from the database now. Returns the
 * administrator with that role, or the answer to send instead (403 with a JSON `error`, 401 when signed out,
 * 404 for a service that does not exist or is not theirs to see).
 */
export async function authorizeConsoleRequest(request: Request, serviceId: string, permission: Permission): Promise<ServiceAdministrator | Response> {
  const origin = request.headers.get("origin");
  if (!origin || !consoleOrigins().includes(origin))
    return Response.json({ error: "This request must come from the console's own pages (its Origin header is missing or another site's)." }, { status: 403, headers: noStore });
  const administrator = await freshAdministrator();
  if (!administrator) return Response.json({ error: "Your session has ended. Sign in again to continue." }, { status: 401, headers: noStore });
  const role = roleOn(administrator, serviceId);
  if (!role || !(await loadService(serviceId))) return Response.json({ error: "No such service." }, { status: 404, headers: noStore });
  if (!roleAllows(role, permission)) return Response.json({ error: `Your role (${role}) does not allow this.` }, { status: 403, headers: noStore });
  return { ...administrator, role };
}

export const noStore = { "Cache-Control": "no-store" } as const;
