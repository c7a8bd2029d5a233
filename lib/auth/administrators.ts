import { z } from "zod";
import { auth, passwordLength } from "@/lib/auth/auth";
import { isRole, roleNames, type Role } from "@/lib/auth/permissions";
import { db } from "@/lib/db";

export type NewAdministrator = { email: string; password: string; role: Role; name?: string };

/** A request the caller can fix (bad e-mail, short password, unknown role, e-mail taken); its message says how. */
export class AdministratorError extends Error {
  name = "AdministratorError";
}

/** Creates a console administrator (trusted server call; the password is hashed by better-auth). */
export async function createAdministrator({ email, password, role, name }: NewAdministrator) {
  if (!isRole(role)) throw new AdministratorError(`role must be one of ${roleNames.join(", ")} (got "${role}")`);
  if (!z.email().safeParse(email).success) throw new AdministratorError(`"${email}" is not an e-mail address`);
  if (password.length < passwordLength.min || password.length > passwordLength.max)
    throw new AdministratorError(`the password must be ${passwordLength.min}–${passwordLength.max} characters long`);
  const existing = await db().user.findUnique({ where: { email: email.toLowerCase() } });
  if (existing) throw new AdministratorError(`an administrator with the e-mail ${email} already exists`);
  const { user } = await auth().api.createUser({ body: { email, password, name: name ?? email.split("@")[0]!, role } });
  return user;
}

/** At start: the administrator from ADMIN_EMAIL / ADMIN_PASSWORD, when no administrator exists yet. */
export async function ensureFirstAdministrator(admin: { email: string; password: string } | undefined): Promise<"created" | "exists" | "none"> {
  if ((await db().user.count()) > 0) return "exists";
  if (!admin) return "none";
  await createAdministrator({ ...admin, role: "admin" });
  return "created";
}
