import { z } from "zod";
import { auth, passwordLength } from "@/lib/auth/auth";
import { isRole, roleNames, type Role } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { announceInvalidation } from "@/lib/invalidation";

export type NewAdministrator = {
  email: string;
  password: string;
  /** The global role, on every service; null for an administrator of chosen services only (`grants`). */
  role: Role | null;
  name?: string;
  /** Roles on single services, by service id: they take precedence over the global role there. */
  grants?: Record<string, Role>;
};

/** What is stored as the global role of an administrator who has roles on chosen services only. */
const noGlobalRole = "none";

/** A request the caller can fix (bad e-mail, short password, unknown role, e-mail taken); its message says how. */
export class AdministratorError extends Error {
  name = "AdministratorError";
}

/** Creates a console administrator (trusted server call; the password is hashed by better-auth). */
export async function createAdministrator({ email, password, role, name, grants = {} }: NewAdministrator) {
  if (role !== null && !isRole(role)) throw new AdministratorError(`role must be one of ${roleNames.join(", ")} (got "${role}")`);
  if (role === null && !Object.keys(grants).length) throw new AdministratorError("an administrator without a global role needs a role on at least one service");
  for (const [serviceId, granted] of Object.entries(grants)) await checkGrant(serviceId, granted);
  if (!z.email().safeParse(email).success) throw new AdministratorError(`"${email}" is not an e-mail address`);
  if (password.length < passwordLength.min || password.length > passwordLength.max)
    throw new AdministratorError(`the password must be ${passwordLength.min}–${passwordLength.max} characters long`);
  const existing = await db().user.findUnique({ where: { email: email.toLowerCase() } });
  if (existing) throw new AdministratorError(`an administrator with the e-mail ${email} already exists`);
  const { user } = await auth().api.createUser({ body: { email, password, name: name ?? email.split("@")[0]!, role: role ?? "viewer" } });
  // better-auth knows the console's roles only; no global role is stored directly, before anyone can sign in.
  if (role === null) await db().user.update({ where: { id: user.id }, data: { role: noGlobalRole } });
  if (Object.keys(grants).length) await db().serviceGrant.createMany({ data: Object.entries(grants).map(([serviceId, granted]) => ({ userId: user.id, serviceId, role: granted })) });
  return user;
}

/** At start: the administrator from ADMIN_EMAIL / ADMIN_PASSWORD, when no administrator exists yet. */
export async function ensureFirstAdministrator(admin: { email: string; password: string } | undefined): Promise<"created" | "exists" | "none"> {
  if ((await db().user.count()) > 0) return "exists";
  if (!admin) return "none";
  try {
    await createAdministrator({ ...admin, role: "admin" });
  } catch (error) {
    // Instances started together all find no administrator; one creates it, and the others find it made.
    if ((await db().user.count()) > 0) return "exists";
    throw error;
  }
  return "created";
}

async function checkGrant(serviceId: string, role: string) {
  if (!isRole(role)) throw new AdministratorError(`the role on ${serviceId} must be one of ${roleNames.join(", ")} (got "${role}")`);
  if (!(await db().service.findFirst({ where: { id: serviceId, deletedAt: null }, select: { id: true } }))) throw new AdministratorError(`there is no service "${serviceId}"`);
}

/**
 * Gives an administrator `role` on one service (null: takes their role there away, so their global role
 * applies again). Every instance's session checks drop what they remembered of them when it commits
 * (`user:<id>`, lib/invalidation.ts), so their next page view anywhere has the new role.
 */
export async function setServiceRole(email: string, serviceId: string, role: Role | null) {
  const user = await db().user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true } });
  if (!user) throw new AdministratorError(`there is no administrator with the e-mail ${email}`);
  if (role !== null) await checkGrant(serviceId, role);
  await db().$transaction(async (tx) => {
    if (role === null) await tx.serviceGrant.deleteMany({ where: { userId: user.id, serviceId } });
    else await tx.serviceGrant.upsert({ where: { userId_serviceId: { userId: user.id, serviceId } }, create: { userId: user.id, serviceId, role }, update: { role } });
    await announceInvalidation(tx, "user", user.id);
  });
}
