import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { requireServicePermission } from "@/lib/auth/session";
import { clientOfPage, revertibleRevisionOfPage } from "@/lib/clients/queries";

// Outside the revert page's loading boundary: a role that may not revert gets status 403, and a deleted client
// or a version it does not have 404 (revert/not-found.tsx), before any byte is streamed.
export default async function RevertClientLayout({ children, params }: { children: ReactNode; params: Promise<{ serviceId: string; clientId: string; version: string }> }) {
  const { serviceId, clientId, version } = await params;
  await requireServicePermission(serviceId, { client: ["revert"] });
  const client = await clientOfPage(serviceId, clientId);
  if (!client || client.deletedAt || !(await revertibleRevisionOfPage(serviceId, clientId, version))) notFound();
  return children;
}
