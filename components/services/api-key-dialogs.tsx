"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { OneTimeNotice, OneTimeValue } from "@/components/clients/one-time-value";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toast";
import type { ApiKeySummary } from "@/lib/registration/api-keys";
import { createServiceApiKey, revokeServiceApiKey } from "@/lib/services/actions";
import { NameField } from "./name-field";

// The dialogs of a service's API keys card (api-keys.tsx), loaded the first time one opens.

/** Creates an API key and shows its value once; closing the dialog starts the next one afresh. */
export function CreateApiKeyDialog({ serviceId, apiBase, open, onOpenChange }: { serviceId: string; apiBase: string; open: boolean; onOpenChange: (open: boolean) => void }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);
  const [created, setCreated] = useState<{ name: string; apiKey: string } | null>(null);

  async function create(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    const result = await createServiceApiKey({ serviceId, name }).finally(() => setPending(false));
    if (!result?.data) return void toast.error(result?.serverError ?? "The API key could not be created.");
    if (!result.data.ok) return void setError(result.data.issues.map((i) => i.message).join("; "));
    setCreated({ name: result.data.key.name, apiKey: result.data.apiKey });
    router.refresh();
  }

  function close() {
    onOpenChange(false);
    setCreated(null);
    setName("");
    setError(undefined);
  }

  return (
    <Dialog open={open} onOpenChange={(next) => (next ? onOpenChange(true) : close())}>
      <DialogContent onInteractOutside={(event) => created && event.preventDefault()}>
        {created ? (
          <>
            <DialogHeader>
              <DialogTitle className="[overflow-wrap:anywhere]">API key “{created.name}” created</DialogTitle>
              <DialogDescription>
                Configure it in the authorization server, which sends it as <span className="font-mono">Authorization: Bearer …</span> to{" "}
                <span className="font-mono [overflow-wrap:anywhere]">{apiBase}</span>.
              </DialogDescription>
            </DialogHeader>
            <OneTimeValue label="API key" value={created.apiKey} />
            <OneTimeNotice>This key is shown only once and cannot be shown again. Copy it now; if it is lost, create another and revoke this one.</OneTimeNotice>
            <DialogFooter>
              <Button onClick={close}>Done</Button>
            </DialogFooter>
          </>
        ) : (
          <form method="post" noValidate onSubmit={create} className="grid gap-4">
            <DialogHeader>
              <DialogTitle>Create an API key</DialogTitle>
              <DialogDescription>For an authorization server that calls this service&apos;s Authlete-compatible API. It works for this service only.</DialogDescription>
            </DialogHeader>
            <NameField
              id="api-key-name"
              value={name}
              placeholder="e.g. Production authorization server"
              error={error}
              hint="Says who uses the key, so that it can be revoked without guessing."
              onChange={(value) => {
                setName(value);
                setError(undefined);
              }}
            />
            <DialogFooter>
              <Button variant="secondary" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={pending}>
                Create API key
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}

/** Confirms the revocation of `apiKey` (null while closed). */
export function RevokeApiKeyDialog({ serviceId, apiKey, onClose }: { serviceId: string; apiKey: ApiKeySummary | null; onClose: () => void }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);

  async function revoke(revoking: ApiKeySummary) {
    setPending(true);
    const result = await revokeServiceApiKey({ serviceId, id: revoking.id }).finally(() => setPending(false));
    onClose();
    if (!result?.data) return void toast.error(result?.serverError ?? "The API key could not be revoked.");
    toast.success(`Revoked the API key “${revoking.name}”`);
    router.refresh();
  }

  return (
    <Dialog open={apiKey !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle className="[overflow-wrap:anywhere]">
            Revoke the API key “{apiKey?.name}” (…{apiKey?.hint})?
          </DialogTitle>
          <DialogDescription>Calls that present it are refused at once. The authorization server that uses it can no longer register or manage clients through the API.</DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="danger" loading={pending} onClick={() => apiKey && revoke(apiKey)}>
            Revoke API key
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
