import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { requireServicePermission } from "@/lib/auth/session";
import { clientOfPage } from "@/lib/clients/queries";

// Outside the edit page's loading boundary: a role that may not change clients gets status 403, and a deleted
// client 404, before any byte is streamed.
export default async function EditClientLayout({ children, params }: { children: ReactNode; params: Promise<{ serviceId: string; clientId: string }> }) {
  const { serviceId, clientId } = await params;
  await requireServicePermission(serviceId, { client: ["update"] });
  const client = await clientOfPage(serviceId, clientId);
  if (!client || client.deletedAt) notFound();
  return children;
}
