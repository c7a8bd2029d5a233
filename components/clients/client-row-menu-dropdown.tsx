"use client";

import { useServiceId } from "@/components/console/use-service-id";
import { Copy, Eye, MoreHorizontal, Pencil, Trash2 } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { clientPath } from "@/lib/console-paths";
import { writeClipboard } from "@/components/ui/copy-button";
import type { ClientRowMenuProps } from "./client-row-menu";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { toast } from "@/components/ui/toast";

/** A row's menu in the clients list: View, Edit, Copy client id, Delete (the detail page's dialog asks first). */
export function ClientRowMenuDropdown({ clientId, clientName, canEdit, canDelete }: ClientRowMenuProps) {
  const href = clientPath(useServiceId(), clientId);
  async function copyClientId() {
    try {
      await writeClipboard(clientId);
      toast.success("Client id copied");
    } catch {
      toast.error("Could not copy to the clipboard.");
    }
  }
  return (
    <DropdownMenu modal={false}>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon-sm" aria-label={`Actions for ${clientName}`} className="text-zinc-500">
          <MoreHorizontal aria-hidden />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent>
        <DropdownMenuItem asChild>
          <Link href={href} prefetch={false}>
            <Eye aria-hidden />
            View
          </Link>
        </DropdownMenuItem>
        {canEdit && (
          <DropdownMenuItem asChild>
            <Link href={`${href}/edit`} prefetch={false}>
              <Pencil aria-hidden />
              Edit
            </Link>
          </DropdownMenuItem>
        )}
        <DropdownMenuItem onSelect={copyClientId}>
          <Copy aria-hidden />
          Copy client id
        </DropdownMenuItem>
        {canDelete && (
          <>
            <DropdownMenuSeparator />
            <DropdownMenuItem destructive asChild>
              <Link href={`${href}?delete=1`} prefetch={false}>
                <Trash2 aria-hidden />
                Delete…
              </Link>
            </DropdownMenuItem>
          </>
        )}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
