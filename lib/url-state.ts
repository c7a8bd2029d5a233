// List pages keep their whole state in the URL's query (shareable, back-button friendly, server-rendered).
// These helpers read a page's searchParams or a URLSearchParams alike and write them back. Browser-safe.

export type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

/** One parameter's value (the first when repeated), trimmed; undefined when absent or empty. */
export function readParam(params: SearchParamsInput, name: string): string | undefined {
  const raw = params instanceof URLSearchParams ? params.get(name) : params[name];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  return value ? value : undefined;
}

/** A comma-separated list parameter, keeping only the allowed values, in their given order, once each. */
export function readListParam<T extends string>(params: SearchParamsInput, name: string, allowed: readonly T[]): T[] {
  const given = new Set(readParam(params, name)?.split(","));
  return allowed.filter((value) => given.has(value));
}

/** A positive whole number, or undefined. */
export function readPositiveInt(params: SearchParamsInput, name: string): number | undefined {
  const value = Number(readParam(params, name));
  return Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

/** `YYYY-MM-DD`, when it is a real date. */
export function readDateParam(params: SearchParamsInput, name: string): string | undefined {
  const value = readParam(params, name);
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? value : undefined;
}

/** `path?…` from entries whose value is set (empty strings, empty lists, undefined and defaults are left out). */
export function hrefWith(path: string, entries: Record<string, string | number | readonly string[] | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(entries)) {
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value)) {
      if (value.length) search.set(name, value.join(","));
    } else search.set(name, String(value));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

/** The instants that bound whole days `from`..`to` (`YYYY-MM-DD`, UTC, both included). */
export function dayRange(from: string | undefined, to: string | undefined): { from?: Date; to?: Date } {
  return {
    from: from ? new Date(`${from}T00:00:00Z`) : undefined,
    to: to ? new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000) : undefined,
  };
}

/** Where a keyset-paged list stands: after or before a row (a cursor), and the position of its first row. */
export type PagePosition = { after?: string; before?: string; start: number };

/** The page position in the URL (`after` wins over `before`; `start` counts only with a cursor). */
export function readPagePosition(params: SearchParamsInput): PagePosition {
  const after = readParam(params, "after");
  const before = after ? undefined : readParam(params, "before");
  return { after, before, start: after || before ? (readPositiveInt(params, "start") ?? 1) : 1 };
}

/** `query` with `changes`; any change but a turn of the page goes back to the first page. */
export function withChanges<T extends PagePosition>(query: T, changes: Partial<T>): T {
  const paging = "after" in changes || "before" in changes;
  return { ...query, ...(!paging && { after: undefined, before: undefined, start: 1 }), ...changes };
}

/** The URL entries of a page position, for hrefWith. */
export const pagePositionEntries = ({ after, before, start }: PagePosition) => ({ after, before: after ? undefined : before, start: after || before ? start : undefined });
