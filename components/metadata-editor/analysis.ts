import { parseTree, type Node, type ParseError, type ParseErrorCode } from "jsonc-parser";
import { validateClientMetadata, type ClientMetadata } from "@/lib/registration/metadata";
import type { ServicePolicy } from "@/lib/registration/policy";

// The metadata editor's diagnostics: JSON syntax errors, then the core's metadata issues, each placed on the
// source range its path points at. Pure and browser-safe; the editor, the problem list and tests share it.
// With the metadata rules (zod) it is the editor's largest part but CodeMirror: pages render with the
// analysis the server made of their starting text, and the browser loads this on demand (use-metadata-analysis.ts).

export type MetadataProblem = {
  /** Offsets in the text; `to` > `from`, so every problem has something to underline. */
  from: number;
  to: number;
  /** 1-based line of `from`. */
  line: number;
  message: string;
  source: "syntax" | "metadata";
  /** The member path of a metadata issue, e.g. ["redirect_uris", 1]. */
  path?: (string | number)[];
};

export type MetadataAnalysis = {
  problems: MetadataProblem[];
  /** The parsed text, when it is JSON. */
  document?: unknown;
  /** The normalized metadata (defaults applied), when the document passes every rule. */
  metadata?: ClientMetadata;
  /** Not analyzed yet (its code is still loading): no problems are known, `document` is the text's JSON if it parses. */
  pending?: true;
};

/** A text and its analysis: what a page's editor starts from, made on the server. */
export type AnalyzedText = { text: string; analysis: MetadataAnalysis };

const syntaxMessages: Partial<Record<number, string>> = {
  1: "Unexpected character",
  2: "Invalid number",
  3: "A member name in double quotes is expected",
  4: "A value is expected",
  5: "A colon (:) is expected after the member name",
  6: "A comma is expected between members or items",
  7: "A closing brace } is expected",
  8: "A closing bracket ] is expected",
  9: "Nothing may follow the closing brace",
  10: "Comments are not allowed in JSON",
  11: "The comment is not closed",
  12: "The string is not closed with a double quote",
  13: "The number is incomplete",
  14: "Invalid \\u escape",
  15: "Invalid escape sequence in a string",
  16: "Control characters must be escaped in a string",
};

const syntaxMessage = (code: ParseErrorCode) => syntaxMessages[code] ?? "Invalid JSON";

/** 1-based line number of an offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The member (or item) of `node` named by `key`: its value node and, for an object member, the member node. */
function childOf(node: Node, key: string | number): { value: Node; member?: Node } | null {
  if (node.type === "object" && typeof key === "string") {
    // The last member of that name wins, as in JSON.parse.
    const member = node.children?.findLast((m) => m.children?.[0]?.value === key);
    return member?.children?.[1] ? { value: member.children[1], member } : null;
  }
  if (node.type === "array" && typeof key === "number") {
    const value = node.children?.[key];
    return value ? { value } : null;
  }
  return null;
}

/**
 * The source range a metadata issue's path points at: a scalar's value; for an object or array, the member's
 * name (or its opening bracket), so that a squiggle stays on one line. A path that goes past what exists (a
 * missing member) points at the deepest part that exists.
 */
export function rangeOfPath(root: Node | undefined, path: readonly (string | number)[]): { from: number; to: number } {
  if (!root) return { from: 0, to: 0 };
  let node = root;
  let member: Node | undefined;
  for (const key of path) {
    const child = childOf(node, key);
    if (!child) break;
    node = child.value;
    member = child.member;
  }
  if (node.type === "object" || node.type === "array") {
    const name = member?.children?.[0];
    return name ? { from: name.offset, to: name.offset + name.length } : { from: node.offset, to: node.offset + 1 };
  }
  return { from: node.offset, to: node.offset + Math.max(node.length, 1) };
}

function problemAt(text: string, range: { from: number; to: number }, message: string, source: MetadataProblem["source"], path?: (string | number)[]): MetadataProblem {
  const from = Math.min(range.from, Math.max(text.length - 1, 0));
  const to = Math.min(Math.max(range.to, from + 1), Math.max(text.length, from + 1));
  return { from, to, line: lineAt(text, from), message, source, ...(path && { path }) };
}

/** Parses the editor's text and validates it with the service's policy; problems are in document order. */
export function analyzeMetadataText(text: string, policy: ServicePolicy): MetadataAnalysis {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length) {
    // The first error explains the rest, which usually follow from it.
    const [first] = errors;
    return { problems: [problemAt(text, { from: first!.offset, to: first!.offset + first!.length }, syntaxMessage(first!.error), "syntax")] };
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return { problems: [problemAt(text, { from: 0, to: 1 }, "Invalid JSON", "syntax")] };
  }
  const result = validateClientMetadata(document, policy);
  if (result.ok) return { problems: [], document, metadata: result.metadata };
  const problems = result.issues.map((issue) => problemAt(text, rangeOfPath(root, issue.path), issue.message, "metadata", issue.path));
  return { problems: problems.sort((a, b) => a.from - b.from), document };
}

/** `text` with its analysis, for a page to render its editor with. */
export const analyzedText = (text: string, policy: ServicePolicy): AnalyzedText => ({ text, analysis: analyzeMetadataText(text, policy) });
