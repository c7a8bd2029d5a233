import type { ReactNode } from "react";
import { requireServicePermission } from "@/lib/auth/session";

// Outside the page's rendering: a role that may not import gets status 403 before any byte is streamed.
export default async function ImportClientsLayout({ children, params }: { children: ReactNode; params: Promise<{ serviceId: string }> }) {
  await requireServicePermission((await params).serviceId, { migration: ["import"] });
  return children;
}
