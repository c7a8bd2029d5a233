"use client";

import { Check, LoaderCircle } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { FieldError, FieldHint, Label } from "@/components/ui/label";
import { toast } from "@/components/ui/toast";
import { NameField } from "./name-field";
import { serviceIdPattern } from "@/lib/registration/uris";
import { checkServiceIdAction, createServiceAction, deleteServiceAction, renameServiceAction, type ServiceFormResult } from "@/lib/services/actions";
import type { ServiceView } from "@/lib/services/queries";

// The dialogs of the Services page (services-list.tsx), loaded the first time one opens.

type FieldErrors = Partial<Record<"id" | "name", string>>;

/** The issues of a refused form, by field; an issue of no field of the form is shown as a toast. */
function fieldErrors(result: ServiceFormResult | undefined, serverError: string | undefined, fallback: string): FieldErrors | null {
  if (result?.ok) return null;
  const errors: FieldErrors = {};
  for (const issue of result?.issues ?? []) {
    const field = issue.path[0];
    if (field === "id" || field === "name") errors[field] ??= issue.message;
    else toast.error(issue.message);
  }
  if (!result) toast.error(serverError ?? fallback);
  return errors;
}

const idRule = "Letters, digits, '.', '_' and '-', up to 64 characters, starting with a letter or a digit.";

type IdCheck = { state: "idle" } | { state: "checking" } | { state: "available" } | { state: "unavailable"; message: string };

/** The live check of a new service's id: its rule at once, then (after a pause in typing) whether it is free. */
function useServiceIdCheck(id: string): IdCheck {
  const [answer, setAnswer] = useState<{ id: string; check: IdCheck } | null>(null);
  const wellFormed = serviceIdPattern.test(id);
  useEffect(() => {
    if (!wellFormed) return;
    let current = true;
    const timer = setTimeout(async () => {
      const result = await checkServiceIdAction({ id }).catch(() => undefined);
      if (!current) return;
      // The check is a convenience: creating the service checks again and says why it is refused.
      const data = result?.data;
      setAnswer({ id, check: !data ? { state: "idle" } : data.available ? { state: "available" } : { state: "unavailable", message: data.message } });
    }, 300);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [id, wellFormed]);
  if (id === "") return { state: "idle" };
  if (!wellFormed) return { state: "unavailable", message: "id must be 1–64 letters, digits, '.', '_' or '-', starting with a letter or a digit" };
  return answer?.id === id ? answer.check : { state: "checking" };
}

/** Creates a service: its id (checked as it is typed) and its name. */
export function CreateServiceDialog({ open, onOpenChange, issuer }: { open: boolean; onOpenChange: (open: boolean) => void; issuer: string }) {
  const router = useRouter();
  const [id, setId] = useState("");
  const [name, setName] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);
  const check = useServiceIdCheck(id);
  const idError = errors.id ?? (check.state === "unavailable" ? check.message : undefined);
  const ids = { hint: useId(), status: useId(), error: useId() };

  function close() {
    onOpenChange(false);
    setId("");
    setName("");
    setErrors({});
  }

  async function create(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    const result = await createServiceAction({ id, name }).finally(() => setPending(false));
    const refused = fieldErrors(result?.data, result?.serverError, "The service could not be created.");
    if (refused) return void setErrors(refused);
    toast.success(`Created the service “${result!.data!.ok && result!.data!.name}”`);
    close();
    router.refresh();
  }

  return (
    <Dialog open={open} onOpenChange={(next) => (next ? onOpenChange(true) : close())}>
      <DialogContent>
        <form method="post" noValidate onSubmit={create} className="grid gap-4">
          <DialogHeader>
            <DialogTitle>Create a service</DialogTitle>
            <DialogDescription>A service for one authorization server: its own clients, policy, initial access tokens and API keys. It starts with the default policy.</DialogDescription>
          </DialogHeader>
          <div className="grid gap-1.5">
            <Label htmlFor="service-id">Service id</Label>
            <Input
              id="service-id"
              value={id}
              autoComplete="off"
              spellCheck={false}
              className="font-mono"
              placeholder="e.g. acme-login"
              onChange={(event) => {
                setId(event.target.value);
                setErrors((e) => ({ ...e, id: undefined }));
              }}
              aria-invalid={idError ? true : undefined}
              aria-describedby={`${ids.hint} ${idError ? ids.error : ids.status}`}
            />
            {idError ? (
              <FieldError id={ids.error}>{idError}</FieldError>
            ) : (
              <p id={ids.status} aria-live="polite" className="flex min-h-5 items-center gap-1.5 text-[13px] text-zinc-600 dark:text-zinc-400">
                {check.state === "checking" && (
                  <>
                    <LoaderCircle className="size-3.5 animate-spin" aria-hidden /> Checking…
                  </>
                )}
                {check.state === "available" && (
                  <>
                    <Check className="size-3.5 text-emerald-600 dark:text-emerald-400" aria-hidden />
                    <span className="min-w-0 [overflow-wrap:anywhere]">
                      Available. Its registration endpoint: <span className="font-mono">{`${issuer}/s/${id}/register`}</span>
                    </span>
                  </>
                )}
              </p>
            )}
            <FieldHint id={ids.hint}>{idRule} It stands in the service&apos;s URLs and cannot be changed later; a deleted service&apos;s id is never used again.</FieldHint>
          </div>
          <NameField
            id="service-name"
            value={name}
            placeholder="e.g. Acme customer login"
            error={errors.name}
            onChange={(value) => {
              setName(value);
              setErrors((e) => ({ ...e, name: undefined }));
            }}
          />
          <DialogFooter>
            <Button variant="secondary" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={pending} disabled={check.state === "unavailable"}>
              Create service
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** Renames `service` (null while closed). */
export function RenameServiceDialog({ service, onClose }: { service: ServiceView | null; onClose: () => void }) {
  const router = useRouter();
  const [name, setName] = useState(service?.name ?? "");
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);
  const [shown, setShown] = useState(service);
  // A new service to rename starts from its own name.
  if (service && service !== shown) {
    setShown(service);
    setName(service.name);
    setError(undefined);
  }

  async function rename(event: FormEvent) {
    event.preventDefault();
    if (!service) return;
    setPending(true);
    const result = await renameServiceAction({ id: service.id, name }).finally(() => setPending(false));
    const refused = fieldErrors(result?.data, result?.serverError, "The service could not be renamed.");
    if (refused) return void setError(refused.name ?? refused.id);
    toast.success(`Renamed the service to “${result!.data!.ok && result!.data!.name}”`);
    onClose();
    router.refresh();
  }

  return (
    <Dialog open={service !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent>
        <form method="post" noValidate onSubmit={rename} className="grid gap-4">
          <DialogHeader>
            <DialogTitle>Rename the service</DialogTitle>
            <DialogDescription>
              The name is shown in the console only. The id <span className="font-mono">{shown?.id}</span> and the service&apos;s URLs stay as they are.
            </DialogDescription>
          </DialogHeader>
          <NameField
            id="service-new-name"
            value={name}
            error={error}
            onChange={(value) => {
              setName(value);
              setError(undefined);
            }}
          />
          <DialogFooter>
            <Button variant="secondary" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={pending}>
              Save name
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** Deletes `service` (null while closed) once its id is typed; a service that cannot be deleted says why. */
export function DeleteServiceDialog({ service, onClose }: { service: ServiceView | null; onClose: () => void }) {
  const router = useRouter();
  const [typed, setTyped] = useState("");
  const [pending, setPending] = useState(false);
  const [shown, setShown] = useState(service);
  if (service && service !== shown) {
    setShown(service);
    setTyped("");
  }
  const confirmed = shown !== null && typed === shown.id;

  async function remove(event: FormEvent) {
    event.preventDefault();
    if (!service || !confirmed) return;
    setPending(true);
    const result = await deleteServiceAction({ id: service.id, confirmation: typed }).finally(() => setPending(false));
    if (!result?.data) return void toast.error(result?.serverError ?? "The service could not be deleted.");
    toast.success(`Deleted the service “${result.data.name}”`);
    onClose();
    router.refresh();
  }

  return (
    <Dialog open={service !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent>
        <form method="post" noValidate onSubmit={remove} className="grid gap-4">
          <DialogHeader>
            <DialogTitle className="[overflow-wrap:anywhere]">Delete “{shown?.name}”?</DialogTitle>
            <DialogDescription>
              Its endpoints stop answering at once, and its initial access tokens and API keys are revoked. Its audit log is kept, and its id is never used again.
            </DialogDescription>
          </DialogHeader>
          {shown?.deleteBlocked ? (
            <Callout tone="warning" title="This service cannot be deleted">
              {shown.deleteBlocked}
            </Callout>
          ) : (
            <div className="grid gap-1.5">
              <Label htmlFor="service-delete-confirmation">
                Type <span className="font-mono font-semibold [overflow-wrap:anywhere]">{shown?.id}</span> to confirm
              </Label>
              <Input id="service-delete-confirmation" value={typed} autoComplete="off" spellCheck={false} className="font-mono" onChange={(event) => setTyped(event.target.value)} />
            </div>
          )}
          <DialogFooter>
            <Button variant="secondary" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" variant="danger" loading={pending} disabled={!confirmed || Boolean(shown?.deleteBlocked)}>
              Delete service
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
