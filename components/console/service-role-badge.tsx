"use client";

import type { Role } from "@/lib/auth/permissions";
import { RoleBadge } from "./role-badge";
import { useOptionalServiceId } from "./use-service-id";

/** The administrator's role on the service being worked on (a grant there, else their global role). */
export function ServiceRoleBadge({ globalRole, roles }: { globalRole: Role | null; roles: readonly { id: string; role: Role }[] }) {
  const serviceId = useOptionalServiceId();
  const role = roles.find((service) => service.id === serviceId)?.role ?? globalRole;
  return <RoleBadge role={role} />;
}
