import { beforeAll, describe, expect, it } from "vitest";
import { parseAuditLogQuery, type AuditLogQuery } from "@/lib/audit-log/params";
import { listAuditEvents } from "@/lib/audit-log/query";
import { db } from "@/lib/db";
import { registerClient } from "./support/registrations";
import { createTestService } from "./support/services";

// The audit log's query layer (lib/audit-log/query.ts) against the real PostgreSQL: each filter, the join to
// the client named by an event, and keyset pages, newest first. The events sit in 2001 so that the date
// range keeps other test files' events (sign-ins belong to no service) out.

let serviceId: string;
let otherServiceId: string;
let clientId: string;
const in2001 = "from=2001-01-01&to=2001-12-31";
const query = (search: string, changes: Partial<AuditLogQuery> = {}): AuditLogQuery => ({ ...parseAuditLogQuery(new URLSearchParams(`${in2001}&${search}`)), ...changes });
const actions = async (search: string, size?: number) => (await listAuditEvents(serviceId, query(search), size)).rows.map((r) => `${r.action}/${r.outcome}`);

beforeAll(async () => {
  serviceId = (await createTestService("audit-log")).id;
  otherServiceId = (await createTestService("audit-log-other")).id;
  clientId = (await registerClient(serviceId)).clientId;
  const at = (day: number, minute = 0) => new Date(Date.UTC(2001, 5, day, 12, minute));
  await db().auditEvent.createMany({
    data: [
      { serviceId, actor: "admin:dana@example.com", action: "client.updated", clientId, outcome: "success", interface: "console", details: { version: 2 }, createdAt: at(1) },
      { serviceId, actor: `client:${clientId}`, action: "registration_token.check", clientId, outcome: "failure", interface: "rfc7592", ip: "203.0.113.9", details: { reason: "wrong_token" }, createdAt: at(2) },
      { serviceId, actor: "client:made-up-id", action: "registration_token.check", clientId: "made-up-id", outcome: "failure", interface: "rfc7592", createdAt: at(3) },
      { serviceId: null, actor: "dana@example.com", action: "administrator.sign_in", outcome: "success", interface: "console", createdAt: at(4) },
      { serviceId, actor: "anonymous", action: "credential_guessing.throttled", outcome: "denied", interface: "rfc7591", createdAt: at(5) },
      { serviceId: otherServiceId, actor: "admin:lee@example.com", action: "client.deleted", outcome: "success", createdAt: at(6) },
      // Three events in the same millisecond: the id breaks the tie.
      ...[0, 1, 2].map((n) => ({ serviceId, actor: "admin:lee@example.com", action: "client.updated", clientId, outcome: "success" as const, details: { version: 3 + n }, createdAt: at(7) })),
    ],
  });
});

describe("[AUDIT][QUERY] the audit log", () => {
  it("lists the service's events and sign-ins, newest first, not other services' events", async () => {
    expect(await actions("")).toEqual([
      "client.updated/success",
      "client.updated/success",
      "client.updated/success",
      "credential_guessing.throttled/denied",
      "administrator.sign_in/success",
      "registration_token.check/failure",
      "registration_token.check/failure",
      "client.updated/success",
    ]);
  });

  it("filters by actor (any part, any case), action, client id, outcome and days", async () => {
    expect(await actions("actor=DANA")).toEqual(["administrator.sign_in/success", "client.updated/success"]);
    expect(await actions("action=registration_token.check")).toEqual(["registration_token.check/failure", "registration_token.check/failure"]);
    expect(await actions(`client=${clientId}&outcome=failure`)).toEqual(["registration_token.check/failure"]);
    expect(await actions("outcome=denied")).toEqual(["credential_guessing.throttled/denied"]);
    const oneDay = (await listAuditEvents(serviceId, query("", { from: "2001-06-02", to: "2001-06-03" }))).rows.map((r) => r.clientId);
    expect(oneDay).toEqual(["made-up-id", clientId]);
  });

  it("names the client an event is about, and shows an id that names no client as it is", async () => {
    const rows = (await listAuditEvents(serviceId, query("action=registration_token.check"))).rows;
    expect(rows.map((r) => [r.clientId, r.client])).toEqual([
      ["made-up-id", null],
      [clientId, { name: null, deleted: false }],
    ]);
    expect(rows[1]).toMatchObject({ actor: `client:${clientId}`, interface: "rfc7592", ip: "203.0.113.9", details: { reason: "wrong_token" } });
  });

  it("pages by keyset, forward and back, through events of the same millisecond", async () => {
    const first = await listAuditEvents(serviceId, query(""), 2);
    const second = await listAuditEvents(serviceId, query("", { after: first.nextCursor!, start: 3 }), 2);
    const third = await listAuditEvents(serviceId, query("", { after: second.nextCursor!, start: 5 }), 2);
    const versions = (rows: { details: Record<string, unknown> }[]) => rows.map((r) => r.details.version ?? null);
    expect([...versions(first.rows), ...versions(second.rows)]).toEqual([5, 4, 3, null]);
    expect(third.start).toBe(5);
    const back = await listAuditEvents(serviceId, query("", { before: third.previousCursor!, start: 3 }), 2);
    expect(back.rows.map((r) => r.id)).toEqual(second.rows.map((r) => r.id));
    const backToFirst = await listAuditEvents(serviceId, query("", { before: back.previousCursor!, start: 1 }), 2);
    expect(backToFirst.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
    expect(backToFirst.previousCursor).toBeNull();
  });
});
