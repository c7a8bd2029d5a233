"use client";

import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { onDemand, useOpenedOnce } from "@/components/ui/on-demand";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { InitialAccessTokenStatus, InitialAccessTokenSummary } from "@/lib/settings/queries";

// Initial access tokens (RFC 7591 §3): created here (the token shown once), listed by their last characters,
// revoked at once. Used when the registration mode is "initial access token".

const statuses: Record<InitialAccessTokenStatus, { label: string; variant: BadgeVariant }> = {
  active: { label: "Active", variant: "success" },
  expired: { label: "Expired", variant: "neutral" },
  used_up: { label: "Used up", variant: "neutral" },
  revoked: { label: "Revoked", variant: "danger" },
};

// The dialogs (initial-access-token-dialogs.tsx) load the first time one of them opens, not with the page.
const RevokeTokenDialog = onDemand(() => import("./initial-access-token-dialogs").then((m) => m.RevokeTokenDialog));
const CreateTokenDialog = onDemand(() => import("./initial-access-token-dialogs").then((m) => m.CreateTokenDialog));

export function InitialAccessTokens({ tokens, canEdit, required }: { tokens: InitialAccessTokenSummary[]; canEdit: boolean; required: boolean }) {
  const router = useRouter();
  const [revoking, setRevoking] = useState<InitialAccessTokenSummary | null>(null);
  const revokeOpened = useOpenedOnce(revoking !== null);

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
            <TableRow>
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
      {revokeOpened && <RevokeTokenDialog token={revoking} onClose={() => setRevoking(null)} />}
    </Card>
  );
}

function CreateTokenButton({ onCreated }: { onCreated: () => void }) {
  const [open, setOpen] = useState(false);
  const opened = useOpenedOnce(open);
  return (
    <>
      <Button size="sm" onClick={() => setOpen(true)}>
        <Plus aria-hidden />
        Create token
      </Button>
      {opened && <CreateTokenDialog open={open} onOpenChange={setOpen} onCreated={onCreated} />}
    </>
  );
}
