import { diffLines } from "diff";
import { cn } from "@/lib/cn";
import { inCanonicalOrder } from "@/lib/registration/members";

// Two JSON documents side by side, line against line, changed lines tinted. No hooks: server and client
// pages both render it. Long unchanged stretches fold to a count so the changes stay in view.

type Line = { number: number; text: string; kind: "same" | "removed" | "added" };
type Row = { left?: Line; right?: Line } | { folded: number };

const CONTEXT = 3;

function documentText(value: unknown): string {
  if (value === undefined) return "";
  const ordered = typeof value === "object" && value !== null && !Array.isArray(value) ? inCanonicalOrder(value as Record<string, unknown>) : value;
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

const linesOf = (value: string) => value.replace(/\n$/, "").split("\n");

/** Pairs the lines of both sides; a removed block faces the added block that replaced it. */
export function sideBySide(before: string, after: string): Row[] {
  const rows: { left?: Line; right?: Line }[] = [];
  let l = 0;
  let r = 0;
  const parts = diffLines(before, after);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (!part.added && !part.removed) {
      for (const text of linesOf(part.value)) rows.push({ left: { number: ++l, text, kind: "same" }, right: { number: ++r, text, kind: "same" } });
    } else if (part.removed) {
      const removed = linesOf(part.value);
      const next = parts[i + 1];
      const added = next?.added ? linesOf(next.value) : [];
      if (next?.added) i++;
      for (let k = 0; k < Math.max(removed.length, added.length); k++)
        rows.push({
          ...(k < removed.length && { left: { number: ++l, text: removed[k]!, kind: "removed" as const } }),
          ...(k < added.length && { right: { number: ++r, text: added[k]!, kind: "added" as const } }),
        });
    } else {
      for (const text of linesOf(part.value)) rows.push({ right: { number: ++r, text, kind: "added" } });
    }
  }
  return fold(rows);
}

/** Keeps CONTEXT unchanged lines around each change and folds the rest. */
function fold(rows: { left?: Line; right?: Line }[]): Row[] {
  const changed = rows.map((row) => row.left?.kind !== "same" || row.right?.kind !== "same");
  const near = (i: number) => changed.slice(Math.max(0, i - CONTEXT), i + CONTEXT + 1).some(Boolean);
  const out: Row[] = [];
  let folded = 0;
  rows.forEach((row, i) => {
    if (near(i)) {
      if (folded) out.push({ folded });
      folded = 0;
      out.push(row);
    } else folded++;
  });
  if (folded) out.push({ folded });
  return out;
}

const tint = {
  same: "",
  removed: "bg-red-50 text-red-900 dark:bg-red-950/50 dark:text-red-200",
  added: "bg-emerald-50 text-emerald-900 dark:bg-emerald-950/50 dark:text-emerald-200",
} as const;

function Half({ line, side }: { line?: Line; side: "before" | "after" }) {
  const border = side === "after" ? "border-l border-zinc-200 dark:border-zinc-800" : "";
  if (!line)
    return (
      <>
        <td className={cn("bg-zinc-50 dark:bg-zinc-900/60", border)} />
        <td className="bg-zinc-50 dark:bg-zinc-900/60" />
      </>
    );
  return (
    <>
      <td className={cn("w-10 px-2 text-right align-top text-zinc-500 tabular-nums select-none dark:text-zinc-400", tint[line.kind], border)}>{line.number}</td>
      <td className={cn("px-2 align-top break-all whitespace-pre-wrap", tint[line.kind])}>
        {line.kind !== "same" && <span className="sr-only">{line.kind === "removed" ? "Removed line: " : "Added line: "}</span>}
        {line.text}
      </td>
    </>
  );
}

export function JsonDiff({ before, after }: { before: unknown; after: unknown }) {
  const rows = sideBySide(documentText(before), documentText(after));
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
      <table className="w-full min-w-[44rem] table-fixed border-collapse font-mono text-[12.5px] leading-5">
        <caption className="sr-only">The JSON before and after, side by side</caption>
        <colgroup>
          <col className="w-10" />
          <col />
          <col className="w-10" />
          <col />
        </colgroup>
        <thead>
          <tr className="border-b border-zinc-200 bg-zinc-50 font-sans text-xs text-zinc-500 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-400">
            <th scope="col" colSpan={2} className="px-3 py-2 text-left font-medium">
              Before
            </th>
            <th scope="col" colSpan={2} className="border-l border-zinc-200 px-3 py-2 text-left font-medium dark:border-zinc-800">
              After
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) =>
            "folded" in row ? (
              <tr key={i} className="bg-zinc-50 text-zinc-500 dark:bg-zinc-900/60 dark:text-zinc-400">
                <td colSpan={4} className="px-3 py-1 font-sans text-xs">
                  ⋯ {row.folded} unchanged {row.folded === 1 ? "line" : "lines"}
                </td>
              </tr>
            ) : (
              <tr key={i}>
                <Half line={row.left} side="before" />
                <Half line={row.right} side="after" />
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}
