import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "@/lib/auth/auth";
import { isRole, roleAllows, type Permission, type Role } from "@/lib/auth/permissions";
import { requestPathHeader, signInPath } from "@/lib/auth/return-path";

export type Administrator = {
  id: string;
  name: string;
  email: string;
  /** null when the stored role is not one the console knows: such an account may do nothing. */
  role: Role | null;
};

/** The signed-in administrator of this request, or null. Read once per request. */
export const currentAdministrator = cache(async (): Promise<Administrator | null> => {
  const session = await auth().api.getSession({ headers: await headers() });
  if (!session) return null;
  const { id, name, email, role } = session.user;
  return { id, name, email, role: isRole(role) ? role : null };
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
