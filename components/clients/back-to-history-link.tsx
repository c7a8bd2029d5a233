"use client";

import Link from "next/link";
import { useParams } from "next/navigation";
import { buttonClassName } from "@/components/ui/button";
import { clientPath } from "@/lib/console-paths";

/** From a view under /services/{serviceId}/clients/{id}/… that has no params of its own (a not-found view): back to that client's history. */
export function BackToHistoryLink() {
  const { serviceId, clientId } = useParams<{ serviceId?: string; clientId?: string }>();
  if (!serviceId || !clientId) return null;
  return (
    <Link href={clientPath(decodeURIComponent(serviceId), decodeURIComponent(clientId), "/history")} className={buttonClassName({ variant: "secondary" })}>
      Back to the client&apos;s history
    </Link>
  );
}
