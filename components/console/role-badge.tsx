import { Badge, type BadgeVariant } from "@/components/ui/badge";
import type { Role } from "@/lib/auth/permissions";

const look: Record<Role, { label: string; variant: BadgeVariant }> = {
  admin: { label: "Admin", variant: "accent" },
  editor: { label: "Editor", variant: "success" },
  viewer: { label: "Viewer", variant: "neutral" },
};

export function RoleBadge({ role }: { role: Role | null }) {
  if (!role) return <Badge variant="warning">No role</Badge>;
  return <Badge variant={look[role].variant}>{look[role].label}</Badge>;
}
