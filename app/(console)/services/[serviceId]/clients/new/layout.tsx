import type { ReactNode } from "react";
import { requireServicePermission } from "@/lib/auth/session";

// Outside the register page's loading boundary: a role that may not register clients gets status 403 before
// any byte is streamed.
export default async function RegisterClientLayout({ children, params }: { children: ReactNode; params: Promise<{ serviceId: string }> }) {
  await requireServicePermission((await params).serviceId, { client: ["create"] });
  return children;
}
