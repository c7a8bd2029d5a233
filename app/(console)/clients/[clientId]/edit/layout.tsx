import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { requirePermission } from "@/lib/auth/session";
import { clientOfPage } from "@/lib/clients/queries";

// Outside the edit page's loading boundary: a role that may not change clients gets status 403, and a deleted
// client 404, before any byte is streamed.
export default async function EditClientLayout({ children, params }: { children: ReactNode; params: Promise<{ clientId: string }> }) {
  await requirePermission({ client: ["update"] });
  const client = await clientOfPage((await params).clientId);
  if (!client || client.deletedAt) notFound();
  return children;
}
