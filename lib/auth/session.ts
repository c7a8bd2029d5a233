import { getSessionCookie } from "better-auth/cookies";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "@/lib/auth/auth";
import { recentSessionChecks } from "@/lib/auth/session-checks";
import { isRole, roleAllows, type Permission, type Role } from "@/lib/auth/permissions";
import { requestPathHeader, signInPath } from "@/lib/auth/return-path";

export type Administrator = {
  id: string;
  name: string;
  email: string;
  /** null when the stored role is not one the console knows: such an account may do nothing. */
  role: Role | null;
};

async function lookUpAdministrator(requestHeaders: Headers): Promise<{ administrator: Administrator; expiresAt: Date } | null> {
  const session = await auth().api.getSession({ headers: requestHeaders });
  if (!session) return null;
  const { id, name, email, role } = session.user;
  return { administrator: { id, name, email, role: isRole(role) ? role : null }, expiresAt: session.session.expiresAt };
}

/** The signed-in administrator of this request, or null; a session checked in the last few seconds is not read again. */
export const currentAdministrator = cache(async (): Promise<Administrator | null> => {
  const requestHeaders = await headers();
  const cookie = getSessionCookie(requestHeaders);
  if (!cookie) return null;
  const recent = recentSessionChecks.get(cookie);
  if (recent) return recent;
  const found = await lookUpAdministrator(requestHeaders);
  if (found) recentSessionChecks.remember(cookie, found.administrator, new Date(found.expiresAt).getTime());
  return found?.administrator ?? null;
});

/** The signed-in administrator, read from the database now: for server actions, which change things. */
export const freshAdministrator = cache(async (): Promise<Administrator | null> => (await lookUpAdministrator(await headers()))?.administrator ?? null);

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
