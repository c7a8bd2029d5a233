import { forbidden, notFound } from "next/navigation";
import type { ReactNode } from "react";
import { roleAllows } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { clientOfPage } from "@/lib/clients/queries";

// Outside the edit page's loading boundary: a role that may not change clients gets status 403, and a deleted
// client 404, before any byte is streamed. A layout cannot see `?from=` (edit or revert), so it lets through
// a role with either permission; the page then checks the one its request needs.
export default async function EditClientLayout({ children, params }: { children: ReactNode; params: Promise<{ clientId: string }> }) {
  const administrator = await requirePermission({ client: ["read"] });
  if (!roleAllows(administrator.role, { client: ["update"] }) && !roleAllows(administrator.role, { client: ["revert"] })) forbidden();
  const client = await clientOfPage((await params).clientId);
  if (!client || client.deletedAt) notFound();
  return children;
}
