"use client";

import { useServiceId } from "@/components/console/use-service-id";
import { CircleCheck, FileUp, OctagonX, Upload } from "lucide-react";
import Link from "next/link";
import { useRef, useState, type DragEvent } from "react";
import { Button, buttonClassName } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Textarea } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { cn } from "@/lib/cn";
import { servicePath } from "@/lib/console-paths";
import { importFormats, maxImportBytes, type ImportEvent, type ImportFailure } from "@/lib/clients/migration-params";
import type { ImportFormat, ImportReport } from "@/lib/migration/import";
import { ImportReportView } from "./import-report";

const formatCount = (n: number) => n.toLocaleString("en");
const formatSize = (bytes: number) => {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  const mb = bytes / 1024 / 1024;
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
};

type Stage =
  | { step: "choose" }
  | { step: "checking" }
  | { step: "checked"; report: ImportReport }
  | { step: "applying"; report: ImportReport; done: number; total: number }
  | { step: "stopped"; report: ImportReport; done: number; total: number }
  | { step: "applied"; report: ImportReport };

/**
 * Importing clients (administrators only): choose a file or paste its text, check it (a dry run that writes
 * nothing and reports per client what would be created, changed, left or refused, and why), then import it
 * with a progress bar fed by the server batch by batch, which the Stop button ends between batches. Applying
 * is idempotent: the same file again reports every client unchanged.
 */
export function ImportClients() {
  const serviceId = useServiceId();
  const [source, setSource] = useState<"file" | "paste">("file");
  const [file, setFile] = useState<File | null>(null);
  const [pasted, setPasted] = useState("");
  const [format, setFormat] = useState<ImportFormat | "auto">("auto");
  const [stage, setStage] = useState<Stage>({ step: "choose" });
  const [failure, setFailure] = useState<ImportFailure | null>(null);
  const [dragging, setDragging] = useState(false);
  const running = useRef<AbortController | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const body: Blob | string | null = source === "file" ? file : pasted.trim() ? pasted : null;
  const busy = stage.step === "checking" || stage.step === "applying";
  const url = (step: "check" | "apply") => `/api${servicePath(serviceId, "/clients/import")}?step=${step}${format === "auto" ? "" : `&format=${format}`}`;

  /** A new file, text or format makes the last report stale: the next step is checking again. */
  function changed() {
    setFailure(null);
    if (!busy) setStage({ step: "choose" });
  }

  function chooseFile(chosen: File | undefined) {
    if (!chosen) return;
    setFile(chosen);
    changed();
    if (chosen.size > maxImportBytes)
      setFailure({ error: `${chosen.name} is ${formatSize(chosen.size)}; the largest file the console imports is ${formatSize(maxImportBytes)}. Split it and import the parts one after the other.` });
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    setSource("file");
    chooseFile(event.dataTransfer.files[0]);
  }

  async function check() {
    if (!body) return;
    setFailure(null);
    setStage({ step: "checking" });
    try {
      const response = await fetch(url("check"), { method: "POST", body, headers: { "Content-Type": "text/plain;charset=utf-8" } });
      const answer = (await response.json().catch(() => ({ error: `The check failed (HTTP ${response.status}).` }))) as ImportReport | ImportFailure;
      if (!response.ok || "error" in answer) {
        setFailure("error" in answer ? answer : { error: `The check failed (HTTP ${response.status}).` });
        setStage({ step: "choose" });
      } else setStage({ step: "checked", report: answer });
    } catch {
      setFailure({ error: "The console could not be reached. Check the connection and try again." });
      setStage({ step: "choose" });
    }
  }

  async function apply(plan: ImportReport) {
    if (!body) return;
    const controller = new AbortController();
    running.current = controller;
    setFailure(null);
    let progress = { done: 0, total: plan.total };
    setStage({ step: "applying", report: plan, ...progress });
    try {
      const response = await fetch(url("apply"), { method: "POST", body, headers: { "Content-Type": "text/plain;charset=utf-8" }, signal: controller.signal });
      if (!response.ok || !response.body) {
        const answer = (await response.json().catch(() => null)) as ImportFailure | null;
        setFailure(answer ?? { error: `The import failed (HTTP ${response.status}).` });
        setStage({ step: "checked", report: plan });
        return;
      }
      for await (const event of ndjsonEvents(response.body)) {
        if (event.type === "progress") {
          progress = { done: event.done, total: event.total };
          setStage({ step: "applying", report: plan, ...progress });
        } else if (event.type === "report") {
          setStage({ step: "applied", report: event.report });
          return;
        } else {
          setFailure(event);
          setStage({ step: "stopped", report: plan, ...progress });
          return;
        }
      }
      // The stream ended without a report: the server went away mid-import.
      setFailure({ error: "The import was interrupted. The clients written so far stay; import the file again to continue." });
      setStage({ step: "stopped", report: plan, ...progress });
    } catch {
      if (controller.signal.aborted) setStage({ step: "stopped", report: plan, ...progress });
      else {
        setFailure({ error: "The connection to the console was lost during the import. The clients written so far stay; import the file again to continue." });
        setStage({ step: "stopped", report: plan, ...progress });
      }
    } finally {
      running.current = null;
    }
  }

  const plan = stage.step === "checked" || stage.step === "applying" || stage.step === "stopped" ? stage.report : null;
  const toApply = plan ? plan.counts.create + plan.counts.update : 0;

  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle>1. The file</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4 py-4">
          <Tabs value={source} onValueChange={(value) => { setSource(value as "file" | "paste"); changed(); }}>
            <TabsList aria-label="Where the clients come from">
              <TabsTrigger value="file" disabled={busy}>Choose a file</TabsTrigger>
              <TabsTrigger value="paste" disabled={busy}>Paste text</TabsTrigger>
            </TabsList>
            <TabsContent value="file" className="pt-3">
              <div
                onDragOver={(event) => { event.preventDefault(); setDragging(true); }}
                onDragLeave={() => setDragging(false)}
                onDrop={onDrop}
                className={cn(
                  "flex flex-col items-center gap-3 rounded-lg border border-dashed px-6 py-8 text-center transition-colors",
                  dragging ? "border-accent-500 bg-accent-50/60 dark:bg-accent-950/30" : "border-zinc-300 dark:border-zinc-700",
                )}
              >
                <div className="flex size-10 items-center justify-center rounded-full bg-zinc-100 text-zinc-500 dark:bg-zinc-800 dark:text-zinc-400">
                  <FileUp className="size-5" aria-hidden />
                </div>
                {file ? (
                  <p className="text-sm">
                    <span className="font-medium text-zinc-900 dark:text-zinc-100">{file.name}</span>
                    <span className="text-zinc-500 dark:text-zinc-400"> · {formatSize(file.size)}</span>
                  </p>
                ) : (
                  <p className="text-sm text-zinc-600 dark:text-zinc-400">Drop a file here, or choose one.</p>
                )}
                <input
                  ref={fileInput}
                  id="import-file"
                  type="file"
                  accept=".json,.ndjson,.jsonl,application/json,application/x-ndjson,text/plain"
                  className="sr-only"
                  disabled={busy}
                  onChange={(event) => chooseFile(event.target.files?.[0])}
                />
                <Button variant="secondary" size="sm" disabled={busy} onClick={() => fileInput.current?.click()}>
                  <Upload aria-hidden />
                  {file ? "Choose another file" : "Choose a file"}
                </Button>
                <Label htmlFor="import-file" className="sr-only">Import file</Label>
                <p className="text-xs text-zinc-500 dark:text-zinc-400">
                  A JSON array or NDJSON of RFC 7591/7592 client information, or an Authlete client list (its <code>clients</code> array). Up to {formatSize(maxImportBytes)}.
                </p>
              </div>
            </TabsContent>
            <TabsContent value="paste" className="pt-3">
              <Label htmlFor="import-text">Clients</Label>
              <Textarea
                id="import-text"
                value={pasted}
                disabled={busy}
                spellCheck={false}
                onChange={(event) => { setPasted(event.target.value); changed(); }}
                placeholder={'{"client_id": "…", "client_name": "…", "redirect_uris": ["https://…"]}\n{"client_id": "…", …}'}
                className="mt-1.5 min-h-40 font-mono text-[13px]"
              />
            </TabsContent>
          </Tabs>
          <div className="flex flex-wrap items-end justify-between gap-3">
            <div className="grid gap-1.5">
              <Label htmlFor="import-format">Format</Label>
              <select
                id="import-format"
                value={format}
                disabled={busy}
                onChange={(event) => { setFormat(event.target.value as ImportFormat | "auto"); changed(); }}
                className="h-9 rounded-md border border-zinc-300 bg-white px-2.5 text-sm text-zinc-900 shadow-xs dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
              >
                <option value="auto">Detect from the file</option>
                {Object.entries(importFormats).map(([value, label]) => (
                  <option key={value} value={value}>{label}</option>
                ))}
              </select>
            </div>
            <Button onClick={check} disabled={!body || busy || (file !== null && source === "file" && file.size > maxImportBytes)} loading={stage.step === "checking"}>
              {stage.step === "checking" ? "Checking…" : "Check"}
            </Button>
          </div>
          {failure && (
            <Callout tone="danger" title={stage.step === "stopped" ? "The import stopped" : "The file cannot be imported"} role="alert">
              {failure.line !== undefined && !failure.error.includes(`line ${failure.line}`) && (
                <span className="font-medium">
                  Line {failure.line}
                  {failure.column !== undefined && `, column ${failure.column}`}:{" "}
                </span>
              )}
              {failure.error}
            </Callout>
          )}
        </CardContent>
      </Card>

      {stage.step !== "choose" && stage.step !== "checking" && (
        <Card>
          <CardHeader className="items-center">
            <div className="grid gap-0.5">
              <CardTitle>{stage.step === "applied" ? "3. Imported" : "2. What the import will do"}</CardTitle>
              <p className="text-[13px] text-zinc-600 dark:text-zinc-400">
                {importFormats[stage.report.format]} · {formatCount(stage.report.total)} {stage.report.total === 1 ? "client" : "clients"}
                {stage.step === "applied" ? "" : " · nothing has been written yet"}
              </p>
            </div>
            {stage.step === "checked" && (
              <Button onClick={() => apply(stage.report)} disabled={toApply === 0}>
                {toApply === 0 ? "Nothing to import" : `Import ${formatCount(toApply)} ${toApply === 1 ? "client" : "clients"}`}
              </Button>
            )}
            {stage.step === "stopped" && (
              <Button onClick={() => apply(stage.report)}>Continue the import</Button>
            )}
          </CardHeader>
          <CardContent className="grid gap-4 py-4">
            {(stage.step === "applying" || stage.step === "stopped") && (
              <ImportProgress done={stage.done} total={stage.total} stopped={stage.step === "stopped"} onStop={() => running.current?.abort()} />
            )}
            {stage.step === "applied" && (
              <>
                <ImportProgress done={stage.report.total} total={stage.report.total} finished />
                <AppliedSummary report={stage.report} />
              </>
            )}
            {stage.step === "checked" && plan && plan.counts.refuse > 0 && (
              <Callout tone="warning">
                {plan.counts.refuse === plan.total
                  ? "Every client in the file is refused: nothing can be imported. Fix the refused lines and check the file again."
                  : `${formatCount(plan.counts.refuse)} ${plan.counts.refuse === 1 ? "client is" : "clients are"} refused and will not be imported; the others can be. Fix the refused lines and import the file again later: clients already imported are then unchanged.`}
              </Callout>
            )}
            <ImportReportView key={`${stage.step === "applied" ? "applied" : "plan"}`} report={stage.report} />
          </CardContent>
        </Card>
      )}
    </div>
  );
}

function ImportProgress({ done, total, stopped = false, finished = false, onStop }: { done: number; total: number; stopped?: boolean; finished?: boolean; onStop?: () => void }) {
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
  const state = finished ? "Done:" : stopped ? "Stopped:" : "Importing…";
  return (
    <div className="grid gap-2 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
      <div className="flex items-center justify-between gap-3 text-sm">
        <span id="import-progress-label" className="font-medium text-zinc-900 dark:text-zinc-100">
          {state} {formatCount(done)} of {formatCount(total)} clients</span>
        {onStop && !stopped && (
          <Button variant="secondary" size="sm" onClick={onStop}>
            <OctagonX aria-hidden />
            Stop
          </Button>
        )}
      </div>
      <div
        role="progressbar"
        aria-labelledby="import-progress-label"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        className="h-2.5 overflow-hidden rounded-full bg-zinc-100 dark:bg-zinc-800"
      >
        <div className={cn("h-full rounded-full transition-[width] duration-300", stopped ? "bg-amber-500" : finished ? "bg-emerald-600" : "bg-accent-600")} style={{ width: `${percent}%` }} />
      </div>
      {stopped && (
        <p className="text-[13px] text-zinc-600 dark:text-zinc-400">
          The clients written before the stop stay. Continuing imports the file again: those are then unchanged, and the rest are written.
        </p>
      )}
    </div>
  );
}

function AppliedSummary({ report }: { report: ImportReport }) {
  const serviceId = useServiceId();
  const { create, update, unchanged, refuse } = report.counts;
  return (
    <Callout tone={refuse > 0 ? "warning" : "info"} title={refuse > 0 ? "Imported, with refusals" : "Import complete"} role="status">
      <span className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <span>
          {formatCount(create)} created, {formatCount(update)} changed, {formatCount(unchanged)} unchanged, {formatCount(refuse)} refused.
        </span>
        <Link href={servicePath(serviceId, "/clients")} className={buttonClassName({ variant: "secondary", size: "sm" })}>
          <CircleCheck aria-hidden />
          Go to the clients
        </Link>
      </span>
    </Callout>
  );
}

/** The lines of an NDJSON response body as ImportEvents, as they arrive. */
async function* ndjsonEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<ImportEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = "";
  for (;;) {
    const { done, value } = await reader.read();
    // Only the new text is searched for line ends: the report of a large import is one line of megabytes.
    let from = buffered.length;
    buffered += decoder.decode(value, { stream: !done });
    let newline: number;
    while ((newline = buffered.indexOf("\n", from)) >= 0) {
      const line = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      from = 0;
      if (line) yield JSON.parse(line) as ImportEvent;
    }
    if (done) break;
  }
  if (buffered.trim()) yield JSON.parse(buffered) as ImportEvent;
}
