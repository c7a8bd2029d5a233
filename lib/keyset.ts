// Keyset paging for the console's long tables: a page is fetched from a row's sort key (the cursor) onward,
// never by OFFSET, so page 20,000 costs what page 1 costs. Cursors are opaque base64url JSON arrays.

export type CursorValue = string | boolean;

export type KeysetPage<T> = {
  rows: T[];
  /** 1-based position of the first row. */
  start: number;
  /** Cursors for the links to the page before and after this one; null when there is none. */
  previousCursor: string | null;
  nextCursor: string | null;
};

export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

/** The cursor's values when `valid` accepts them; null for anything else (a stale or hand-edited URL starts from the top). */
export function decodeCursor(cursor: string | undefined, valid: (values: CursorValue[]) => boolean): CursorValue[] | null {
  if (!cursor) return null;
  try {
    const values = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (!Array.isArray(values) || !values.every((v) => typeof v === "string" || typeof v === "boolean")) return null;
    return valid(values) ? values : null;
  } catch {
    return null;
  }
}

/**
 * Reads one page: `fetch(direction, cursor, limit)` returns rows in display order when walking forward and
 * in reverse when walking backward (from `before`); one extra row tells whether more pages lie that way.
 */
export async function readKeysetPage<T extends { cursor: string }>(
  position: { after: CursorValue[] | null; before: CursorValue[] | null; start: number },
  fetch: (direction: "forward" | "backward", cursor: CursorValue[] | null, limit: number) => Promise<T[]>,
  size: number,
): Promise<KeysetPage<T>> {
  if (position.before) {
    const rows = await fetch("backward", position.before, size + 1);
    // Back at the top (rows before it were deleted, or the URL's start was off): show the first page whole.
    if (rows.length <= size) return readKeysetPage({ after: null, before: null, start: 1 }, fetch, size);
    const page = rows.slice(0, size).reverse();
    return { rows: page, start: Math.max(position.start, size + 1), previousCursor: page[0]!.cursor, nextCursor: page.at(-1)!.cursor };
  }
  const rows = await fetch("forward", position.after, size + 1);
  const page = rows.slice(0, size);
  return {
    rows: page,
    start: position.after ? position.start : 1,
    previousCursor: position.after && page.length ? page[0]!.cursor : null,
    nextCursor: rows.length > size ? page.at(-1)!.cursor : null,
  };
}
