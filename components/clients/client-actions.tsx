"use client";

import { KeyRound, Pencil, Trash2 } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { Button, buttonClassName } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { FieldError, Label } from "@/components/ui/label";
import { toast } from "@/components/ui/toast";
import { deleteClient, reissueClientRegistrationAccessToken } from "@/lib/clients/actions";
import { NewTokenDialog } from "./rotated-token-dialog";

/**
 * A client's actions (detail page header, edit page): Edit, Re-issue registration access token (admin) and
 * Delete. The delete dialog also opens from `?delete=1` (the list's row menu links there). The server
 * actions check the role again: these flags only decide what is offered.
 */
export function ClientActions({ clientId, clientName, canEdit, canDelete, canReissue }: { clientId: string; clientName: string; canEdit: boolean; canDelete: boolean; canReissue: boolean }) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      {canReissue && <ReissueTokenAction clientId={clientId} clientName={clientName} />}
      {canDelete && <DeleteClientAction clientId={clientId} clientName={clientName} />}
      {canEdit && (
        <Link href={`/clients/${encodeURIComponent(clientId)}/edit`} className={buttonClassName({})}>
          <Pencil aria-hidden />
          Edit
        </Link>
      )}
    </div>
  );
}

function ReissueTokenAction({ clientId, clientName }: { clientId: string; clientName: string }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [token, setToken] = useState<string | null>(null);

  async function reissue() {
    setPending(true);
    const result = await reissueClientRegistrationAccessToken({ clientId }).finally(() => setPending(false));
    if (!result?.data) return void toast.error(result?.serverError ?? "The token could not be re-issued.");
    setConfirming(false);
    setToken(result.data.registrationAccessToken);
  }

  return (
    <>
      <Button variant="secondary" onClick={() => setConfirming(true)}>
        <KeyRound aria-hidden />
        Re-issue registration access token
      </Button>
      <Dialog open={confirming} onOpenChange={setConfirming}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>Re-issue the registration access token?</DialogTitle>
            <DialogDescription>
              {clientName} gets a new registration access token. The current one stops working at once: the client software can no longer read or change its
              registration until it is given the new token. The re-issue is recorded in the audit log.
            </DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <Button onClick={reissue} loading={pending}>
              Re-issue token
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
      <NewTokenDialog
        token={token}
        title="New registration access token"
        description={`The new registration access token of ${clientName}.`}
        onDone={() => {
          setToken(null);
          router.refresh();
        }}
      />
    </>
  );
}

function DeleteClientAction({ clientId, clientName }: { clientId: string; clientName: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [open, setOpen] = useState(searchParams.get("delete") === "1");
  const [confirmation, setConfirmation] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  function change(next: boolean) {
    setOpen(next);
    if (next) return;
    setConfirmation("");
    setError(null);
    if (searchParams.has("delete")) {
      const rest = new URLSearchParams(searchParams);
      rest.delete("delete");
      router.replace(rest.size ? `${pathname}?${rest}` : pathname, { scroll: false });
    }
  }

  async function remove() {
    setPending(true);
    const result = await deleteClient({ clientId, confirmation }).finally(() => setPending(false));
    if (!result?.data) return setError(result?.validationErrors?.confirmation?._errors?.[0] ?? result?.serverError ?? "The client could not be deleted.");
    setOpen(false);
    toast.success(`Deleted ${clientName}`);
    router.push("/clients");
  }

  const confirmed = confirmation.trim() === clientId;
  return (
    <>
      <Button variant="secondary" onClick={() => change(true)} className="text-red-700 dark:text-red-400">
        <Trash2 aria-hidden />
        Delete
      </Button>
      <Dialog open={open} onOpenChange={change}>
        <DialogContent>
          <form
            className="grid gap-4"
            onSubmit={(event) => {
              event.preventDefault();
              if (confirmed) void remove();
            }}
          >
            <DialogHeader>
              <DialogTitle>Delete {clientName}?</DialogTitle>
              <DialogDescription>
                The client stops working at once: sign-ins and token requests with its client ID are refused, and its client secret and registration access
                token stop working. Its history stays in the audit log. This cannot be undone.
              </DialogDescription>
            </DialogHeader>
            <div className="grid gap-1.5">
              <Label htmlFor="delete-confirmation">
                Type the client ID <code className="rounded bg-zinc-100 px-1 font-mono text-[12.5px] dark:bg-zinc-800">{clientId}</code> to confirm
              </Label>
              <Input
                id="delete-confirmation"
                value={confirmation}
                onChange={(event) => setConfirmation(event.target.value)}
                autoComplete="off"
                spellCheck={false}
                className="font-mono text-[13px]"
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? "delete-error" : undefined}
              />
              {error && <FieldError id="delete-error">{error}</FieldError>}
            </div>
            <DialogFooter>
              <Button variant="secondary" onClick={() => change(false)}>
                Cancel
              </Button>
              <Button type="submit" variant="danger" disabled={!confirmed} loading={pending}>
                Delete client
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
    </>
  );
}
