import type { ReactNode } from "react";
import { requirePermission } from "@/lib/auth/session";

// Outside the register page's loading boundary: a role that may not register clients gets status 403 before
// any byte is streamed.
export default async function RegisterClientLayout({ children }: { children: ReactNode }) {
  await requirePermission({ client: ["create"] });
  return children;
}
