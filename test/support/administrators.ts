import { randomBytes } from "node:crypto";
import { auth } from "@/lib/auth/auth";
import { createAdministrator } from "@/lib/auth/administrators";
import type { Role } from "@/lib/auth/permissions";

/** A new administrator with a unique e-mail. */
export async function seedAdministrator(role: Role) {
  const email = `${role}-${randomBytes(4).toString("hex")}@registrar.test`;
  const password = `${role}-password-${randomBytes(6).toString("hex")}`;
  await createAdministrator({ email, password, role });
  return { email, password, role };
}

/** The Cookie header of a fresh session for `email` (signed in through better-auth's server API). */
export async function sessionCookie(email: string, password: string): Promise<string> {
  const { headers } = await auth().api.signInEmail({ body: { email, password }, returnHeaders: true });
  return headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}
