import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { requirePermission } from "@/lib/auth/session";
import { clientOfPage, revertibleRevisionOfPage } from "@/lib/clients/queries";

// Outside the revert page's loading boundary: a role that may not revert gets status 403, and a deleted client
// or a version it does not have 404 (revert/not-found.tsx), before any byte is streamed.
export default async function RevertClientLayout({ children, params }: { children: ReactNode; params: Promise<{ clientId: string; version: string }> }) {
  await requirePermission({ client: ["revert"] });
  const { clientId, version } = await params;
  const client = await clientOfPage(clientId);
  if (!client || client.deletedAt || !(await revertibleRevisionOfPage(clientId, version))) notFound();
  return children;
}
