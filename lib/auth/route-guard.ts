import { consoleOrigins } from "@/lib/auth/auth";
import { roleAllows, type Permission } from "@/lib/auth/permissions";
import { freshAdministrator, type Administrator } from "@/lib/auth/session";

/**
 * For the console's route handlers that change things or hand out data in bulk (imports, exports): the request
 * must come from the console's own pages (its Origin is one of the console's origins: a cookie-authenticated
 * POST from another site is refused, as better-auth and server actions refuse it), from a signed-in
 * administrator whose role grants `permission`, read from the database now. Returns the administrator, or the
 * answer to send instead (403 with a JSON `error`, 401 when signed out).
 */
export async function authorizeConsoleRequest(request: Request, permission: Permission): Promise<Administrator | Response> {
  const origin = request.headers.get("origin");
  if (!origin || !consoleOrigins().includes(origin))
    return Response.json({ error: "This request must come from the console's own pages (its Origin header is missing or another site's)." }, { status: 403, headers: noStore });
  const administrator = await freshAdministrator();
  if (!administrator) return Response.json({ error: "Your session has ended. Sign in again to continue." }, { status: 401, headers: noStore });
  if (!roleAllows(administrator.role, permission))
    return Response.json({ error: `Your role (${administrator.role ?? "none"}) does not allow this.` }, { status: 403, headers: noStore });
  return administrator;
}

export const noStore = { "Cache-Control": "no-store" } as const;
