import type { ReactNode } from "react";

// The metadata editor before CodeMirror has loaded: the same text, highlighted in the editor's colours
// (theme.ts), with line numbers, in the editor's metrics, so that the switch to CodeMirror cannot be seen. It is
// rendered on the server and weighs nothing; the editor fetches CodeMirror once the administrator turns to it.

const token = /("(?:[^"\\]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\b(true|false|null)\b|([{}[\],:])/g;

const colours = {
  property: "text-indigo-700 dark:text-indigo-300",
  string: "text-emerald-700 dark:text-emerald-300",
  number: "text-amber-700 dark:text-amber-300",
  literal: "text-fuchsia-700 dark:text-fuchsia-300",
  punctuation: "text-zinc-500 dark:text-zinc-400",
};

/** One line of JSON text as highlighted spans (the JSON need not be valid: what does not match stays plain). */
function HighlightedLine({ line }: { line: string }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const match of line.matchAll(token)) {
    if (match.index > at) parts.push(line.slice(at, match.index));
    const [text, string, colon, number, literal] = match;
    const kind = string !== undefined ? (colon !== undefined ? "property" : "string") : number !== undefined ? "number" : literal !== undefined ? "literal" : "punctuation";
    parts.push(
      <span key={match.index} className={colours[kind]}>
        {string ?? text}
      </span>,
    );
    if (colon !== undefined) parts.push(<span key={`${match.index}:`} className={colours.punctuation}>{colon}</span>);
    at = match.index + text.length;
  }
  if (at < line.length) parts.push(line.slice(at));
  return <>{parts}</>;
}

export type JsonPreviewProps = {
  text: string;
  labelledBy: string;
  describedBy: string;
  invalid: boolean;
};

/**
 * The text as CodeMirror will show it. It is focusable and announced as the editor it stands for: focusing it
 * loads CodeMirror, which takes the focus over.
 */
export function JsonPreview({ text, labelledBy, describedBy, invalid }: JsonPreviewProps) {
  const lines = text.split("\n");
  // CodeMirror's gutters: line numbers (at least two digits wide, 5px + 3px padding), folding and lint markers.
  const gutter = `calc(${Math.max(2, String(lines.length).length)}ch + 8px + 2.3em)`;
  return (
    <div
      role="textbox"
      aria-multiline="true"
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      aria-invalid={invalid}
      tabIndex={0}
      className="relative h-full cursor-text overflow-auto bg-white font-mono text-[13px] leading-[1.6] text-zinc-900 outline-none dark:bg-zinc-950 dark:text-zinc-100"
      data-testid="metadata-preview"
    >
      <div aria-hidden className="absolute inset-y-0 left-0 min-h-full border-r border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900" style={{ width: gutter }} />
      <div className="relative grid py-2" style={{ gridTemplateColumns: `${gutter} 1fr` }}>
        {lines.map((line, i) => (
          <div key={i} className="contents">
            <span aria-hidden className="pr-[calc(3px+2.3em)] text-right text-zinc-500 select-none dark:text-zinc-400">
              {i + 1}
            </span>
            <span className="min-w-0 pr-0.5 pl-1.5 break-words whitespace-pre-wrap">
              <HighlightedLine line={line} />
              {line === "" && "\u200b"}
            </span>
          </div>
        ))}
      </div>
    </div>
  );
}
