import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { requireServicePermission } from "@/lib/auth/session";
import { clientOfPage } from "@/lib/clients/queries";

// Every page of one client. Outside every loading boundary (the pages' skeletons are inside their route groups),
// so an unknown client id is answered with status 404 before any byte is streamed: the view is
// clients/not-found.tsx. The pages still check their own permission and read the client from the same cache.
export default async function ClientLayout({ children, params }: { children: ReactNode; params: Promise<{ serviceId: string; clientId: string }> }) {
  const { serviceId, clientId } = await params;
  await requireServicePermission(serviceId, { client: ["read"] });
  if (!(await clientOfPage(serviceId, clientId))) notFound();
  return children;
}
