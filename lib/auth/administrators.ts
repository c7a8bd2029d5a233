import { auth } from "@/lib/auth/auth";
import { isRole, type Role } from "@/lib/auth/permissions";
import { db } from "@/lib/db";

export type NewAdministrator = { email: string; password: string; role: Role; name?: string };

/** Creates a console administrator (trusted server call; the password is hashed by better-auth). */
export async function createAdministrator({ email, password, role, name }: NewAdministrator) {
  if (!isRole(role)) throw new Error(`role must be one of viewer, editor, admin (got "${role}")`);
  const existing = await db().user.findUnique({ where: { email: email.toLowerCase() } });
  if (existing) throw new Error(`An administrator with the e-mail ${email} already exists`);
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
