import type { ReactNode } from "react";
import { requirePermission } from "@/lib/auth/session";

// Outside the page's rendering: a role that may not import gets status 403 before any byte is streamed.
export default async function ImportClientsLayout({ children }: { children: ReactNode }) {
  await requirePermission({ migration: ["import"] });
  return children;
}
