"use client";

import { Pencil } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";

// Placeholder for the seam with the change work (branch console-change), which replaces this file with the
// real actions: Edit, the registration access token re-issue dialog and the delete dialog (also opened by ?delete=1).
export function ClientActions({
  clientId,
  clientName,
  canEdit,
}: {
  clientId: string;
  clientName: string;
  canEdit: boolean;
  canDelete: boolean;
  canReissue: boolean;
}) {
  if (!canEdit) return null;
  return (
    <Button variant="secondary" asChild>
      <Link href={`/clients/${encodeURIComponent(clientId)}/edit`} aria-label={`Edit ${clientName}`}>
        <Pencil aria-hidden />
        Edit
      </Link>
    </Button>
  );
}
