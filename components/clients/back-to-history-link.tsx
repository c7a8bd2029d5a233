"use client";

import Link from "next/link";
import { useParams } from "next/navigation";
import { buttonClassName } from "@/components/ui/button";

/** From a view under /clients/{id}/… that has no params of its own (a not-found view): back to that client's history. */
export function BackToHistoryLink() {
  const { clientId } = useParams<{ clientId?: string }>();
  if (!clientId) return null;
  return (
    <Link href={`/clients/${encodeURIComponent(clientId)}/history`} className={buttonClassName({ variant: "secondary" })}>
      Back to the client&apos;s history
    </Link>
  );
}
