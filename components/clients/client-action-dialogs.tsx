"use client";

import { useServiceId } from "@/components/console/use-service-id";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { FieldError, Label } from "@/components/ui/label";
import { toast } from "@/components/ui/toast";
import { servicePath } from "@/lib/console-paths";
import { deleteClient, reissueClientRegistrationAccessToken } from "@/lib/clients/actions";
import { NewTokenDialog } from "./rotated-token-dialog";

// The dialogs of a client's actions (client-actions.tsx), loaded the first time one of them opens.

/** Confirms the re-issue of the registration access token, then shows the new token once. */
export function ReissueTokenDialog({ clientId, clientName, open, onOpenChange }: { clientId: string; clientName: string; open: boolean; onOpenChange: (open: boolean) => void }) {
  const router = useRouter();
  const serviceId = useServiceId();
  const [pending, setPending] = useState(false);
  const [token, setToken] = useState<string | null>(null);

  async function reissue() {
    setPending(true);
    const result = await reissueClientRegistrationAccessToken({ serviceId, clientId }).finally(() => setPending(false));
    if (!result?.data) return void toast.error(result?.serverError ?? "The token could not be re-issued.");
    onOpenChange(false);
    setToken(result.data.registrationAccessToken);
  }

  return (
    <>
      <Dialog open={open} onOpenChange={onOpenChange}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>Re-issue the registration access token?</DialogTitle>
            <DialogDescription>
              {clientName} gets a new registration access token. The current one stops working at once: the client software can no longer read or change its
              registration until it is given the new token. The re-issue is recorded in the audit log.
            </DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <Button variant="secondary" onClick={() => onOpenChange(false)}>
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

/** Deletes the client once its id is typed; closing the dialog forgets what was typed. */
export function DeleteClientDialog({
  clientId,
  clientName,
  open,
  onOpenChange,
  onDeleted,
}: {
  clientId: string;
  clientName: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Closes the dialog as the console goes to the clients list. */
  onDeleted: () => void;
}) {
  const router = useRouter();
  const serviceId = useServiceId();
  const [confirmation, setConfirmation] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  function change(next: boolean) {
    if (!next) {
      setConfirmation("");
      setError(null);
    }
    onOpenChange(next);
  }

  async function remove() {
    setPending(true);
    const result = await deleteClient({ serviceId, clientId, confirmation }).finally(() => setPending(false));
    if (!result?.data) return setError(result?.validationErrors?.confirmation?._errors?.[0] ?? result?.serverError ?? "The client could not be deleted.");
    onDeleted();
    toast.success(`Deleted ${clientName}`);
    router.push(servicePath(serviceId, "/clients"));
  }

  const confirmed = confirmation.trim() === clientId;
  return (
    <Dialog open={open} onOpenChange={change}>
      <DialogContent>
        <form
          method="post"
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
  );
}
