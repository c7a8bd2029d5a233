import type { ReactNode } from "react";
import { requireServicePermission } from "@/lib/auth/session";

// Every page of one service. Outside every loading boundary, so that a service that does not exist, or that
// the administrator may not see, is answered with status 404 before any byte is streamed: nobody learns of a
// service that is not theirs. The pages still check their own permission on the service.
export default async function ServiceLayout({ children, params }: { children: ReactNode; params: Promise<{ serviceId: string }> }) {
  await requireServicePermission((await params).serviceId, {});
  return children;
}
