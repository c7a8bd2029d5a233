"use client";

import { useServiceId } from "@/components/console/use-service-id";
import { KeyRound, Pencil, Trash2 } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { Button, buttonClassName } from "@/components/ui/button";
import { clientPath } from "@/lib/console-paths";
import { onDemand, useOpenedOnce } from "@/components/ui/on-demand";

// The dialogs (client-action-dialogs.tsx) load the first time one of them opens, not with the page.
const ReissueTokenDialog = onDemand(() => import("./client-action-dialogs").then((m) => m.ReissueTokenDialog));
const DeleteClientDialog = onDemand(() => import("./client-action-dialogs").then((m) => m.DeleteClientDialog));

/**
 * A client's actions (detail page header, edit page): Edit, Re-issue registration access token (admin) and
 * Delete. The delete dialog also opens from `?delete=1` (the list's row menu links there). The server
 * actions check the role again: these flags only decide what is offered.
 */
export function ClientActions({ clientId, clientName, canEdit, canDelete, canReissue }: { clientId: string; clientName: string; canEdit: boolean; canDelete: boolean; canReissue: boolean }) {
  const serviceId = useServiceId();
  return (
    <div className="flex flex-wrap items-center gap-2">
      {canReissue && <ReissueTokenAction clientId={clientId} clientName={clientName} />}
      {canDelete && <DeleteClientAction clientId={clientId} clientName={clientName} />}
      {canEdit && (
        <Link href={clientPath(serviceId, clientId, "/edit")} className={buttonClassName({})}>
          <Pencil aria-hidden />
          Edit
        </Link>
      )}
    </div>
  );
}

function ReissueTokenAction({ clientId, clientName }: { clientId: string; clientName: string }) {
  const [confirming, setConfirming] = useState(false);
  const opened = useOpenedOnce(confirming);
  return (
    <>
      <Button variant="secondary" onClick={() => setConfirming(true)}>
        <KeyRound aria-hidden />
        Re-issue registration access token
      </Button>
      {opened && <ReissueTokenDialog clientId={clientId} clientName={clientName} open={confirming} onOpenChange={setConfirming} />}
    </>
  );
}

function DeleteClientAction({ clientId, clientName }: { clientId: string; clientName: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [open, setOpen] = useState(searchParams.get("delete") === "1");
  const opened = useOpenedOnce(open);

  function change(next: boolean) {
    setOpen(next);
    if (next || !searchParams.has("delete")) return;
    const rest = new URLSearchParams(searchParams);
    rest.delete("delete");
    router.replace(rest.size ? `${pathname}?${rest}` : pathname, { scroll: false });
  }

  return (
    <>
      <Button variant="secondary" onClick={() => change(true)} className="text-red-700 dark:text-red-400">
        <Trash2 aria-hidden />
        Delete
      </Button>
      {opened && <DeleteClientDialog clientId={clientId} clientName={clientName} open={open} onOpenChange={change} onDeleted={() => setOpen(false)} />}
    </>
  );
}
