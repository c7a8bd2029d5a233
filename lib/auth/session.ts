import { parseCookies } from "better-auth/cookies";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "@/lib/auth/auth";
import { recentSessionChecks } from "@/lib/auth/session-checks";
import { isRole, roleAllows, type Permission, type Role } from "@/lib/auth/permissions";
import { signInPath } from "@/lib/auth/return-path";
import { requestPathHeader } from "@/lib/request-headers";

export type Administrator = {
  id: string;
  name: string;
  email: string;
  /** null when the stored role is not one the console knows: such an account may do nothing. */
  role: Role | null;
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
  const administrator = { id, name, email, role: isRole(role) ? role : null };
  recentSessionChecks.remember(cookie, generation, administrator, new Date(session.session.expiresAt).getTime());
  return administrator;
}

/** The signed-in administrator of this request, or null; a session checked in the last few seconds is not read again. */
export const currentAdministrator = cache(async (): Promise<Administrator | null> => {
  const requestHeaders = await headers();
  const cookie = await sessionCookieOf(requestHeaders);
  if (!cookie) return null;
  return recentSessionChecks.get(cookie) ?? lookUpAdministrator(requestHeaders, cookie);
});

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
