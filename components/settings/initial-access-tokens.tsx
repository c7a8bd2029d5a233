"use client";

import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { OneTimeNotice, OneTimeValue } from "@/components/clients/one-time-value";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { FieldError, FieldHint, Label } from "@/components/ui/label";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/toast";
import type { NewInitialAccessToken, NewInitialAccessTokenSchema } from "@/lib/registration/policy";
import { createServiceInitialAccessToken, revokeServiceInitialAccessToken } from "@/lib/settings/actions";
import { lazyZodResolver } from "./lazy-resolver";
import type { InitialAccessTokenStatus, InitialAccessTokenSummary } from "@/lib/settings/queries";

// Initial access tokens (RFC 7591 §3): created here (the token shown once), listed by their last characters,
// revoked at once. Used when the registration mode is "initial access token".

const statuses: Record<InitialAccessTokenStatus, { label: string; variant: BadgeVariant }> = {
  active: { label: "Active", variant: "success" },
  expired: { label: "Expired", variant: "neutral" },
  used_up: { label: "Used up", variant: "neutral" },
  revoked: { label: "Revoked", variant: "danger" },
};

const optionalNumber = (value: unknown) => (value === "" || value === null || value === undefined ? null : Number(value));

export function InitialAccessTokens({ tokens, canEdit, required }: { tokens: InitialAccessTokenSummary[]; canEdit: boolean; required: boolean }) {
  const router = useRouter();
  const [revoking, setRevoking] = useState<InitialAccessTokenSummary | null>(null);
  const [pending, setPending] = useState(false);

  async function revoke(token: InitialAccessTokenSummary) {
    setPending(true);
    const result = await revokeServiceInitialAccessToken({ id: token.id }).finally(() => setPending(false));
    setRevoking(null);
    if (!result?.data) return void toast.error(result?.serverError ?? "The token could not be revoked.");
    toast.success(`Revoked the token ending in ${token.hint}`);
    router.refresh();
  }

  return (
    <Card>
      <CardHeader>
        <div>
          <CardTitle>Initial access tokens</CardTitle>
          <p className="mt-0.5 text-[13px] text-zinc-500 dark:text-zinc-400">
            {required ? "Client software needs one of these to register (Authorization: Bearer …)." : "Only needed when the registration mode is “Initial access token”."}
          </p>
        </div>
        {canEdit && <CreateTokenButton onCreated={() => router.refresh()} />}
      </CardHeader>
      {tokens.length === 0 ? (
        <p className="px-4 py-8 text-center text-sm text-zinc-500 dark:text-zinc-400">No initial access tokens yet.</p>
      ) : (
        <Table aria-label="Initial access tokens">
          <TableHeader>
            <TableRow className="hover:bg-transparent">
              <TableHead>Token</TableHead>
              <TableHead>Description</TableHead>
              <TableHead>Uses</TableHead>
              <TableHead>Expires</TableHead>
              <TableHead>Status</TableHead>
              <TableHead>Created</TableHead>
              {canEdit && <TableHead className="sr-only">Actions</TableHead>}
            </TableRow>
          </TableHeader>
          <TableBody>
            {tokens.map((token) => (
              <TableRow key={token.id}>
                <TableCell className="font-mono text-[12.5px]">…{token.hint}</TableCell>
                <TableCell>{token.description || <span className="text-zinc-400">—</span>}</TableCell>
                <TableCell className="tabular-nums">
                  {token.useCount} used · {token.usesLeft === null ? "unlimited" : `${token.usesLeft} left`}
                </TableCell>
                <TableCell>{token.expiresAt ? <RelativeTime date={token.expiresAt} /> : "Never"}</TableCell>
                <TableCell>
                  <Badge variant={statuses[token.status].variant}>{statuses[token.status].label}</Badge>
                </TableCell>
                <TableCell className="text-zinc-600 dark:text-zinc-400">
                  <RelativeTime date={token.createdAt} /> <span className="font-mono text-xs">by {token.createdBy}</span>
                </TableCell>
                {canEdit && (
                  <TableCell className="text-right">
                    {token.status === "active" && (
                      <Button variant="ghost" size="sm" className="text-red-700 dark:text-red-400" onClick={() => setRevoking(token)} aria-label={`Revoke the token ending in ${token.hint}`}>
                        Revoke
                      </Button>
                    )}
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Dialog open={revoking !== null} onOpenChange={(open) => !open && setRevoking(null)}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>Revoke the token ending in {revoking?.hint}?</DialogTitle>
            <DialogDescription>It stops working at once: registrations that present it are refused. Clients already registered with it stay.</DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <Button variant="secondary" onClick={() => setRevoking(null)}>
              Cancel
            </Button>
            <Button variant="danger" loading={pending} onClick={() => revoking && revoke(revoking)}>
              Revoke token
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </Card>
  );
}

function CreateTokenButton({ onCreated }: { onCreated: () => void }) {
  const [open, setOpen] = useState(false);
  const [token, setToken] = useState<string | null>(null);
  const form = useForm<z.input<typeof NewInitialAccessTokenSchema>, unknown, NewInitialAccessToken>({
    resolver: lazyZodResolver(async () => (await import("@/lib/registration/policy")).NewInitialAccessTokenSchema),
    defaultValues: { description: "", expiresInDays: 30, uses: 1 },
  });
  const { errors, isSubmitting } = form.formState;

  async function create(values: NewInitialAccessToken) {
    const result = await createServiceInitialAccessToken(values);
    if (!result?.data) return void toast.error(result?.serverError ?? "The token could not be created.");
    setToken(result.data.token);
    onCreated();
  }

  function close() {
    setOpen(false);
    setToken(null);
    form.reset();
  }

  return (
    <>
      <Button size="sm" onClick={() => setOpen(true)}>
        <Plus aria-hidden />
        Create token
      </Button>
      <Dialog open={open} onOpenChange={(next) => (next ? setOpen(true) : close())}>
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
            <form noValidate onSubmit={form.handleSubmit(create)} className="grid gap-4">
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
    </>
  );
}
