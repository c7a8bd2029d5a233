"use client";

import type { EditorView } from "@codemirror/view";
import { CircleAlert, CircleCheck, LoaderCircle, RotateCcw, WandSparkles } from "lucide-react";
import { useTheme } from "next-themes";
import { lazy, startTransition, Suspense, useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import type { MetadataAnalysis } from "./analysis";
import type { MetadataJsonSchema } from "./completion";
import { JsonPreview } from "./json-preview";
import { preloadMetadataAnalysis } from "./use-metadata-analysis";

// The JSON editor of a client's metadata (the register, edit and revert pages): CodeMirror loaded on demand, a
// toolbar (Format, Reset), the live count of changed fields and a list of problems, each a link to its place in
// the text. The page shows the text in a preview that looks like the editor (json-preview.tsx); CodeMirror and the
// live analysis are fetched when the administrator turns to the editor (pointer over it, focus in it, or a change
// from a helper or the toolbar) and take over in place, so the page itself loads and becomes responsive fast.

const CodeEditor = lazy(() => import("./code-editor"));

export type MetadataEditorProps = {
  id: string;
  label: string;
  hint?: ReactNode;
  value: string;
  onChange: (value: string) => void;
  analysis: MetadataAnalysis;
  jsonSchema: MetadataJsonSchema;
  /** Fields that differ from the starting point; null while the text is not valid JSON. */
  changedFields: number | null;
  resetLabel: string;
  onReset: () => void;
  /** Beside Format and Reset (e.g. a template picker). */
  toolbar?: ReactNode;
  className?: string;
};

export function MetadataEditor({ id, label, hint, value, onChange, analysis, jsonSchema, changedFields, resetLabel, onReset, toolbar, className }: MetadataEditorProps) {
  const view = useRef<EditorView | null>(null);
  const [firstValue] = useState(value);
  const [turnedTo, setTurnedTo] = useState(false);
  const editing = turnedTo || value !== firstValue;
  /** Where to go once CodeMirror is there: the focus (when the preview had it) or a problem's place. */
  const pending = useRef<{ focus?: boolean; select?: [number, number] }>({});
  function turnTo() {
    if (turnedTo) return;
    preloadMetadataAnalysis();
    // A transition: the preview stays (with the focus) until CodeMirror is ready to take over.
    startTransition(() => setTurnedTo(true));
  }
  const { resolvedTheme } = useTheme();
  const { problems } = analysis;
  const syntaxError = problems.some((p) => p.source === "syntax");
  const labelId = `${id}-label`;
  const hintId = `${id}-hint`;
  const problemsId = `${id}-problems`;
  const previewProps = { labelledBy: labelId, describedBy: [hint ? hintId : null, problemsId].filter(Boolean).join(" "), invalid: problems.length > 0 };

  function format() {
    if (analysis.document === undefined) return;
    onChange(`${JSON.stringify(analysis.document, null, 2)}\n`);
  }

  function goTo(from: number, to: number) {
    const editor = view.current;
    if (!editor) {
      pending.current = { select: [from, to] };
      return turnTo();
    }
    editor.dispatch({ selection: { anchor: from, head: to }, scrollIntoView: true });
    editor.focus();
  }

  return (
    <div className={cn("grid gap-2", className)}>
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div className="grid gap-0.5">
          <span id={labelId} className="text-sm font-medium text-zinc-800 dark:text-zinc-200">
            {label}
          </span>
          {hint && (
            <span id={hintId} className="text-[13px] text-zinc-500 dark:text-zinc-400">
              {hint}
            </span>
          )}
        </div>
        <div className="flex flex-wrap items-center gap-1.5">
          {toolbar}
          <Button variant="secondary" size="sm" onClick={format} disabled={syntaxError} title={syntaxError ? "Fix the JSON syntax first" : undefined}>
            <WandSparkles aria-hidden />
            Format
          </Button>
          <Button variant="secondary" size="sm" onClick={onReset}>
            <RotateCcw aria-hidden />
            {resetLabel}
          </Button>
        </div>
      </div>

      <div
        className={cn(
          "h-[max(26rem,calc(100dvh-24rem))] overflow-hidden rounded-lg border bg-white shadow-xs dark:bg-zinc-950",
          problems.length ? "border-red-300 dark:border-red-900" : "border-zinc-300 dark:border-zinc-700",
          "focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-accent-500",
        )}
        id={id}
        data-testid="metadata-editor"
        onPointerEnter={turnTo}
        onFocus={() => {
          if (!editing) pending.current = { focus: true };
          turnTo();
        }}
      >
        <Suspense fallback={<JsonPreview text={value} {...previewProps} />}>
          {editing ? (
            <CodeEditor
              value={value}
              onChange={onChange}
              problems={problems}
              jsonSchema={jsonSchema}
              dark={resolvedTheme === "dark"}
              {...previewProps}
              onView={(created) => {
                view.current = created;
                const { focus, select } = pending.current;
                pending.current = {};
                if (created && select) goTo(...select);
                else if (created && focus) created.focus();
              }}
            />
          ) : (
            <JsonPreview text={value} {...previewProps} />
          )}
        </Suspense>
      </div>

      <div className="flex flex-wrap items-center justify-between gap-2 text-[13px]">
        <p aria-live="polite" className="flex items-center gap-1.5 font-medium">
          {analysis.pending ? (
            <span className="flex items-center gap-1.5 text-zinc-600 dark:text-zinc-400">
              <LoaderCircle className="size-4 animate-spin" aria-hidden />
              Checking the metadata
            </span>
          ) : problems.length ? (
            <span className="flex items-center gap-1.5 text-red-700 dark:text-red-400">
              <CircleAlert className="size-4" aria-hidden />
              {problems.length === 1 ? "1 problem" : `${problems.length} problems`}
            </span>
          ) : (
            <span className="flex items-center gap-1.5 text-emerald-700 dark:text-emerald-400">
              <CircleCheck className="size-4" aria-hidden />
              Valid metadata
            </span>
          )}
        </p>
        <p aria-live="polite" className="text-zinc-600 tabular-nums dark:text-zinc-400" data-testid="changed-fields">
          {changedFields === null ? "" : changedFields === 0 ? "No fields changed" : changedFields === 1 ? "1 field changed" : `${changedFields} fields changed`}
        </p>
      </div>

      <div id={problemsId}>
        {problems.length > 0 && (
          <ul aria-label="Problems" className="grid gap-1 rounded-lg border border-red-200 bg-red-50/60 p-2 dark:border-red-900/70 dark:bg-red-950/30">
            {problems.map((problem, i) => (
              <li key={`${problem.from}-${i}`}>
                <a
                  href={`#${id}`}
                  onClick={(event) => {
                    event.preventDefault();
                    goTo(problem.from, problem.to);
                  }}
                  className="flex gap-2 rounded px-1.5 py-1 text-[13px] text-red-800 hover:bg-red-100 dark:text-red-300 dark:hover:bg-red-950"
                >
                  <span className="shrink-0 font-mono text-xs leading-5 text-red-700 tabular-nums dark:text-red-300">Line {problem.line}</span>
                  <span>{problem.message}</span>
                </a>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
