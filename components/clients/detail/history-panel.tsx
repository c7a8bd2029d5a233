import { ChevronLeft, ChevronRight, History, RotateCcw, X } from "lucide-react";
import Link from "next/link";
import { ChangeTable } from "@/components/diff/change-table";
import { JsonDiff } from "@/components/diff/json-diff";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { buttonClassName } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageLink } from "@/components/ui/pagination";
import { EmptyState } from "@/components/ui/empty-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { actorLabel, interfaceLabel } from "@/lib/clients/labels";
import { clientHistoryPath, clientPath } from "@/lib/console-paths";
import type { ConsoleRevision, RevisionPage } from "@/lib/clients/queries";
import { cn } from "@/lib/cn";
import { diffMetadata } from "@/lib/registration/diff";
import { ComparePicker } from "./compare-picker";

export const revisionKinds: Record<ConsoleRevision["kind"], { label: string; variant: BadgeVariant }> = {
  created: { label: "Created", variant: "success" },
  updated: { label: "Updated", variant: "accent" },
  reverted: { label: "Reverted", variant: "warning" },
  token_reissued: { label: "Token re-issued", variant: "neutral" },
  deleted: { label: "Deleted", variant: "danger" },
  imported: { label: "Imported", variant: "accent" },
};

/** `3..7` → [3, 7]: the two versions of a comparison in the URL. */
export function parseCompare(value: string | undefined): [number, number] | null {
  const match = value?.match(/^(\d{1,9})\.\.(\d{1,9})$/);
  return match ? [Number(match[1]), Number(match[2])] : null;
}

/** `before=N` in the URL: the page of revisions older than version N; undefined (the newest page) for anything else. */
export function parseHistoryBefore(value: string | undefined): number | undefined {
  return value && /^[1-9]\d{0,8}$/.test(value) ? Number(value) : undefined;
}

const formatVersion = (n: number) => n.toLocaleString("en");

function changeSummary(revision: ConsoleRevision): string {
  const n = revision.changeSet.length;
  if (revision.kind === "token_reissued") return "Metadata unchanged";
  if (revision.kind === "deleted") return "Client deleted";
  // An import's first revision registers the client; a later one changes it.
  if (revision.kind === "created" || (revision.kind === "imported" && revision.version === 1)) return `${n} ${n === 1 ? "field" : "fields"} set`;
  return n === 0 ? "No fields changed" : `${n} ${n === 1 ? "field" : "fields"} changed`;
}

/**
 * A page of the client's revisions, newest first, each with who changed what through which interface; any two
 * versions can be compared, and an earlier one restored through the edit page's review step ("Revert to this
 * version"). Versions run from 1 to the current one without gaps, so the page says which stretch it shows and
 * links to the pages of newer and older versions.
 */
export function HistoryPanel({
  serviceId,
  clientId,
  currentVersion,
  page,
  before,
  compare,
  compared,
  canRevert,
}: {
  serviceId: string;
  clientId: string;
  currentVersion: number;
  page: RevisionPage;
  /** The page's `before` (undefined: the newest page). */
  before: number | undefined;
  compare: [number, number] | null;
  /** The revisions of the compared versions that exist. */
  compared: Map<number, ConsoleRevision> | undefined;
  canRevert: boolean;
}) {
  const basePath = clientPath(serviceId, clientId);
  const { revisions } = page;
  const newest = revisions[0];
  const pair = compare && compared?.get(compare[0]) && compared.get(compare[1]) ? ([compared.get(compare[0])!, compared.get(compare[1])!] as const) : null;
  const missing = compare && !pair ? (compared?.has(compare[0]) ? compare[1] : compare[0]) : null;
  const newerBefore = before === undefined ? null : before + page.size > currentVersion ? undefined : before + page.size;
  const href = (to: { before?: number; compare?: readonly [number, number] | null }) => clientHistoryPath(serviceId, clientId, { before, compare: pair ? compare : null, ...to });

  if (!newest && before === undefined) return <EmptyState icon={History} title="No history" description="This client has no recorded revisions." />;

  return (
    <div className="grid gap-5">
      {currentVersion > 1 && (
        <ComparePicker
          serviceId={serviceId}
          clientId={clientId}
          before={before}
          latest={currentVersion}
          from={pair?.[0].version ?? currentVersion - 1}
          to={pair?.[1].version ?? currentVersion}
        />
      )}
      {missing !== null && <p className="text-[13px] text-red-600 dark:text-red-400">This client has no version {missing} to compare.</p>}
      {pair && <Comparison closeHref={href({ compare: null })} older={pair[0]} newer={pair[1]} />}

      {!newest ? (
        <EmptyState icon={History} title="No older versions" description={`This client has no versions before version ${formatVersion(before!)}.`}>
          <Link href={clientHistoryPath(serviceId, clientId)} className={buttonClassName({ variant: "secondary", size: "sm" })}>
            Go to the newest versions
          </Link>
        </EmptyState>
      ) : (
        <ol aria-label="Revisions" className="relative grid gap-0">
          {revisions.map((revision, i) => {
            const kind = revisionKinds[revision.kind];
            const current = revision.version === currentVersion;
            const revertable = canRevert && revision.version < currentVersion && revision.kind !== "deleted";
            return (
              <li key={revision.version} className="relative grid grid-cols-[2.25rem_minmax(0,1fr)] gap-3 pb-5 last:pb-0" aria-label={`Version ${revision.version}`}>
                {(i < revisions.length - 1 || page.olderBefore !== null) && <span aria-hidden className="absolute top-8 bottom-0 left-[1.06rem] w-px bg-zinc-200 dark:bg-zinc-800" />}
                <span
                  aria-hidden
                  className={cn(
                    "relative z-10 flex size-9 items-center justify-center rounded-full border bg-white font-semibold tabular-nums dark:bg-zinc-950",
                    revision.version < 1000 ? "text-xs" : "text-[10px] tracking-tighter",
                    current ? "border-accent-300 text-accent-700 dark:border-accent-700 dark:text-accent-300" : "border-zinc-200 text-zinc-600 dark:border-zinc-700 dark:text-zinc-400",
                  )}
                >
                  v{revision.version}
                </span>
                <div className="min-w-0 pt-1">
                  <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                    <h3 className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">Version {revision.version}</h3>
                    <Badge variant={kind.variant}>{kind.label}</Badge>
                    {current && <Badge variant="neutral">Current</Badge>}
                    <span className="text-[13px] text-zinc-600 dark:text-zinc-400">{changeSummary(revision)}</span>
                  </div>
                  <p className="mt-0.5 flex flex-wrap items-center gap-x-1.5 text-[13px] text-zinc-600 dark:text-zinc-400">
                    <span className="font-medium text-zinc-800 dark:text-zinc-200">{actorLabel(revision.actor)}</span>
                    <span>via {interfaceLabel(revision.interface)}</span>
                    <span aria-hidden>·</span>
                    <RelativeTime date={revision.createdAt} />
                  </p>
                  <div className="mt-1.5 flex flex-wrap items-center gap-x-4 gap-y-1 text-[13px]">
                    {revision.changeSet.length > 0 && (
                      <details className="group w-full" open={revision.changeSet.length <= 3 && revision.kind !== "created" && revision.kind !== "deleted"}>
                        <summary className="inline-flex cursor-pointer list-none items-center gap-1 font-medium text-zinc-700 hover:text-zinc-900 dark:text-zinc-300 dark:hover:text-zinc-100 [&::-webkit-details-marker]:hidden">
                          <ChevronRight className="size-3.5 transition-transform group-open:rotate-90" aria-hidden />
                          Changes
                        </summary>
                        <div className="mt-2 max-w-4xl">
                          <ChangeTable changes={revision.changeSet} />
                        </div>
                      </details>
                    )}
                    {revision.version > 1 && (
                      <Link href={href({ compare: [revision.version - 1, revision.version] })} scroll={false} className="text-accent-700 hover:underline dark:text-accent-400">
                        Compare with version {revision.version - 1}
                      </Link>
                    )}
                    {revertable && (
                      <Link href={`${basePath}/revert/${revision.version}`} className="inline-flex items-center gap-1 text-accent-700 hover:underline dark:text-accent-400">
                        <RotateCcw className="size-3.5" aria-hidden />
                        Revert to this version
                      </Link>
                    )}
                  </div>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {newest && (newerBefore !== null || page.olderBefore !== null) && (
        <nav aria-label="Revision pages" className="flex flex-wrap items-center justify-between gap-3 border-t border-zinc-200 pt-3 text-[13px] text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
          <p aria-live="polite" className="tabular-nums">
            Versions {formatVersion(newest.version)}–{formatVersion(revisions.at(-1)!.version)} of {formatVersion(currentVersion)}
          </p>
          <div className="flex items-center gap-2">
            <PageLink href={newerBefore === null ? null : href({ before: newerBefore })} rel="prev">
              <ChevronLeft aria-hidden />
              Newer versions
            </PageLink>
            <PageLink href={page.olderBefore === null ? null : href({ before: page.olderBefore })} rel="next">
              Older versions
              <ChevronRight aria-hidden />
            </PageLink>
          </div>
        </nav>
      )}
    </div>
  );
}

function Comparison({ closeHref, older, newer }: { closeHref: string; older: ConsoleRevision; newer: ConsoleRevision }) {
  const changes = diffMetadata(older.metadata, newer.metadata);
  return (
    <Card aria-label={`Comparison of version ${older.version} and version ${newer.version}`}>
      <CardHeader className="items-center">
        <CardTitle>
          Version {older.version} → version {newer.version}
          <span className="ml-2 font-normal text-zinc-500 dark:text-zinc-400">
            {changes.length === 0 ? "identical metadata" : `${changes.length} ${changes.length === 1 ? "field differs" : "fields differ"}`}
          </span>
        </CardTitle>
        <Link href={closeHref} scroll={false} className={buttonClassName({ variant: "ghost", size: "sm" })}>
          <X aria-hidden />
          Close
        </Link>
      </CardHeader>
      <CardContent className="grid gap-4">
        {changes.length > 0 && <ChangeTable changes={changes} />}
        <JsonDiff before={older.metadata} after={newer.metadata} />
      </CardContent>
    </Card>
  );
}
