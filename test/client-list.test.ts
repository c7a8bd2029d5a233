import { beforeAll, describe, expect, it } from "vitest";
import { db, pool } from "@/lib/db";
import { insertBulkClients } from "@/scripts/lib/bulk-clients";
import { clientFilterWhere, countClients, findClientsToJumpTo, kindSql, listClients, readClientList, type ClientListRow } from "@/lib/clients/list";
import { parseClientListQuery, type ClientListQuery } from "@/lib/clients/list-params";
import { forgetSearchSample } from "@/lib/clients/search-plan";
import { containsPattern } from "@/lib/like-pattern";
import { remove } from "@/lib/registration/service";
import { machineClient, nativeClient, webClient } from "./support/metadata";
import { administrator, registerClient } from "./support/registrations";
import { createTestService } from "./support/services";

// The clients list's query layer (lib/clients/list.ts) against the real PostgreSQL: what an administrator
// finds with each search, filter and sort, page after page, and that deleted clients never appear.

let serviceId: string;
const ids: Record<string, string> = {};
const day = 86_400_000;

/** The list's query as the page reads it from the URL. */
const query = (search = "", changes: Partial<ClientListQuery> = {}): ClientListQuery => ({ ...parseClientListQuery(new URLSearchParams(search)), ...changes });
const names = (rows: ClientListRow[]) => rows.map((r) => r.name);
const list = async (search = "", size?: number) => names((await listClients(serviceId, query(search), size)).rows);

beforeAll(async () => {
  serviceId = (await createTestService("list")).id;
  const clients = {
    alpha: webClient({ client_name: "Alpha Portal", contacts: ["owner@alpha.example"], redirect_uris: ["https://alpha.example/cb", "https://alpha.example/silent"] }),
    beta: nativeClient(["com.example.beta:/cb"], { client_name: "beta mobile", token_endpoint_auth_method: "none", grant_types: ["authorization_code", "refresh_token"] }),
    gamma: machineClient({ client_name: "Gamma Service", token_endpoint_auth_method: "client_secret_post" }),
    delta: { client_name: "Delta Device", grant_types: ["urn:ietf:params:oauth:grant-type:device_code", "refresh_token"], token_endpoint_auth_method: "none" },
    unnamed: webClient({ redirect_uris: ["https://unnamed.example/cb"] }),
    percent: webClient({ client_name: "Epsilon 100% Web", redirect_uris: ["https://epsilon.example/cb"] }),
    zeta: webClient({ client_name: "Zeta Deleted", redirect_uris: ["https://zeta.example/cb"] }),
  };
  for (const [key, document] of Object.entries(clients)) ids[key] = (await registerClient(serviceId, document)).clientId;
  await remove(serviceId, { clientId: ids.zeta!, administrator: true }, administrator);
  // Creation days far apart (alpha newest … delta oldest), and updates in the opposite order.
  const order = ["alpha", "beta", "percent", "unnamed", "gamma", "delta"];
  for (const [i, key] of order.entries()) {
    await db().client.update({ where: { clientId: ids[key]! }, data: { createdAt: new Date(Date.now() - (i * 10 + 1) * day), updatedAt: new Date(Date.now() - (order.length - i) * day) } });
  }
});

describe("[CLIENTS][LIST][QUERY] search, filters and sort", () => {
  it("lists the service's live clients newest first, without the deleted one", async () => {
    expect(await list()).toEqual(["Alpha Portal", "beta mobile", "Epsilon 100% Web", null, "Gamma Service", "Delta Device"]);
  });

  it("searches names in any case, client ids, redirect URIs and contacts", async () => {
    expect(await list("q=ALPHA")).toEqual(["Alpha Portal"]);
    expect(await list(`q=${ids.gamma}`)).toEqual(["Gamma Service"]);
    expect(await list("q=unnamed.example/cb")).toEqual([null]);
    expect(await list("q=owner@alpha")).toEqual(["Alpha Portal"]);
    expect(await list("q=nothing-like-this")).toEqual([]);
  });

  it("takes % and _ in a search literally", async () => {
    expect(await list("q=100%25")).toEqual(["Epsilon 100% Web"]);
    expect(await list("q=%25")).toEqual(["Epsilon 100% Web"]);
    expect(await list("q=a_p")).toEqual([]);
  });

  it("never finds a deleted client, by name or by id", async () => {
    expect(await list("q=zeta")).toEqual([]);
    expect(await list(`q=${ids.zeta}`)).toEqual([]);
    expect(await findClientsToJumpTo(serviceId, ids.zeta!)).toEqual([]);
  });

  it("filters by type: web, native, machine (no redirect-based grant), and any of several", async () => {
    expect(await list("type=web")).toEqual(["Alpha Portal", "Epsilon 100% Web", null]);
    expect(await list("type=native")).toEqual(["beta mobile"]);
    expect(await list("type=machine")).toEqual(["Gamma Service", "Delta Device"]);
    expect(await list("type=native,machine")).toEqual(["beta mobile", "Gamma Service", "Delta Device"]);
  });

  it("filters by auth method and by grant type (any of those chosen)", async () => {
    expect(await list("auth=none")).toEqual(["beta mobile", "Delta Device"]);
    expect(await list("auth=client_secret_post,client_secret_basic")).toEqual(["Alpha Portal", "Epsilon 100% Web", null, "Gamma Service"]);
    expect(await list("grant=refresh_token")).toEqual(["beta mobile", "Delta Device"]);
    expect(await list("grant=client_credentials,urn:ietf:params:oauth:grant-type:device_code")).toEqual(["Gamma Service", "Delta Device"]);
  });

  it("filters by creation date: a preset range, or days from and to (both included)", async () => {
    expect(await list("created=7d")).toEqual(["Alpha Portal"]);
    expect(await list("created=30d")).toEqual(["Alpha Portal", "beta mobile", "Epsilon 100% Web"]);
    const dayOf = (daysAgo: number) => new Date(Date.now() - daysAgo * day).toISOString().slice(0, 10);
    expect(await list(`from=${dayOf(31)}&to=${dayOf(21)}`)).toEqual(["Epsilon 100% Web", null]);
    expect(await list(`to=${dayOf(41)}`)).toEqual(["Gamma Service", "Delta Device"]);
  });

  it("combines search and filters", async () => {
    expect(await list("q=example&type=web&auth=client_secret_basic")).toEqual(["Alpha Portal", "Epsilon 100% Web", null]);
    expect(await list("q=alpha&type=native")).toEqual([]);
  });

  it("sorts by name A to Z with unnamed clients last, Z to A with them first, ignoring case", async () => {
    expect(await list("sort=name")).toEqual(["Alpha Portal", "beta mobile", "Delta Device", "Epsilon 100% Web", "Gamma Service", null]);
    expect(await list("sort=name&order=desc")).toEqual([null, "Gamma Service", "Epsilon 100% Web", "Delta Device", "beta mobile", "Alpha Portal"]);
  });

  it("sorts by creation and update time, either way", async () => {
    expect(await list("sort=created&order=asc")).toEqual(["Delta Device", "Gamma Service", null, "Epsilon 100% Web", "beta mobile", "Alpha Portal"]);
    expect(await list("sort=updated")).toEqual(["Delta Device", "Gamma Service", null, "Epsilon 100% Web", "beta mobile", "Alpha Portal"]);
    expect(await list("sort=updated&order=asc")).toEqual(["Alpha Portal", "beta mobile", "Epsilon 100% Web", null, "Gamma Service", "Delta Device"]);
  });

  it("describes each row: kind, first redirect URI and how many more, no deleted rows", async () => {
    const rows = (await listClients(serviceId, query("q=alpha"))).rows;
    expect(rows).toEqual([
      expect.objectContaining({ clientId: ids.alpha, kind: "web", tokenEndpointAuthMethod: "client_secret_basic", firstRedirectUri: "https://alpha.example/cb", redirectUriCount: 2 }),
    ]);
    expect((await listClients(serviceId, query("q=gamma"))).rows[0]).toMatchObject({ kind: "machine", firstRedirectUri: null, redirectUriCount: 0 });
  });
});

describe("[CLIENTS][LIST][EXPORT] the filters as a Prisma condition (the export of the current filter)", () => {
  it("selects the same clients as the list, for every search and filter", async () => {
    const searches = ["", "q=ALPHA", "q=100%25", "q=_", "type=web", "type=native", "type=machine", "type=web,machine", "auth=none", "auth=client_secret_post,none",
      "grant=refresh_token", "grant=urn:ietf:params:oauth:grant-type:device_code", "created=30d", "from=2000-01-01", "type=web&q=example"];
    for (const search of searches) {
      const listed = (await listClients(serviceId, query(search), 100)).rows.map((r) => r.clientId).sort();
      const selected = (await db().client.findMany({ where: clientFilterWhere(serviceId, query(search)), select: { clientId: true } })).map((c) => c.clientId).sort();
      expect(selected, search).toEqual(listed);
    }
  });
});

describe("[CLIENTS][LIST][QUERY] keyset pages", () => {
  /** Walks every page forward, then from the last back to the first, by the cursors the links carry. */
  async function walk(search: string, size: number) {
    const forward: (string | null)[][] = [];
    let page = await listClients(serviceId, query(search), size);
    forward.push(names(page.rows));
    const starts = [page.start];
    while (page.nextCursor) {
      page = await listClients(serviceId, query(search, { after: page.nextCursor, start: page.start + page.rows.length }), size);
      forward.push(names(page.rows));
      starts.push(page.start);
    }
    const backward = [names(page.rows)];
    while (page.previousCursor) {
      page = await listClients(serviceId, query(search, { before: page.previousCursor, start: Math.max(1, page.start - size) }), size);
      backward.unshift(names(page.rows));
    }
    return { forward, backward, starts };
  }

  it("walks forward and back through the same pages, each row once, with their positions", async () => {
    const { forward, backward, starts } = await walk("sort=name", 2);
    expect(forward).toEqual([["Alpha Portal", "beta mobile"], ["Delta Device", "Epsilon 100% Web"], ["Gamma Service", null]]);
    expect(backward).toEqual(forward);
    expect(starts).toEqual([1, 3, 5]);
  });

  it("keeps rows with equal sort keys apart (ties broken by row id), in every sort", async () => {
    const same = new Date(Date.now() - 3 * day);
    await db().client.updateMany({ where: { serviceId }, data: { createdAt: same, updatedAt: same } });
    for (const search of ["", "sort=created&order=asc", "sort=updated"]) {
      const { forward, backward } = await walk(search, 2);
      const seen = forward.flat();
      expect(seen).toHaveLength(6);
      expect(new Set(seen).size).toBe(6);
      expect(backward).toEqual(forward);
    }
  });

  it("says there is no previous page on the first, and no next page on the last", async () => {
    const first = await listClients(serviceId, query(), 4);
    expect(first.previousCursor).toBeNull();
    expect(first.nextCursor).not.toBeNull();
    const last = await listClients(serviceId, query("", { after: first.nextCursor!, start: 5 }), 4);
    expect(last.rows).toHaveLength(2);
    expect(last.nextCursor).toBeNull();
    expect(last.start).toBe(5);
  });

  it("starts from the top on a cursor it cannot read", async () => {
    const page = await listClients(serviceId, query("", { after: "not-a-cursor", start: 51 }), 2);
    expect(page.start).toBe(1);
    expect(page.previousCursor).toBeNull();
  });
});

describe("[CLIENTS][LIST][QUERY] counts", () => {
  it("counts exactly up to the cap", async () => {
    expect(await countClients(serviceId, query())).toEqual({ value: 6, exact: true });
    expect(await countClients(serviceId, query("type=machine"))).toEqual({ value: 2, exact: true });
    expect(await countClients(serviceId, query("q=zeta"))).toEqual({ value: 0, exact: true });
  });

  it("beyond the cap gives an estimate, never fewer than it counted", async () => {
    const count = await countClients(serviceId, query(), 3);
    expect(count.exact).toBe(false);
    expect(count.value).toBeGreaterThanOrEqual(4);
  });
});

describe("[CLIENTS][LIST][QUERY] a page with its count", () => {
  it("reads the same rows whether they are read in sort order or fetched by their filter and sorted", async () => {
    for (const search of ["grant=refresh_token&sort=name", "grant=refresh_token&sort=name&order=desc", "type=web&sort=created&order=asc", "q=example&sort=updated"]) {
      const inOrder = await listClients(serviceId, query(search), 2);
      const fetchedThenSorted = await listClients(serviceId, query(search), 2, { value: 3, exact: true });
      expect(names(fetchedThenSorted.rows)).toEqual(names(inOrder.rows));
      expect(fetchedThenSorted.nextCursor).toEqual(inOrder.nextCursor);
      if (inOrder.nextCursor) {
        const next = await listClients(serviceId, query(search, { after: inOrder.nextCursor, start: 3 }), 2, { value: 3, exact: true });
        expect(names(next.rows)).toEqual(names((await listClients(serviceId, query(search, { after: inOrder.nextCursor, start: 3 }), 2)).rows));
      }
    }
  });

  it("several types or auth methods: each value's own order, merged, is the whole order, page after page", async () => {
    for (const search of ["type=native,machine&sort=name", "type=web,machine&sort=name", "type=web,machine&sort=name&order=desc", "auth=none,client_secret_post&sort=name&order=desc", "type=web,native,machine&sort=created"]) {
      const all = await listClients(serviceId, query(search), 10, { value: 6, exact: true });
      const seen: string[] = [];
      let page = await listClients(serviceId, query(search), 2);
      for (;;) {
        seen.push(...page.rows.map((row) => row.clientId));
        if (!page.nextCursor) break;
        page = await listClients(serviceId, query(search, { after: page.nextCursor, start: seen.length + 1 }), 2);
      }
      expect(seen, search).toEqual(all.rows.map((row) => row.clientId));
      // And back from the last page.
      const back = await listClients(serviceId, query(search, { before: page.previousCursor ?? undefined, start: 1 }), 2);
      if (page.previousCursor) expect(back.rows.map((row) => row.clientId)).toEqual(seen.slice(-page.rows.length - 2, -page.rows.length));
    }
  });

  it("the type expression is the one the type index was built on, so a type's page is read from that index", async () => {
    const client = await pool().connect();
    try {
      await client.query("BEGIN");
      // Only the index can make the plan cheap: the test's table is too small for the planner to prefer it.
      await client.query("SET LOCAL enable_seqscan = off");
      await client.query("SET LOCAL enable_bitmapscan = off");
      const explained = await client.query(
        `EXPLAIN SELECT id FROM client WHERE service_id = $1 AND deleted_at IS NULL AND ${kindSql.sql} = 'native' ORDER BY (client_name IS NULL), coalesce(lower(client_name), ''), id LIMIT 26`,
        [serviceId],
      );
      const plan = explained.rows.map((row: { "QUERY PLAN": string }) => row["QUERY PLAN"]).join("\n");
      expect(plan).toContain("Index Scan using client_live_kind_name_idx");
      expect(plan).not.toContain("Sort");
    } finally {
      await client.query("ROLLBACK");
      client.release();
    }
  });

  it("the type in SQL is the console's type, whatever the application type and grants", async () => {
    const mixed = (await createTestService("kinds")).id;
    const documents = [
      nativeClient(["com.example.a:/cb"]),
      { application_type: "native", grant_types: ["client_credentials"], token_endpoint_auth_method: "client_secret_basic", client_name: "Native machine" },
      webClient({ grant_types: ["implicit"], response_types: ["token"], token_endpoint_auth_method: "none" }),
      { grant_types: ["client_credentials"], token_endpoint_auth_method: "client_secret_basic", client_name: "Web machine" },
      machineClient(),
    ];
    for (const document of documents) await registerClient(mixed, document);
    const everyone = (await listClients(mixed, query())).rows;
    expect(everyone).toHaveLength(documents.length);
    for (const kind of ["web", "native", "machine"] as const) {
      const typed = (await listClients(mixed, query(`type=${kind}&sort=name`))).rows.map((row) => row.clientId).sort();
      expect(typed, kind).toEqual(everyone.filter((row) => row.kind === kind).map((row) => row.clientId).sort());
    }
  });

  it("a type filter finds exactly the clients the console shows with that type", async () => {
    const everyone = (await listClients(serviceId, query())).rows;
    for (const kind of ["web", "native", "machine"] as const) {
      const typed = (await listClients(serviceId, query(`type=${kind}&sort=name`))).rows;
      expect(typed.map((row) => row.kind).every((k) => k === kind)).toBe(true);
      expect(typed.map((row) => row.clientId).sort()).toEqual(everyone.filter((row) => row.kind === kind).map((row) => row.clientId).sort());
    }
  });

  it("counts a grant filter first, reuses the total when nothing is filtered, and knows the total on the last page", async () => {
    const total = await countClients(serviceId, query());
    expect(await readClientList(serviceId, query("grant=urn:ietf:params:oauth:grant-type:device_code"), total)).toMatchObject({ count: { value: 1, exact: true } });
    // Unfiltered, the given total is the count; here the only page is the last, so its rows give the exact total.
    const unfiltered = await readClientList(serviceId, query(), { value: 123_456, exact: false });
    expect(unfiltered.count).toEqual({ value: 6, exact: true });
  });
});

describe("[CLIENTS][LIST][QUERY] a rare search term among thousands", () => {
  it("finds a match far down the list through the trigram index, and counts it exactly", async () => {
    const crowded = (await createTestService("crowded")).id;
    const needle = (await registerClient(crowded, webClient({ client_name: "Needle Finder" }))).clientId;
    await db().client.update({ where: { clientId: needle }, data: { createdAt: new Date(Date.now() - 2_000 * day) } });
    // More newer clients than a search looks through in sort order before it takes the index.
    await insertBulkClients(pool(), crowded, 4_100, () => {});
    const found = await readClientList(crowded, query("q=needle"), { value: 4_101, exact: true });
    expect(names(found.page.rows)).toEqual(["Needle Finder"]);
    expect(found.count).toEqual({ value: 1, exact: true });
    // A common term still fills its page, in order.
    const common = await readClientList(crowded, query("q=northwind&sort=name"), { value: 4_101, exact: true });
    expect(common.page.rows).toHaveLength(25);
    expect(names(common.page.rows)).toEqual([...names(common.page.rows)].sort((a, b) => a!.toLowerCase().localeCompare(b!.toLowerCase())));

    // A phrase is looked up in the index by a few of its parts, chosen on a sample of the clients, and then
    // checked whole: it finds exactly the clients the phrase itself matches, page after page, counted exactly.
    await registerClient(crowded, webClient({ client_name: "Contoso Orders-4 Café", redirect_uris: ["https://contoso-orders-4.example/cb"] }));
    await registerClient(crowded, webClient({ client_name: "Contoso 100%_Orders 4", redirect_uris: ["https://percent.example/cb"] }));
    forgetSearchSample();
    for (const phrase of ["contoso orders 4", "orders-4 caf", "s-4", "100%_orders 4", "orders 4", "tailspin sync 2", "ab"]) {
      const { rows } = await pool().query<{ client_name: string }>(
        `SELECT client_name FROM client WHERE service_id = $1 AND deleted_at IS NULL AND search_text LIKE $2 ORDER BY created_at DESC, id DESC`,
        [crowded, containsPattern(phrase)],
      );
      const first = await readClientList(crowded, query(`q=${encodeURIComponent(phrase)}`), { value: 4_103, exact: true });
      expect(names(first.page.rows), phrase).toEqual(rows.slice(0, 25).map((r) => r.client_name));
      if (first.count.exact) expect(first.count.value, phrase).toBe(rows.length);
      if (!first.page.nextCursor) continue;
      const second = await readClientList(crowded, query(`q=${encodeURIComponent(phrase)}&after=${first.page.nextCursor}`), { value: 4_103, exact: true });
      expect(names(second.page.rows), phrase).toEqual(rows.slice(25, 50).map((r) => r.client_name));
    }
  }, 120_000);
});

describe("[CLIENTS][PALETTE] jump to a client", () => {
  it("puts the client with exactly that id first, then matches A to Z", async () => {
    expect(await findClientsToJumpTo(serviceId, ids.beta!)).toEqual([{ clientId: ids.beta, name: "beta mobile" }]);
    expect((await findClientsToJumpTo(serviceId, "example")).map((h) => h.name)).toEqual(["Alpha Portal", "beta mobile", "Epsilon 100% Web", null]);
    expect(await findClientsToJumpTo(serviceId, "e", 2)).toHaveLength(2);
  });
});
