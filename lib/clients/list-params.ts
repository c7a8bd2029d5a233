import { grantTypes, tokenEndpointAuthMethods, type TokenEndpointAuthMethod } from "@/lib/registration/vocabulary";
import { servicePath } from "@/lib/console-paths";
import { dayRange, hrefWith, pagePositionEntries, readDateParam, readListParam, readPagePosition, readParam, withChanges, type PagePosition, type SearchParamsInput } from "@/lib/url-state";
import { clientKinds, type ClientKind } from "./kind";

// The clients list's state as it stands in the URL (`/services/{serviceId}/clients?q=acme&type=web,native&sort=name&after=…`),
// read by the page on the server and written by the toolbar in the browser. Browser-safe.

export const clientSorts = ["created", "updated", "name"] as const;
export type ClientSort = (typeof clientSorts)[number];
export type SortOrder = "asc" | "desc";

/** Each sort's natural order: newest first, recently updated first, A to Z. */
export const defaultOrder: Record<ClientSort, SortOrder> = { created: "desc", updated: "desc", name: "asc" };

export const createdRanges = { "24h": "Last 24 hours", "7d": "Last 7 days", "30d": "Last 30 days", "90d": "Last 90 days", "1y": "Last 12 months" } as const;
export type CreatedRange = keyof typeof createdRanges;
const createdRangeDays: Record<CreatedRange, number> = { "24h": 1, "7d": 7, "30d": 30, "90d": 90, "1y": 365 };

export type ClientFilters = {
  /** Free text: name, client id, redirect URI or contact. */
  q?: string;
  kinds: ClientKind[];
  authMethods: TokenEndpointAuthMethod[];
  /** Clients with any of these grant types. */
  grantTypes: string[];
  /** A preset range, or `from`/`to` days (`YYYY-MM-DD`, inclusive). */
  created?: CreatedRange;
  createdFrom?: string;
  createdTo?: string;
};

export type ClientListQuery = ClientFilters & PagePosition & { sort: ClientSort; order: SortOrder };

export const pageSize = 25;
export const maxSearchLength = 200;

export function parseClientListQuery(params: SearchParamsInput): ClientListQuery {
  const sort = clientSorts.find((s) => s === readParam(params, "sort")) ?? "created";
  const order = readParam(params, "order");
  const created = readParam(params, "created");
  return {
    q: readParam(params, "q")?.slice(0, maxSearchLength),
    kinds: readListParam(params, "type", clientKinds),
    authMethods: readListParam(params, "auth", tokenEndpointAuthMethods),
    grantTypes: readListParam(params, "grant", grantTypes),
    created: created && Object.hasOwn(createdRanges, created) ? (created as CreatedRange) : undefined,
    createdFrom: readDateParam(params, "from"),
    createdTo: readDateParam(params, "to"),
    sort,
    order: order === "asc" || order === "desc" ? order : defaultOrder[sort],
    ...readPagePosition(params),
  };
}

/** Whether any filter or search narrows the list. */
export function isFiltered(f: ClientFilters): boolean {
  return Boolean(f.q || f.kinds.length || f.authMethods.length || f.grantTypes.length || f.created || f.createdFrom || f.createdTo);
}

/** The created-at bounds of the filters: a preset counts back from `now`; a `to` day is included whole. */
export function createdBounds(f: ClientFilters, now = Date.now()): { from?: Date; to?: Date } {
  if (f.created) return { from: new Date(now - createdRangeDays[f.created] * 86_400_000) };
  return dayRange(f.createdFrom, f.createdTo);
}

/** The list's URL for `query` with `changes` applied; changing anything but the page starts from the first page. */
export function clientListHref(serviceId: string, query: ClientListQuery, changes: Partial<ClientListQuery> = {}): string {
  const next = withChanges(query, changes);
  return hrefWith(servicePath(serviceId, "/clients"), {
    q: next.q,
    type: next.kinds,
    auth: next.authMethods,
    grant: next.grantTypes,
    created: next.created,
    from: next.created ? undefined : next.createdFrom,
    to: next.created ? undefined : next.createdTo,
    sort: next.sort === "created" ? undefined : next.sort,
    order: next.order === defaultOrder[next.sort] ? undefined : next.order,
    ...pagePositionEntries(next),
  });
}

/** The changes that clear the search and every filter (the sort stays). */
export const noFilters: ClientFilters = { q: undefined, kinds: [], authMethods: [], grantTypes: [], created: undefined, createdFrom: undefined, createdTo: undefined };

/** The same list with every filter and the search cleared (sort kept). */
export const clearedFilters = (serviceId: string, query: ClientListQuery): string => clientListHref(serviceId, query, noFilters);
