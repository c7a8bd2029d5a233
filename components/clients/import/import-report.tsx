"use client";

import { useMemo, useState } from "react";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/cn";
import type { ImportEntry, ImportOutcome, ImportReport } from "@/lib/migration/import";

const formatCount = (n: number) => n.toLocaleString("en");

/** Each outcome in words: what the dry run says will happen, and what the import did. */
export const outcomes: Record<ImportOutcome, { planned: string; applied: string; variant: BadgeVariant; tile: string }> = {
  create: { planned: "Create", applied: "Created", variant: "success", tile: "text-emerald-700 dark:text-emerald-300" },
  update: { planned: "Change", applied: "Changed", variant: "accent", tile: "text-accent-700 dark:text-accent-300" },
  unchanged: { planned: "Unchanged", applied: "Unchanged", variant: "neutral", tile: "text-zinc-700 dark:text-zinc-300" },
  refuse: { planned: "Refused", applied: "Refused", variant: "danger", tile: "text-red-700 dark:text-red-300" },
};
const outcomeOrder: ImportOutcome[] = ["create", "update", "unchanged", "refuse"];

/** Rows shown at a time: a report of 100,000 clients is paged, not rendered whole. */
const rowsPerPage = 50;

/**
 * The per-client report of a dry run or an import: a count per outcome (each also a filter of the table), and a
 * table of line, client id, name, outcome, reasons and changed members, refused clients first-class and tinted.
 */
export function ImportReportView({ report }: { report: ImportReport }) {
  const [filter, setFilter] = useState<ImportOutcome | "all">(report.counts.refuse > 0 ? "refuse" : "all");
  const [page, setPage] = useState(0);
  const rows = useMemo(() => (filter === "all" ? report.entries : report.entries.filter((e) => e.outcome === filter)), [report, filter]);
  const pages = Math.max(1, Math.ceil(rows.length / rowsPerPage));
  const shown = rows.slice(page * rowsPerPage, (page + 1) * rowsPerPage);
  const choose = (next: ImportOutcome | "all") => {
    setFilter(next);
    setPage(0);
  };
  const label = (o: ImportOutcome) => (report.applied ? outcomes[o].applied : outcomes[o].planned);

  return (
    <div className="grid gap-4">
      <div role="group" aria-label="Filter the report by outcome" className="grid grid-cols-2 gap-3 sm:grid-cols-5">
        <CountTile label="All" count={report.total} pressed={filter === "all"} onClick={() => choose("all")} />
        {outcomeOrder.map((o) => (
          <CountTile key={o} label={label(o)} count={report.counts[o]} pressed={filter === o} onClick={() => choose(o)} className={outcomes[o].tile} danger={o === "refuse" && report.counts[o] > 0} />
        ))}
      </div>
      <div className="overflow-hidden rounded-lg border border-zinc-200 dark:border-zinc-800">
        <Table aria-label="Clients in the file" aria-describedby="import-report-range">
          <TableHeader>
            <TableRow>
              <TableHead className="w-16 text-right">Line</TableHead>
              <TableHead>Client</TableHead>
              <TableHead className="w-28">Outcome</TableHead>
              <TableHead>Reasons and notes</TableHead>
              <TableHead>Changed members</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.map((entry) => (
              <EntryRow key={`${entry.line}:${entry.clientId}`} entry={entry} label={label(entry.outcome)} />
            ))}
            {shown.length === 0 && (
              <TableRow>
                <TableCell colSpan={5} className="py-8 text-center text-zinc-500 dark:text-zinc-400">
                  No client in the file has this outcome.
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </div>
      <nav aria-label="Report pages" className="flex flex-wrap items-center justify-between gap-3 px-1 text-[13px] text-zinc-600 dark:text-zinc-400">
        <p id="import-report-range" aria-live="polite" className="tabular-nums">
          {rows.length > 0 ? `${formatCount(page * rowsPerPage + 1)}–${formatCount(page * rowsPerPage + shown.length)} of ${formatCount(rows.length)}` : "0 clients"}
        </p>
        {pages > 1 && (
          <div className="flex items-center gap-2">
            <Button variant="secondary" size="sm" disabled={page === 0} onClick={() => setPage(page - 1)}>
              Previous
            </Button>
            <span className="tabular-nums">
              Page {formatCount(page + 1)} of {formatCount(pages)}
            </span>
            <Button variant="secondary" size="sm" disabled={page >= pages - 1} onClick={() => setPage(page + 1)}>
              Next
            </Button>
          </div>
        )}
      </nav>
    </div>
  );
}

function CountTile({ label, count, pressed, onClick, className, danger }: { label: string; count: number; pressed: boolean; onClick: () => void; className?: string; danger?: boolean }) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      onClick={onClick}
      className={cn(
        "grid cursor-pointer gap-0.5 rounded-lg border bg-white px-3 py-2.5 text-left transition-colors hover:bg-zinc-50 dark:bg-zinc-900 dark:hover:bg-zinc-800/60",
        danger ? "border-red-200 dark:border-red-900/70" : "border-zinc-200 dark:border-zinc-800",
        pressed && "border-accent-500 ring-1 ring-accent-500 dark:border-accent-500",
      )}
    >
      <span className="text-xs font-medium text-zinc-600 dark:text-zinc-400">{label}</span>{" "}
      <span className={cn("text-xl font-semibold tabular-nums", className ?? "text-zinc-900 dark:text-zinc-100")}>{formatCount(count)}</span>
    </button>
  );
}

function EntryRow({ entry, label }: { entry: ImportEntry; label: string }) {
  const refused = entry.outcome === "refuse";
  return (
    <TableRow className={cn(refused && "bg-red-50/70 dark:bg-red-950/25")} data-outcome={entry.outcome}>
      <TableCell className="text-right font-mono text-[13px] text-zinc-600 tabular-nums dark:text-zinc-400">{entry.line}</TableCell>
      <TableCell className="max-w-72">
        <div className="grid min-w-0 gap-0.5">
          <span className="truncate font-medium text-zinc-900 dark:text-zinc-100">{entry.clientName ?? <span className="font-normal text-zinc-500 italic dark:text-zinc-400">No name</span>}</span>
          <span className="truncate font-mono text-xs text-zinc-500 dark:text-zinc-400">{entry.clientId ?? "no client id"}</span>
        </div>
      </TableCell>
      <TableCell>
        <Badge variant={outcomes[entry.outcome].variant}>{label}</Badge>
      </TableCell>
      <TableCell className={cn("max-w-md text-[13px]", refused ? "text-red-800 dark:text-red-200" : "text-zinc-600 dark:text-zinc-400")}>
        {entry.reasons.length || entry.notes.length ? (
          <ul className="grid gap-0.5">
            {entry.reasons.map((reason, i) => (
              <li key={`r${i}`} className="break-words">
                {reason}
              </li>
            ))}
            {/* What was left out without refusing the record: worth knowing, not a fault. */}
            {entry.notes.map((note, i) => (
              <li key={`n${i}`} className="break-words text-zinc-500 dark:text-zinc-400">
                <span className="font-medium">Note:</span> {note}
              </li>
            ))}
          </ul>
        ) : (
          <span className="text-zinc-400 dark:text-zinc-500">—</span>
        )}
      </TableCell>
      <TableCell className="max-w-64">
        {entry.changed.length ? (
          <span className="flex flex-wrap gap-1">
            {entry.changed.map((member) => (
              <code key={member} className="rounded bg-zinc-100 px-1 py-px font-mono text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
                {member}
              </code>
            ))}
          </span>
        ) : (
          <span className="text-zinc-400 dark:text-zinc-500">—</span>
        )}
      </TableCell>
    </TableRow>
  );
}
