import { parseCookies } from "better-auth/cookies";
import { headers } from "next/headers";
import { forbidden, notFound, redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "@/lib/auth/auth";
import { recentSessionChecks } from "@/lib/auth/session-checks";
import { isRole, roleAllows, roleOn, type Permission, type Role } from "@/lib/auth/permissions";
import { signInPath } from "@/lib/auth/return-path";
import { db } from "@/lib/db";
import { requestPathHeader } from "@/lib/request-headers";
import { loadService, type ServiceRecord } from "@/lib/registration/store";

export type Administrator = {
  id: string;
  name: string;
  email: string;
  /**
   * The global role, on every service: null when the stored role is not one the console knows (an account with
   * grants only, or one that may do nothing).
   */
  role: Role | null;
  /** Roles on single services (ServiceGrant), by service id; they take precedence over the global role there. */
  grants: Readonly<Record<string, Role>>;
};

/** The name of the cookie better-auth reads the session from (`__Secure-` prefixed on an https issuer). */
async function sessionCookieOf(requestHeaders: Headers): Promise<string | undefined> {
  const { authCookies } = await auth().$context;
  return parseCookies(requestHeaders.get("cookie") ?? "").get(authCookies.sessionToken.name);
}

/**
 * The administrator of the request's session, read through the database, and remembered for the next few
 * seconds' page views (lib/auth/session-checks.ts).
 */
async function lookUpAdministrator(requestHeaders: Headers, cookie: string): Promise<Administrator | null> {
  const generation = recentSessionChecks.generation();
  const session = await auth().api.getSession({ headers: requestHeaders });
  if (!session) {
    recentSessionChecks.remember(cookie, generation, null);
    return null;
  }
  const { id, name, email, role } = session.user;
  const grants: Record<string, Role> = {};
  for (const grant of await db().serviceGrant.findMany({ where: { userId: id }, select: { serviceId: true, role: true } }))
    if (isRole(grant.role)) grants[grant.serviceId] = grant.role;
  const administrator = { id, name, email, role: isRole(role) ? role : null, grants };
  recentSessionChecks.remember(cookie, generation, administrator, new Date(session.session.expiresAt).getTime());
  return administrator;
}

/** The signed-in administrator of a page view with these headers, or null; a session checked in the last few seconds is not read again. */
export async function pageViewAdministrator(requestHeaders: Headers): Promise<Administrator | null> {
  const cookie = await sessionCookieOf(requestHeaders);
  if (!cookie) return null;
  return recentSessionChecks.get(cookie) ?? lookUpAdministrator(requestHeaders, cookie);
}

/** The signed-in administrator of this request, or null; a session checked in the last few seconds is not read again. */
export const currentAdministrator = cache(async (): Promise<Administrator | null> => pageViewAdministrator(await headers()));

/** The signed-in administrator, read from the database now: for server actions, which change things. */
export const freshAdministrator = cache(async (): Promise<Administrator | null> => {
  const requestHeaders = await headers();
  const cookie = await sessionCookieOf(requestHeaders);
  return cookie ? lookUpAdministrator(requestHeaders, cookie) : null;
});

/**
 * For pages: the signed-in administrator, provided their role grants `permission`. Signed out → the sign-in
 * page, which returns here; signed in without the permission → the 403 view (forbidden.tsx).
 */
export async function requirePermission(permission: Permission): Promise<Administrator> {
  const administrator = await currentAdministrator();
  if (!administrator) redirect(signInPath((await headers()).get(requestPathHeader)));
  if (!roleAllows(administrator.role, permission)) forbidden();
  return administrator;
}

/** The administrator as they act on one service: `role` is their role there. */
export type ServiceAdministrator = Administrator & { role: Role };

/**
 * For the pages of one service: the service and the administrator with their role on it. Signed out → the
 * sign-in page; a service that does not exist, or that this administrator may not see → 404, so nobody learns
 * of a service that is not theirs; a role without `permission` → 403 (`{}`: any role on the service will do).
 */
export async function requireServicePermission(serviceId: string, permission: Permission): Promise<{ administrator: ServiceAdministrator; service: ServiceRecord }> {
  const administrator = await currentAdministrator();
  if (!administrator) redirect(signInPath((await headers()).get(requestPathHeader)));
  const role = roleOn(administrator, serviceId);
  const service = role ? await loadService(serviceId) : null;
  if (!role || !service) notFound();
  if (Object.keys(permission).length && !roleAllows(role, permission)) forbidden();
  return { administrator: { ...administrator, role }, service };
}
