import { createAccessControl } from "better-auth/plugins/access";
import { adminAc, defaultStatements } from "better-auth/plugins/admin/access";

// What each console role may do. Checked by every server action and page (lib/auth/session.ts) and by
// better-auth's admin plugin; this is the only place roles are defined.
const statements = {
  ...defaultStatements,
  client: ["read", "create", "update", "delete", "revert"],
  registrationToken: ["reissue"],
  settings: ["read", "update"],
  audit: ["read"],
  // Moving clients in and out: importing writes many clients at once; an export with secrets hands
  // out every client's credential. Both are the administrator's; a metadata-only export is a bulk read.
  migration: ["import", "export", "exportSecrets"],
  // The lifecycle of services (lib/registration/services.ts): the global administrator's alone.
  service: ["create", "rename", "delete"],
} as const;

export const accessControl = createAccessControl(statements);

export const roles = {
  viewer: accessControl.newRole({ client: ["read"], audit: ["read"], settings: ["read"] }),
  editor: accessControl.newRole({ client: ["read", "create", "update", "delete", "revert"], audit: ["read"], settings: ["read"], migration: ["export"] }),
  admin: accessControl.newRole({
    ...adminAc.statements,
    client: ["read", "create", "update", "delete", "revert"],
    registrationToken: ["reissue"],
    settings: ["read", "update"],
    audit: ["read"],
    migration: ["import", "export", "exportSecrets"],
    service: ["create", "rename", "delete"],
  }),
};

export type Role = keyof typeof roles;
export const roleNames = Object.keys(roles) as Role[];

type Statements = typeof statements;
export type Permission = { [K in keyof Statements]?: Statements[K][number][] };

/** Whether the value names a role: an own member of `roles`, never an inherited one such as "constructor". */
export function isRole(value: unknown): value is Role {
  return typeof value === "string" && Object.hasOwn(roles, value);
}

/**
 * A user's role on one service: the role granted on that service (ServiceGrant) if there is one, else their
 * global role. A grant can so narrow a global role on one service, or be all a user without a global role has;
 * null means the service is not theirs to see.
 */
export function roleOn(user: { role: Role | null; grants: Readonly<Record<string, Role>> }, serviceId: string): Role | null {
  return Object.hasOwn(user.grants, serviceId) ? user.grants[serviceId]! : user.role;
}

/** Whether a role grants every action in `permission`. */
export function roleAllows(role: string | null | undefined, permission: Permission): boolean {
  if (!isRole(role)) return false;
  return roles[role].authorize(permission as never).success;
}
