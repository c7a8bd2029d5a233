"use client";

import { GitMerge } from "lucide-react";
import { ChangeTable } from "@/components/diff/change-table";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import type { Conflict } from "@/lib/registration/service";

const what: Record<string, string> = {
  updated: "updated the metadata",
  reverted: "reverted the metadata",
  token_reissued: "re-issued the registration access token",
  deleted: "deleted the client",
  created: "registered the client",
  imported: "imported the client from a file",
};

const count = (n: number) => n.toLocaleString("en");

const interfaceName: Record<string, string> = { console: "the console", rfc7592: "RFC 7592", rfc7591: "RFC 7591", authlete_api: "the Authlete-compatible API", cli: "the command line" };

/**
 * Who changed what since the edit started (the newest changes, newest first; the earlier ones are a link to the
 * client's history), and the two ways on: re-apply this edit on top, or start over.
 */
export function ConflictPanel({ conflict, historyHref, onReapply, onDiscard }: { conflict: Conflict; historyHref: string; onReapply: () => void; onDiscard: () => void }) {
  const oldestListed = conflict.since[0]?.version ?? conflict.currentVersion + 1;
  return (
    <section role="alert" aria-labelledby="conflict-title" className="grid gap-3 rounded-lg border border-amber-300 bg-amber-50 p-4 dark:border-amber-900/70 dark:bg-amber-950/30">
      <div className="grid gap-1">
        <h2 id="conflict-title" className="text-sm font-semibold text-amber-950 dark:text-amber-100">
          This client was changed while you were editing it
        </h2>
        <p className="text-[13px] text-amber-900 dark:text-amber-200">
          You started from version {conflict.baseVersion}; it is now at version {conflict.currentVersion}. Nothing was saved.
        </p>
      </div>
      <ol aria-label="Changes since your version" className="grid gap-3">
        {[...conflict.since].reverse().map((revision) => (
          <li key={revision.version} className="overflow-hidden rounded-md border border-amber-200 bg-white dark:border-amber-900/50 dark:bg-zinc-900">
            <p className="flex flex-wrap items-center gap-x-1.5 border-b border-amber-100 px-3 py-2 text-[13px] text-zinc-700 dark:border-amber-900/40 dark:text-zinc-300">
              <span className="font-semibold">Version {revision.version}:</span>
              <span className="font-mono text-[12.5px]">{revision.actor}</span>
              <span>
                {what[revision.kind] ?? revision.kind} through {interfaceName[revision.interface] ?? revision.interface},
              </span>
              <RelativeTime date={revision.at} />
            </p>
            {revision.changeSet.length > 0 && <ChangeTable changes={revision.changeSet} />}
          </li>
        ))}
      </ol>
      {conflict.earlier > 0 && (
        <p className="text-[13px] text-amber-900 dark:text-amber-200">
          …and {count(conflict.earlier)} earlier {conflict.earlier === 1 ? "change" : "changes"}
          {conflict.earlier === 1 ? ` (version ${count(oldestListed - 1)})` : ` (versions ${count(conflict.baseVersion + 1)}–${count(oldestListed - 1)})`}.{" "}
          <a href={historyHref} target="_blank" rel="noreferrer" className="font-medium text-amber-950 underline underline-offset-2 hover:no-underline dark:text-amber-100">
            See them in the client&apos;s history (opens in a new tab)
          </a>
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <Button onClick={onReapply}>
          <GitMerge aria-hidden />
          Re-apply my changes on version {conflict.currentVersion}
        </Button>
        <Button variant="secondary" onClick={onDiscard}>
          Discard my changes and load version {conflict.currentVersion}
        </Button>
      </div>
    </section>
  );
}
