import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

const token = /("(?:\\.|[^"\\])*")(\s*:)?|\b(true|false|null)\b|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g;

/** Highlights JSON text (member names, strings, literals, numbers) for reading; server-rendered, no script. */
function highlight(json: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  for (const match of json.matchAll(token)) {
    if (match.index > last) out.push(json.slice(last, match.index));
    const [text, string, colon, literal] = match;
    const look = string ? (colon ? "text-accent-700 dark:text-accent-300" : "text-emerald-700 dark:text-emerald-400") : literal ? "text-amber-700 dark:text-amber-400" : "text-sky-700 dark:text-sky-400";
    out.push(
      <span key={match.index} className={look}>
        {string ?? text}
      </span>,
    );
    if (colon) out.push(colon);
    last = match.index + text.length;
  }
  out.push(json.slice(last));
  return out;
}

/** A read-only JSON document in a monospace block that scrolls sideways rather than breaking lines. */
export function JsonView({ json, label, className }: { json: string; label: string; className?: string }) {
  return (
    <pre
      aria-label={label}
      tabIndex={0}
      className={cn("overflow-x-auto rounded-lg border border-zinc-200 bg-zinc-50 p-4 font-mono text-xs leading-5 text-zinc-800 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-200", className)}
    >
      <code>{highlight(json)}</code>
    </pre>
  );
}
