import { printParseErrorCode, visit } from "jsonc-parser";

// Reading a client file into records, each with the line it starts on: a JSON object with a
// `clients` array (Authlete's client list), a JSON array, NDJSON (one JSON value a line; empty lines skipped),
// or a single JSON object. A file that is none of these is an ImportFileError naming the line and column.

export type FileRecord = { line: number; value: unknown } | { line: number; error: string };
export type FileShape = "client-list" | "array" | "ndjson" | "object";

/** The file as a whole cannot be read (malformed JSON, an unknown shape): nothing is imported. */
export class ImportFileError extends Error {
  line?: number;
  column?: number;
  constructor(message: string, position?: { line?: number; column?: number }) {
    super(message);
    this.name = "ImportFileError";
    this.line = position?.line;
    this.column = position?.column;
  }
}

export function readRecords(text: string): { shape: FileShape; records: FileRecord[] } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === "") throw new ImportFileError("The file is empty: it holds no client");
  let whole: unknown;
  try {
    whole = JSON.parse(body);
  } catch {
    if (looksLikeNdjson(body)) return { shape: "ndjson", records: ndjsonRecords(body) };
    throw firstSyntaxError(body);
  }
  if (Array.isArray(whole)) return { shape: "array", records: withLines(body, whole, false) };
  if (whole !== null && typeof whole === "object") {
    const clients = (whole as Record<string, unknown>).clients;
    if (Array.isArray(clients)) return { shape: "client-list", records: withLines(body, clients, true) };
    if ("clients" in whole) throw new ImportFileError("clients must be an array of Authlete Client objects (Authlete's client list)");
    return { shape: "object", records: [{ line: 1 + leadingLines(body), value: whole }] };
  }
  throw new ImportFileError("A client file must hold a JSON object, a JSON array of objects, or one JSON object a line (NDJSON)");
}

/** Several lines, the first of which is a JSON value on its own: NDJSON (a bad line later is that record's error). */
function looksLikeNdjson(text: string): boolean {
  const first = text.split("\n").find((l) => l.trim() !== "");
  if (first === undefined) return false;
  try {
    JSON.parse(first);
    return true;
  } catch {
    return false;
  }
}

function ndjsonRecords(text: string): FileRecord[] {
  const records: FileRecord[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === "") continue;
    try {
      records.push({ line: i + 1, value: JSON.parse(line) });
    } catch (error) {
      records.push({ line: i + 1, error: `not valid JSON (${(error as Error).message})` });
    }
  }
  return records;
}

const leadingLines = (text: string) => (text.match(/^\s*/)![0].match(/\n/g) ?? []).length;

/** The line each element of the top-level array (or of the root object's `clients` array) starts on. */
function withLines(text: string, values: unknown[], inClients: boolean): FileRecord[] {
  const lines: number[] = [];
  // The open containers: "o" object, "a" array; `inRootClients` while the root object's member is `clients`.
  const stack: string[] = [];
  let rootProperty: string | undefined;
  const elementStarts = (startLine: number) => {
    const isElement = inClients ? stack.length === 2 && stack[0] === "o" && stack[1] === "a" && rootProperty === "clients" : stack.length === 1 && stack[0] === "a";
    if (isElement) lines.push(startLine + 1);
  };
  visit(text, {
    onObjectBegin: (_o, _l, startLine) => {
      elementStarts(startLine);
      stack.push("o");
    },
    onArrayBegin: (_o, _l, startLine) => {
      elementStarts(startLine);
      stack.push("a");
    },
    onObjectEnd: () => void stack.pop(),
    onArrayEnd: () => void stack.pop(),
    onLiteralValue: (_v, _o, _l, startLine) => elementStarts(startLine),
    onObjectProperty: (property) => {
      if (stack.length === 1) rootProperty = property;
    },
  });
  return values.map((value, i) => ({ line: lines[i] ?? 1, value }));
}

function firstSyntaxError(text: string): ImportFileError {
  let found: ImportFileError | undefined;
  visit(
    text,
    {
      onError: (code, _offset, _length, startLine, startCharacter) => {
        found ??= new ImportFileError(`The file is not valid JSON: ${printParseErrorCode(code)} at line ${startLine + 1}, column ${startCharacter + 1}`, {
          line: startLine + 1,
          column: startCharacter + 1,
        });
      },
    },
    { disallowComments: true, allowTrailingComma: false },
  );
  return found ?? new ImportFileError("The file is not valid JSON");
}
