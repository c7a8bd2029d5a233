"use client";

import { useServiceId } from "@/components/console/use-service-id";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { OneTimeNotice, OneTimeValue } from "@/components/clients/one-time-value";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { FieldError, FieldHint, Label } from "@/components/ui/label";
import { toast } from "@/components/ui/toast";
import { lazyZodResolver } from "@/lib/lazy-zod-resolver";
import type { NewInitialAccessToken, NewInitialAccessTokenSchema } from "@/lib/registration/policy";
import { createServiceInitialAccessToken, revokeServiceInitialAccessToken } from "@/lib/settings/actions";
import type { InitialAccessTokenSummary } from "@/lib/settings/queries";

// The dialogs of the initial access tokens card (initial-access-tokens.tsx), loaded the first time one opens.

const optionalNumber = (value: unknown) => (value === "" || value === null || value === undefined ? null : Number(value));

/** Confirms the revocation of `token` (null while closed). */
export function RevokeTokenDialog({ token, onClose }: { token: InitialAccessTokenSummary | null; onClose: () => void }) {
  const router = useRouter();
  const serviceId = useServiceId();
  const [pending, setPending] = useState(false);

  async function revoke(revoking: InitialAccessTokenSummary) {
    setPending(true);
    const result = await revokeServiceInitialAccessToken({ serviceId, id: revoking.id }).finally(() => setPending(false));
    onClose();
    if (!result?.data) return void toast.error(result?.serverError ?? "The token could not be revoked.");
    toast.success(`Revoked the token ending in ${revoking.hint}`);
    router.refresh();
  }

  return (
    <Dialog open={token !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Revoke the token ending in {token?.hint}?</DialogTitle>
          <DialogDescription>It stops working at once: registrations that present it are refused. Clients already registered with it stay.</DialogDescription>
        </DialogHeader>
        <DialogFooter>
            <Button variant="secondary" onClick={onClose}>
              Cancel
            </Button>
            <Button variant="danger" loading={pending} onClick={() => token && revoke(token)}>
              Revoke token
            </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

/** Creates an initial access token and shows it once; closing the dialog starts the next one afresh. */
export function CreateTokenDialog({ open, onOpenChange, onCreated }: { open: boolean; onOpenChange: (open: boolean) => void; onCreated: () => void }) {
  const serviceId = useServiceId();
  const [token, setToken] = useState<string | null>(null);
  const form = useForm<z.input<typeof NewInitialAccessTokenSchema>, unknown, NewInitialAccessToken>({
    resolver: lazyZodResolver(async () => (await import("@/lib/registration/policy")).NewInitialAccessTokenSchema),
    defaultValues: { description: "", expiresInDays: 30, uses: 1 },
  });
  const { errors, isSubmitting } = form.formState;

  async function create(values: NewInitialAccessToken) {
    const result = await createServiceInitialAccessToken({ serviceId, token: values });
    if (!result?.data) return void toast.error(result?.serverError ?? "The token could not be created.");
    setToken(result.data.token);
    onCreated();
  }

  function close() {
    onOpenChange(false);
    setToken(null);
    form.reset();
  }

  return (
    <Dialog open={open} onOpenChange={(next) => (next ? onOpenChange(true) : close())}>
      <DialogContent onInteractOutside={(event) => token && event.preventDefault()}>
        {token ? (
          <>
            <DialogHeader>
              <DialogTitle>Initial access token created</DialogTitle>
              <DialogDescription>Give it to the client software that is to register; it sends it as a Bearer token to the registration endpoint.</DialogDescription>
            </DialogHeader>
            <OneTimeValue label="Initial access token" value={token} />
            <OneTimeNotice>This token is shown only once and cannot be shown again.</OneTimeNotice>
            <DialogFooter>
              <Button onClick={close}>Done</Button>
            </DialogFooter>
          </>
        ) : (
          <form method="post" noValidate onSubmit={form.handleSubmit(create)} className="grid gap-4">
            <DialogHeader>
              <DialogTitle>Create an initial access token</DialogTitle>
              <DialogDescription>Allows client software to register while the registration mode requires a token.</DialogDescription>
            </DialogHeader>
            <div className="grid gap-1.5">
              <Label htmlFor="iat-description">Description</Label>
              <Input id="iat-description" placeholder="e.g. Partner onboarding, March" {...form.register("description")} aria-invalid={errors.description ? true : undefined} />
              {errors.description && <FieldError>{errors.description.message}</FieldError>}
            </div>
            <div className="grid gap-4 sm:grid-cols-2">
              <div className="grid content-start gap-1.5">
                <Label htmlFor="iat-expires">Expires after (days)</Label>
                <Input id="iat-expires" type="number" min={1} placeholder="Never" {...form.register("expiresInDays", { setValueAs: optionalNumber })} aria-invalid={errors.expiresInDays ? true : undefined} aria-describedby="iat-expires-hint" />
                {errors.expiresInDays && <FieldError>Expiry {errors.expiresInDays.message}</FieldError>}
                <FieldHint id="iat-expires-hint">Empty: never expires.</FieldHint>
              </div>
              <div className="grid content-start gap-1.5">
                <Label htmlFor="iat-uses">Registrations allowed</Label>
                <Input id="iat-uses" type="number" min={1} placeholder="Unlimited" {...form.register("uses", { setValueAs: optionalNumber })} aria-invalid={errors.uses ? true : undefined} aria-describedby="iat-uses-hint" />
                {errors.uses && <FieldError>Registrations {errors.uses.message}</FieldError>}
                <FieldHint id="iat-uses-hint">Empty: unlimited.</FieldHint>
              </div>
            </div>
            <DialogFooter>
              <Button variant="secondary" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={isSubmitting}>
                Create token
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
