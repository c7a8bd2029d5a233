import { Prisma } from "@/generated/prisma/client";
import { db, queryRow, queryRows } from "@/lib/db";
import { containsPattern } from "@/lib/like-pattern";
import { decodeCursor, encodeCursor, readKeysetPage, type CursorValue, type KeysetPage } from "@/lib/keyset";
import { grantTypesWithRedirect } from "@/lib/registration/vocabulary";
import { clientKind, type ClientKind } from "./kind";
import { searchPlan } from "./search-plan";
import { createdBounds, isFiltered, pageSize, type ClientFilters, type ClientListQuery, type ClientSort } from "./list-params";

// The clients list at a million clients: keyset pages over the partial indexes of migrations
// 20261127060000_client_list_indexes and 20261127200000_client_list_filter_indexes, trigram search on search_text, and counts that stay cheap (exact up to a
// cap, the planner's estimate beyond it). Deleted clients are never listed. Reads only.

const { sql, join, empty } = Prisma;

export type ClientListRow = {
  clientId: string;
  name: string | null;
  logoUri: string | null;
  kind: ClientKind;
  applicationType: string;
  tokenEndpointAuthMethod: string;
  grantTypes: string[];
  firstRedirectUri: string | null;
  redirectUriCount: number;
  createdAt: Date;
  updatedAt: Date;
  /** This row's position in the sort, for the keyset links of the page it ends or starts. */
  cursor: string;
};

export type ClientListPage = KeysetPage<ClientListRow>;

/** How a count was made: exactly, or from the planner's estimate once past the cap. */
export type ClientCount = { value: number; exact: boolean };

// Every sort key is NOT NULL so that row comparisons `(k1, k2, id) > (…)` hold for every row and stay index
// conditions; the name key puts unnamed clients last (A to Z) through its leading IS NULL flag.
const sortKeys: Record<ClientSort, { columns: Prisma.Sql[]; casts: Prisma.Sql[] }> = {
  created: { columns: [sql`created_at`], casts: [sql`timestamptz`] },
  updated: { columns: [sql`updated_at`], casts: [sql`timestamptz`] },
  name: { columns: [sql`(client_name IS NULL)`, sql`coalesce(lower(client_name), '')`], casts: [sql`boolean`, sql`text`] },
};

/** A cursor of the sort: its key values and a row id. */
const cursorOf = (sort: ClientSort) => (values: CursorValue[]) =>
  values.length === sortKeys[sort].columns.length + 1 &&
  /^[0-9a-f-]{36}$/i.test(String(values.at(-1))) &&
  (sort === "name" ? typeof values[0] === "boolean" : !Number.isNaN(Date.parse(String(values[0]))));

const searchCondition = (q: string) => sql`search_text LIKE ${containsPattern(q.toLowerCase())}`;

/**
 * The same condition for a read that takes the trigram index: the index is asked for the phrase's selective
 * keys only (search-plan.ts), and the phrase is checked on the rows it hands over.
 */
async function indexedSearchCondition(q: string): Promise<Prisma.Sql> {
  const phrase = q.toLowerCase();
  const { keys } = await searchPlan(phrase);
  if (!keys.length) return searchCondition(q);
  return sql`${join(keys.map((key) => sql`search_text LIKE ${containsPattern(key)}`), " AND ")} AND strpos(search_text, ${phrase}) > 0`;
}

/**
 * A client's type in SQL (clientKind in kind.ts is the same rule), spelt exactly as the type indexes of
 * migration 20261127200000_client_list_filter_indexes: an expression index serves only its own text.
 */
export const kindSql = Prisma.raw(
  `(CASE WHEN NOT (grant_types && '{${grantTypesWithRedirect.join(",")}}'::text[]) THEN 'machine' WHEN application_type = 'native' THEN 'native' ELSE 'web' END)`,
);

/** `column` is one of `values`: as an equality when there is one, which the indexes led by that column serve in order. */
const oneOf = (column: Prisma.Sql, values: readonly string[]) => (values.length === 1 ? sql`${column} = ${values[0]}` : sql`${column} = ANY(${values}::text[])`);

/** The WHERE clause of the filters: always one service's live clients. `search` replaces the plain search condition. */
function filterConditions(serviceId: string, f: ClientFilters, search?: Prisma.Sql): Prisma.Sql {
  const { from, to } = createdBounds(f);
  const conditions = [
    sql`service_id = ${serviceId}`,
    sql`deleted_at IS NULL`,
    f.q ? (search ?? searchCondition(f.q)) : empty,
    f.kinds.length ? oneOf(kindSql, f.kinds) : empty,
    f.authMethods.length ? oneOf(sql`token_endpoint_auth_method`, f.authMethods) : empty,
    f.grantTypes.length ? sql`grant_types && ${f.grantTypes}::text[]` : empty,
    from ? sql`created_at >= ${from}` : empty,
    to ? sql`created_at < ${to}` : empty,
  ].filter((c) => c !== empty);
  return join(conditions, " AND ");
}

/**
 * The same filters as a Prisma condition, for reads that walk every match rather than a page (the export of
 * "the clients of the current filter"). Kept beside filterConditions so that the two say the same thing: one
 * service's live clients, the search as a substring of search_text, the type as clientKind (kind.ts) decides it.
 */
export function clientFilterWhere(serviceId: string, f: ClientFilters): Prisma.ClientWhereInput {
  const { from, to } = createdBounds(f);
  const redirecting = { grantTypes: { hasSome: [...grantTypesWithRedirect] } };
  const kindWhere: Record<ClientKind, Prisma.ClientWhereInput> = {
    machine: { NOT: redirecting },
    native: { AND: [redirecting, { applicationType: "native" }] },
    web: { AND: [redirecting, { NOT: { applicationType: "native" } }] },
  };
  const and: Prisma.ClientWhereInput[] = [{ serviceId, deletedAt: null }];
  // Prisma's `contains` passes % and _ on to LIKE as wildcards: escaped here (PostgreSQL's LIKE escape is \), as containsPattern does.
  if (f.q) and.push({ searchText: { contains: containsPattern(f.q.toLowerCase()).slice(1, -1) } });
  if (f.kinds.length) and.push({ OR: f.kinds.map((kind) => kindWhere[kind]) });
  if (f.authMethods.length) and.push({ tokenEndpointAuthMethod: { in: f.authMethods } });
  if (f.grantTypes.length) and.push({ grantTypes: { hasSome: f.grantTypes } });
  if (from || to) and.push({ createdAt: { ...(from && { gte: from }), ...(to && { lt: to }) } });
  return { AND: and };
}

type Row = {
  id: string;
  client_id: string;
  client_name: string | null;
  logo_uri: string | null;
  application_type: string;
  token_endpoint_auth_method: string;
  grant_types: string[];
  first_redirect_uri: string | null;
  redirect_uri_count: number;
  created_at: Date;
  updated_at: Date;
  k0: Date | boolean;
  k1: string | null;
};

/**
 * One page of rows. Read in sort order by default (the sort's index, filtering as it goes). With `fewMatches`
 * (an exact count said the filters match only a few thousand rows) the matches are fetched by the filters' own
 * indexes first and then sorted: the planner cannot tell a grant type held by one client in a million from a
 * common one, and walking the sort's index for a rare one reads every row. A search term is the same puzzle
 * (the planner guesses 1 % for any pattern): its page is looked for among the next `searchWalkLimit` clients in
 * sort order, and only when they hold too few matches (or a sample of the clients says they will) is it fetched
 * by the trigram index and sorted (`reads.searchIndex` then says so).
 */
async function fetchPage(
  serviceId: string,
  query: ClientListQuery,
  direction: "forward" | "backward",
  cursor: CursorValue[] | null,
  limit: number,
  fewMatches: boolean,
  reads: PageReads,
): Promise<Row[]> {
  const { columns, casts } = sortKeys[query.sort];
  // Walking backward reads the reverse order from the cursor, then the page is flipped back.
  const ascending = (query.order === "asc") === (direction === "forward");
  const dir = ascending ? sql`ASC` : sql`DESC`;
  const keyset = cursor
    ? sql`(${join([...columns, sql`id`], ", ")}) ${ascending ? sql`>` : sql`<`} (${join(
        [...cursor.slice(0, -1).map((value, i) => sql`${value}::${casts[i]!}`), sql`${cursor.at(-1)}::uuid`],
        ", ",
      )})`
    : empty;
  const select = (conditions: Prisma.Sql, extra = empty) => sql`
    SELECT id, client_id, client_name, logo_uri, application_type, token_endpoint_auth_method, grant_types,
           redirect_uris[1] AS first_redirect_uri, cardinality(redirect_uris) AS redirect_uri_count, created_at, updated_at,
           ${columns[0]!} AS k0, ${columns[1] ?? sql`NULL::text`} AS k1 ${extra}
      FROM client
     WHERE ${keyset === empty ? conditions : sql`${conditions} AND ${keyset}`}`;
  const order = join([sql`k0 ${dir}`, sql`k1 ${dir}`, sql`id ${dir}`], ", ");
  // OFFSET 0 keeps the planner from pushing the ORDER BY … LIMIT into the subquery (an optimization fence).
  // `counted`: each row also carries how many rows match in all (read anyway, to sort them).
  const byFilterIndexes = async (counted = false) => {
    const conditions = filterConditions(serviceId, query, query.q ? await indexedSearchCondition(query.q) : undefined);
    return queryRows<Row & { matches: number }>(
      sql`SELECT *${counted ? sql`, count(*) OVER ()::int AS matches` : empty} FROM (${select(conditions)} OFFSET 0) AS matching ORDER BY ${order} LIMIT ${limit}`,
    );
  };
  if (fewMatches) return byFilterIndexes();
  if (!query.q) {
    const inOrder = (filters: ClientFilters) => sql`${select(filterConditions(serviceId, filters))} ORDER BY ${order} LIMIT ${limit}`;
    const parts = perValue(query);
    if (parts.length < 2) return queryRows<Row>(inOrder(query));
    return queryRows<Row>(sql`SELECT * FROM (${join(parts.map((part) => sql`(${inOrder(part)})`), " UNION ALL ")}) AS merged ORDER BY ${order} LIMIT ${limit}`);
  }
  const found = searchCondition(query.q);
  const walk = (rows: number) =>
    queryRows<Row>(sql`
      SELECT * FROM (${select(filterConditions(serviceId, { ...query, q: undefined }), sql`, ${found} AS found`)} ORDER BY ${order} LIMIT ${rows}) AS next
       WHERE found ORDER BY ${order} LIMIT ${limit}`);
  // A first look at the next searchProbe clients: a page's worth of matches, or too few to expect one
  // among the next searchWalkLimit (a client id, a rare name: the usual searches), decides at a quarter of the cost.
  // Between the two, the full walk reads those first clients again: a quarter more for a middling term, in
  // exchange for one query shape (the walk returns matches only, not where it stopped).
  // Skipped when the sample of clients says the phrase is too rare for the walk to find a page.
  const { share } = await searchPlan(query.q.toLowerCase());
  if (share === null || share * searchWalkLimit >= limit / 2) {
    let walked = await walk(searchProbe);
    if (walked.length < limit && walked.length * (searchWalkLimit / searchProbe) >= limit) walked = await walk(searchWalkLimit);
    if (walked.length === limit) return walked;
  }
  reads.searchIndex = true;
  if (cursor) return byFilterIndexes();
  const rows = await byFilterIndexes(true);
  reads.matches = rows[0]?.matches ?? 0;
  return rows;
}

/**
 * A name-sorted page filtered by several types (or else several auth methods), as one filter per value: each
 * value's clients are in name order in an index of their own (migration 20261127200000_client_list_filter_indexes),
 * so each value's page is read from where its clients start, and the pages are merged. Walking the name order
 * with the filter instead reads past every client of the other values first: hundreds of milliseconds at a
 * million clients when their names sort first. The created and updated orders walk their own index.
 */
function perValue(query: ClientListQuery): ClientListQuery[] {
  if (query.sort !== "name") return [query];
  if (query.kinds.length > 1) return query.kinds.map((kind) => ({ ...query, kinds: [kind] }));
  if (query.authMethods.length > 1 && !query.kinds.length) return query.authMethods.map((method) => ({ ...query, authMethods: [method] }));
  return [query];
}

/**
 * How a page was read: `searchIndex` when its search term's matches were few and fetched by the trigram index;
 * then, on a first page (no cursor), `matches` counts them all (every match was read to sort them anyway).
 */
type PageReads = { searchIndex: boolean; matches?: number };

/** How many clients, in sort order, a search looks through for its page before it takes the trigram index. */
const searchWalkLimit = 4_000;
/** How many it looks through first, to tell whether the rest of the walk can find a page. */
const searchProbe = 1_000;

function toListRow(row: Row, sort: ClientSort): ClientListRow {
  const key: CursorValue[] = sort === "name" ? [row.k0 as boolean, row.k1 ?? ""] : [(row.k0 as Date).toISOString()];
  return {
    clientId: row.client_id,
    name: row.client_name,
    logoUri: row.logo_uri,
    kind: clientKind(row.application_type, row.grant_types),
    applicationType: row.application_type,
    tokenEndpointAuthMethod: row.token_endpoint_auth_method,
    grantTypes: row.grant_types,
    firstRedirectUri: row.first_redirect_uri,
    redirectUriCount: row.redirect_uri_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    cursor: encodeCursor([...key, row.id]),
  };
}

/** Below this many matches a page is fetched by its filters' indexes, then sorted (see fetchPage). */
const fewMatchesLimit = 5_000;

/**
 * One page of the service's live clients, filtered and sorted as `query` says. `matches`, when known (the count
 * of the filters), chooses how the page is read.
 */
export async function listClients(serviceId: string, query: ClientListQuery, size = pageSize, matches?: ClientCount, reads: PageReads = { searchIndex: false }): Promise<ClientListPage> {
  const valid = cursorOf(query.sort);
  const fewMatches = Boolean(matches?.exact && matches.value <= fewMatchesLimit && isFiltered(query));
  return readKeysetPage(
    { after: decodeCursor(query.after, valid), before: decodeCursor(query.before, valid), start: query.start },
    async (direction, cursor, limit) => (await fetchPage(serviceId, query, direction, cursor, limit, fewMatches, reads)).map((row) => toListRow(row, query.sort)),
    size,
  );
}

export const exactCountCap = 10_000;

/**
 * A page of the list and how many clients match, read the cheapest way: unfiltered, the service's total is
 * the count. Filtered by grant type, counted first, because PostgreSQL guesses 0.5 % of rows for any array
 * element absent from its statistics sample (a grant held by one client in a million looks like 5,000) and
 * the count tells how to read the page. A search reads its page first: when that took the trigram index (see
 * fetchPage) its matches are few, and counted exactly rather than guessed (on a first page by the same read). Otherwise the page and the count
 * are read side by side. On the last page the total is known exactly, whatever the estimate said.
 */
export async function readClientList(serviceId: string, query: ClientListQuery, total: ClientCount | Promise<ClientCount>): Promise<{ page: ClientListPage; count: ClientCount }> {
  let page: ClientListPage;
  let count: ClientCount;
  if (!isFiltered(query)) [page, count] = await Promise.all([listClients(serviceId, query), total]);
  else if (query.grantTypes.length) {
    count = await countClients(serviceId, query);
    page = await listClients(serviceId, query, pageSize, count);
  } else if (query.q) {
    const reads: PageReads = { searchIndex: false };
    page = await listClients(serviceId, query, pageSize, undefined, reads);
    count = reads.matches !== undefined ? { value: reads.matches, exact: true } : await countClients(serviceId, query, exactCountCap, { estimate: !reads.searchIndex });
  } else [page, count] = await Promise.all([listClients(serviceId, query), countClients(serviceId, query)]);
  return { page, count: page.nextCursor ? count : { value: page.start + page.rows.length - 1, exact: true } };
}

/**
 * How many live clients match the filters: the planner's estimate when it is past `cap`, otherwise an exact
 * count of at most cap + 1 rows (and the estimate again if even that overflows). A page view never counts a
 * million rows, nor thousands of search matches (each a heap fetch: trigram matches must be rechecked).
 */
export async function countClients(serviceId: string, filters: ClientFilters, cap = exactCountCap, { estimate: estimateFirst = true } = {}): Promise<ClientCount> {
  const where = filterConditions(serviceId, filters);
  const { "QUERY PLAN": plan } = await queryRow<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }>(sql`EXPLAIN (FORMAT JSON) SELECT 1 FROM client WHERE ${where}`);
  const estimate = Math.round(plan[0].Plan["Plan Rows"]);
  if (estimateFirst && estimate > cap) return { value: estimate, exact: false };
  const counted = filters.q ? filterConditions(serviceId, filters, await indexedSearchCondition(filters.q)) : where;
  const { n } = await queryRow<{ n: number }>(sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM client WHERE ${counted} LIMIT ${cap + 1}) AS capped`);
  // Past the cap after all: the estimate, but never fewer than were just counted.
  return n <= cap ? { value: n, exact: true } : { value: Math.max(estimate, cap + 1), exact: false };
}

/** A client found by the command palette's search: its id and stored name. */
export type ClientSearchHit = { clientId: string; name: string | null };

/** The command palette's jump list: the client with exactly this id first, then names and other matches A to Z. */
export async function findClientsToJumpTo(serviceId: string, text: string, limit = 8): Promise<ClientSearchHit[]> {
  const exact = await db().client.findFirst({ where: { serviceId, clientId: text, deletedAt: null }, select: { clientId: true, clientName: true } });
  const page = await listClients(serviceId, { q: text, kinds: [], authMethods: [], grantTypes: [], sort: "name", order: "asc", start: 1 }, limit);
  const hits = [...(exact ? [{ clientId: exact.clientId, name: exact.clientName }] : []), ...page.rows.map((r) => ({ clientId: r.clientId, name: r.name }))];
  return hits.filter((hit, i) => hits.findIndex((h) => h.clientId === hit.clientId) === i).slice(0, limit);
}
