"use client";

import { Plus } from "lucide-react";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { onDemand, useOpenedOnce } from "@/components/ui/on-demand";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ApiKeySummary } from "@/lib/registration/api-keys";
import type { EnvironmentApiKey } from "@/lib/services/queries";

// A service's API keys: how authorization servers authenticate to its Authlete-compatible API. Created here
// (the value shown once), listed by their last characters, revoked at once. The default service may also have
// the key REGISTRAR_API_KEY sets, which the environment manages.

// The dialogs (api-key-dialogs.tsx) load the first time one of them opens, not with the page.
const CreateApiKeyDialog = onDemand(() => import("./api-key-dialogs").then((m) => m.CreateApiKeyDialog));
const RevokeApiKeyDialog = onDemand(() => import("./api-key-dialogs").then((m) => m.RevokeApiKeyDialog));

export function ApiKeys({
  serviceId,
  keys,
  environmentKey,
  apiBase,
  canEdit,
}: {
  serviceId: string;
  keys: ApiKeySummary[];
  /** The default service's: whether REGISTRAR_API_KEY sets a key; null for other services. */
  environmentKey: EnvironmentApiKey | null;
  /** The service's Authlete-compatible API base URL, which the keys open. */
  apiBase: string;
  canEdit: boolean;
}) {
  const [revoking, setRevoking] = useState<ApiKeySummary | null>(null);
  const revokeOpened = useOpenedOnce(revoking !== null);
  const empty = keys.length === 0 && environmentKey === null;

  return (
    <Card aria-labelledby="api-keys-title">
      <CardHeader>
        <div className="min-w-0">
          <CardTitle id="api-keys-title">API keys</CardTitle>
          <p className="mt-0.5 text-[13px] text-zinc-500 dark:text-zinc-400">
            An authorization server sends one as <span className="font-mono">Authorization: Bearer …</span> to <span className="font-mono [overflow-wrap:anywhere]">{apiBase}</span>.
          </p>
        </div>
        {canEdit && <CreateApiKeyButton serviceId={serviceId} apiBase={apiBase} />}
      </CardHeader>
      {empty ? (
        <p className="px-4 py-8 text-center text-sm text-zinc-500 dark:text-zinc-400">No API keys yet: the Authlete-compatible API of this service refuses every call.</p>
      ) : (
        <Table aria-label="API keys">
          <TableHeader>
            <TableRow>
              <TableHead>Name</TableHead>
              <TableHead>Key</TableHead>
              <TableHead>Created by</TableHead>
              <TableHead>Created</TableHead>
              <TableHead>Last used</TableHead>
              <TableHead>Status</TableHead>
              {canEdit && <TableHead className="sr-only">Actions</TableHead>}
            </TableRow>
          </TableHeader>
          <TableBody>
            {environmentKey && (
              <TableRow>
                <TableCell>
                  <span className="font-medium text-zinc-900 dark:text-zinc-100">Environment key</span>
                  <span className="block font-mono text-xs text-zinc-500 dark:text-zinc-400">REGISTRAR_API_KEY</span>
                </TableCell>
                <TableCell colSpan={4} className="text-[13px] text-zinc-600 dark:text-zinc-400">
                  {environmentKey.set
                    ? "Managed by the environment: change or remove it there and restart Registrar. It cannot be revoked here."
                    : "Not set. Set REGISTRAR_API_KEY to give this service a key managed by the environment, or create one here."}
                </TableCell>
                <TableCell>{environmentKey.set ? <Badge variant="accent">Set</Badge> : <Badge variant="neutral">Not set</Badge>}</TableCell>
                {canEdit && <TableCell />}
              </TableRow>
            )}
            {keys.map((key) => (
              <TableRow key={key.id}>
                <TableCell className="max-w-64 font-medium [overflow-wrap:anywhere] text-zinc-900 dark:text-zinc-100">{key.name}</TableCell>
                <TableCell className="font-mono text-[12.5px]">…{key.hint}</TableCell>
                <TableCell className="max-w-56 font-mono text-xs [overflow-wrap:anywhere] text-zinc-600 dark:text-zinc-400">{key.createdBy}</TableCell>
                <TableCell className="text-zinc-600 dark:text-zinc-400">
                  <RelativeTime date={key.createdAt} />
                </TableCell>
                <TableCell className="text-zinc-600 dark:text-zinc-400">{key.lastUsedAt ? <RelativeTime date={key.lastUsedAt} /> : "Never"}</TableCell>
                <TableCell>
                  {key.revokedAt ? (
                    <Badge variant="danger">
                      Revoked <RelativeTime date={key.revokedAt} className="font-normal" />
                    </Badge>
                  ) : (
                    <Badge variant="success">Active</Badge>
                  )}
                </TableCell>
                {canEdit && (
                  <TableCell className="text-right">
                    {!key.revokedAt && (
                      <Button variant="ghost" size="sm" className="text-red-700 dark:text-red-400" onClick={() => setRevoking(key)} aria-label={`Revoke the API key ${key.name}`}>
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
      {!empty && keys.length === 0 && <p className="border-t border-zinc-200 px-4 py-3 text-[13px] text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">No keys created in the console yet.</p>}
      {revokeOpened && <RevokeApiKeyDialog serviceId={serviceId} apiKey={revoking} onClose={() => setRevoking(null)} />}
    </Card>
  );
}

function CreateApiKeyButton({ serviceId, apiBase }: { serviceId: string; apiBase: string }) {
  const [open, setOpen] = useState(false);
  const opened = useOpenedOnce(open);
  return (
    <>
      <Button size="sm" onClick={() => setOpen(true)}>
        <Plus aria-hidden />
        Create API key
      </Button>
      {opened && <CreateApiKeyDialog serviceId={serviceId} apiBase={apiBase} open={open} onOpenChange={setOpen} />}
    </>
  );
}
