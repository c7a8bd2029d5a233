import { beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { pool, queryRow } from "@/lib/db";
import { getRevision, listRevisionPage, revertibleRevisionOfPage, revisionPageSize, revisionPageSql } from "@/lib/clients/queries";
import { conflictListLimit, reissueRegistrationAccessToken, update, type ClientInformation } from "@/lib/registration/service";
import { addSyntheticRevisions } from "@/scripts/lib/synthetic-revisions";
import { webClient } from "./support/metadata";
import { administrator, clientRow, expectFailure, expectOk, managing, registerClient, updateDocument } from "./support/registrations";
import { createTestService, type TestService } from "./support/services";

// The History tab and an edit's conflict read a bounded page of a client's revisions, so a client with
// 10,000 revisions opens as fast as one with 10. The revisions are written by PostgreSQL (generate_series) as
// console updates would write them (scripts/lib/synthetic-revisions.ts).

const many = 10_000;
let service: TestService;
let client: ClientInformation;

beforeAll(async () => {
  service = await createTestService("revision-paging");
  client = await registerClient(service.id, webClient({ client_name: "Busy client" }));
  expect(await addSyntheticRevisions(pool(), client.clientId, many - 1)).toBe(many);
});

const versions = (page: { revisions: { version: number }[] }) => page.revisions.map((r) => r.version);
const range = (from: number, to: number) => Array.from({ length: from - to + 1 }, (_, i) => from - i);

describe("[CLIENTS][HISTORY] a page of revisions", () => {
  it("the newest page holds the page size, newest first, and the cursor of the next older page", async () => {
    const page = await listRevisionPage(service.id, client.clientId);
    expect(page.revisions).toHaveLength(revisionPageSize);
    expect(versions(page)).toEqual(range(many, many - revisionPageSize + 1));
    expect(page.olderBefore).toBe(many - revisionPageSize + 1);
    expect(page.revisions[0]).toMatchObject({ kind: "updated", interface: "console", changeSet: [{ path: ["software_version"], before: `1.${many - 1}`, after: `1.${many}` }] });
    expect(page.revisions[0]!.metadata).toEqual((await clientRow(client.clientId)).metadata);

    const older = await listRevisionPage(service.id, client.clientId, { before: page.olderBefore! });
    expect(versions(older)).toEqual(range(many - revisionPageSize, many - 2 * revisionPageSize + 1));
    expect(older.olderBefore).toBe(many - 2 * revisionPageSize + 1);
  });

  it("following the cursors reads every version once, down to version 1, and the last page has no older cursor", async () => {
    const seen: number[] = [];
    let before: number | undefined;
    for (let pages = 0; pages <= many / revisionPageSize; pages++) {
      const page = await listRevisionPage(service.id, client.clientId, { before });
      seen.push(...versions(page));
      if (page.olderBefore === null) break;
      before = page.olderBefore;
    }
    expect(seen).toEqual(range(many, 1));
    const last = await listRevisionPage(service.id, client.clientId, { before: 51 });
    expect(versions(last)).toEqual(range(50, 1));
    expect(last.olderBefore).toBeNull();
    expect((await listRevisionPage(service.id, client.clientId, { before: 50 })).revisions).toHaveLength(49);
    expect((await listRevisionPage(service.id, client.clientId, { before: 1 })).revisions).toEqual([]);
    expect(await listRevisionPage(service.id, "no-such-client")).toMatchObject({ revisions: [], olderBefore: null });
  });

  it("reads the page's rows only, along the (client_ref, version) index, on the newest and the oldest page alike", async () => {
    for (const before of [undefined, 52]) {
      const explained = Prisma.sql`EXPLAIN (ANALYZE, FORMAT JSON) ${revisionPageSql(service.id, client.clientId, before, revisionPageSize + 1)}`;
      const { "QUERY PLAN": [plan] } = await queryRow<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(explained);
      const scans = nodes(plan.Plan).filter((node) => node["Relation Name"] === "client_revision");
      expect(scans.map((node) => node["Node Type"])).toEqual(["Index Scan"]);
      expect(scans[0]!["Index Name"]).toBe("client_revision_client_ref_version_key");
      expect(scans[0]!["Actual Rows"]).toBe(revisionPageSize + 1);
    }
  });

  it("the revert page finds any version, version 1 included", async () => {
    expect(await getRevision(service.id, client.clientId, 1)).toMatchObject({ version: 1, kind: "created" });
    expect(await revertibleRevisionOfPage(service.id, client.clientId, "1")).toMatchObject({ version: 1, kind: "created", metadata: expect.objectContaining({ client_name: "Busy client" }) });
    expect(await revertibleRevisionOfPage(service.id, client.clientId, "5000")).toMatchObject({ version: 5000, metadata: expect.objectContaining({ software_version: "1.5000" }) });
    expect(await revertibleRevisionOfPage(service.id, client.clientId, String(many + 1))).toBeNull();
  });
});

type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; "Actual Rows": number; Plans?: PlanNode[] };
const nodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodes)];

describe("[CLIENTS][EDIT] a conflict across thousands of changes", () => {
  /** An administrator's save of an edit that started from `expectedVersion`. */
  const staleEdit = (of: ClientInformation, expectedVersion: number, registrationAccessToken = of.registrationAccessToken) =>
    update(service.id, { ...managing({ clientId: of.clientId, registrationAccessToken }), document: updateDocument(of, { client_name: "My edit" }), expectedVersion }, administrator);

  it(`lists the newest ${conflictListLimit} changes, oldest first, and counts the earlier ones`, async () => {
    await service.setPolicy({});
    const { conflict } = expectFailure(await staleEdit(client, 1));
    expect(conflict).toMatchObject({ baseVersion: 1, currentVersion: many, earlier: many - 1 - conflictListLimit, registrationAccessTokenReplaced: true });
    expect(conflict!.since.map((r) => r.version)).toEqual(range(many, many - conflictListLimit + 1).reverse());
    expect(conflict!.since.at(-1)).toMatchObject({ kind: "updated", changeSet: [{ path: ["software_version"], after: `1.${many}` }] });
    // A few changes in between are all listed.
    expect(expectFailure(await staleEdit(client, many - 3)).conflict).toMatchObject({ earlier: 0, since: [{ version: many - 2 }, { version: many - 1 }, { version: many }] });
  });

  it("says the token changed when a re-issue lies among the changes it does not list, and not when none does", async () => {
    await service.setPolicy({ rotateRegistrationAccessTokenOnUpdate: false });
    try {
      const other = await registerClient(service.id, webClient({ client_name: "Re-issued once" }));
      const reissued = expectOk(await reissueRegistrationAccessToken(service.id, { clientId: other.clientId }, administrator));
      expect(reissued.version).toBe(2);
      await addSyntheticRevisions(pool(), other.clientId, 2_000);
      const token = reissued.registrationAccessToken;
      expect(expectFailure(await staleEdit(other, 1, token)).conflict).toMatchObject({ currentVersion: 2_002, earlier: 2_001 - conflictListLimit, registrationAccessTokenReplaced: true });
      expect(expectFailure(await staleEdit(other, 2, token)).conflict).toMatchObject({ currentVersion: 2_002, earlier: 2_000 - conflictListLimit, registrationAccessTokenReplaced: false });
      expect(expectFailure(await staleEdit(client, 1)).conflict).toMatchObject({ registrationAccessTokenReplaced: false });
    } finally {
      await service.setPolicy({});
    }
  });
});
