"use client";

import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { OneTimeNotice, OneTimeValue } from "./one-time-value";

/** A new registration access token, shown once (after a rotating save, or a re-issue). */
export function NewTokenDialog({ token, title, description, onDone }: { token: string | null; title: string; description: string; onDone: () => void }) {
  return (
    <Dialog open={token !== null} onOpenChange={(open) => !open && onDone()}>
      <DialogContent hideClose onInteractOutside={(event) => event.preventDefault()}>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        {token && <OneTimeValue label="Registration access token" value={token} />}
        <OneTimeNotice>This token is shown only once and cannot be shown again. The client software must be given it: its previous token no longer works.</OneTimeNotice>
        <DialogFooter>
          <Button onClick={onDone}>I have copied the token</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

export function RotatedTokenDialog({ token, onDone }: { token: string | null; onDone: () => void }) {
  return (
    <NewTokenDialog
      token={token}
      onDone={onDone}
      title="A new registration access token was issued"
      description="The service issues a new registration access token with every change (token rotation)."
    />
  );
}
