import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { tokenlessRequestCounts } from "@/lib/metrics";
import { register, update } from "@/lib/registration/service";
import { administrator } from "./support/registrations";
import { auditEvents, createInitialAccessToken, rowCounts } from "./support/services";
import { protocolServerPerSuite } from "./support/protocol-server";

// What a client can make Registrar write, over real HTTP. An update that changes nothing writes no
// revision; a request to a client's configuration endpoint without a token writes nothing and locks nothing;
// open registration can be limited per client address.

const server = protocolServerPerSuite();

const webClient = { redirect_uris: ["https://app.example.com/callback"], client_name: "Growth test app" };

/** A client address of its own for each test (the trusted proxy header of test/setup.ts). */
// A /64 of its own: the throttles count an IPv6 address by its /64 (lib/registration/throttle.ts).
const newAddress = () => `2001:db8:${randomBytes(2).toString("hex")}:${randomBytes(2).toString("hex")}::1`;

async function call(method: string, path: string, { body, token, address, timeoutMs }: { body?: unknown; token?: string; address?: string; timeoutMs?: number } = {}) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      ...(body !== undefined && { "Content-Type": "application/json" }),
      ...(token !== undefined && { Authorization: `Bearer ${token}` }),
      ...(address && { "x-test-client-ip": address }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: timeoutMs ? AbortSignal.timeout(timeoutMs) : undefined,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

type Registered = { client_id: string; registration_access_token: string } & Record<string, unknown>;

async function registerClient(address = newAddress()): Promise<Registered> {
  const response = await call("POST", "/register", { body: webClient, address });
  expect(response.status).toBe(201);
  return response.json as Registered;
}

/** The RFC 7592 update body that repeats the client's current metadata. */
const sameMetadata = (client: Registered) => Object.fromEntries(Object.entries(client).filter(([k]) => !["registration_access_token", "registration_client_uri", "client_secret_expires_at", "client_id_issued_at"].includes(k)));

const clientRow = (clientId: string) => db().client.findUniqueOrThrow({ where: { clientId } });
const revisionCount = (clientId: string) => db().clientRevision.count({ where: { client: { clientId } } });

describe("[GROWTH] an update that changes nothing writes no revision", () => {
  it("RFC 7592 PUT with the same metadata and no rotation: 200 as for any update, same version, no revision, audited as unchanged", async () => {
    await server.setPolicy({ rotateRegistrationAccessTokenOnUpdate: false });
    const client = await registerClient();
    const before = await clientRow(client.client_id);
    const response = await call("PUT", `/register/${client.client_id}`, { body: sameMetadata(client), token: client.registration_access_token });
    expect(response.status).toBe(200);
    expect(response.json).toEqual(client);
    expect(await revisionCount(client.client_id)).toBe(1);
    const after = await clientRow(client.client_id);
    expect({ version: after.version, updatedAt: after.updatedAt }).toEqual({ version: before.version, updatedAt: before.updatedAt });
    expect((await auditEvents(server.serviceId, "client.updated")).at(-1)).toMatchObject({ clientId: client.client_id, outcome: "success", details: { version: 1, changed: [], unchanged: true } });

    // A real change still writes its revision.
    const changed = await call("PUT", `/register/${client.client_id}`, { body: { ...sameMetadata(client), client_name: "Renamed" }, token: client.registration_access_token });
    expect(changed.status).toBe(200);
    expect(await revisionCount(client.client_id)).toBe(2);
    expect((await clientRow(client.client_id)).version).toBe(2);
  });

  it("with token rotation on, the same metadata still rotates the token: that is a change, with its revision", async () => {
    const client = await registerClient();
    const response = await call("PUT", `/register/${client.client_id}`, { body: sameMetadata(client), token: client.registration_access_token });
    expect(response.status).toBe(200);
    expect(response.json!.registration_access_token).not.toBe(client.registration_access_token);
    const revisions = await db().clientRevision.findMany({ where: { client: { clientId: client.client_id } }, orderBy: { version: "asc" } });
    expect(revisions.map((r) => [r.version, r.kind, r.changeSet])).toEqual([
      [1, "created", expect.anything()],
      [2, "updated", []],
    ]);
    expect((await auditEvents(server.serviceId, "client.updated")).at(-1)).toMatchObject({ details: { version: 2, changed: [], registrationAccessTokenRotated: true } });
  });

  it("an Authlete-compatible update and a console save with the same metadata write no revision either", async () => {
    await server.setPolicy({ rotateRegistrationAccessTokenOnUpdate: false });
    const client = await registerClient();
    const viaApi = await fetch(`${server.url}/api/${server.serviceId}/client/registration/update`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${server.apiKey}` },
      body: JSON.stringify({ clientId: client.client_id, token: client.registration_access_token, json: JSON.stringify(sameMetadata(client)) }),
    }).then((r) => r.json() as Promise<{ action: string; responseContent: string }>);
    expect(viaApi.action).toBe("UPDATED");
    expect(JSON.parse(viaApi.responseContent)).toEqual(client);

    const { metadata } = await clientRow(client.client_id);
    const saved = await update(server.serviceId, { clientId: client.client_id, registrationAccessToken: client.registration_access_token, expectedVersion: 1, document: { ...(metadata as object), client_id: client.client_id } }, administrator);
    expect(saved.ok && saved.value.version).toBe(1);
    expect(await revisionCount(client.client_id)).toBe(1);
    const events = (await auditEvents(server.serviceId, "client.updated")).filter((e) => e.clientId === client.client_id);
    expect(events.map((e) => [e.interface, e.details])).toEqual([
      ["authlete_api", { version: 1, changed: [], unchanged: true }],
      ["console", { version: 1, changed: [], unchanged: true }],
    ]);
  });
});

describe("[GROWTH] a request without a token to a client's configuration endpoint", () => {
  const missingToken = { error: "invalid_token", error_description: "An access token is required" };

  it("answers 401 without a challenge error, writes no audit event and counts the request per service and method", async () => {
    const client = await registerClient();
    const counted = async (method: string) => (await tokenlessRequestCounts()).find((c) => c.serviceId === server.serviceId && c.method === method)?.count ?? 0;
    const countsBefore = { GET: await counted("GET"), PUT: await counted("PUT"), DELETE: await counted("DELETE") };
    const before = await rowCounts(server.serviceId);
    for (const [method, clientId] of [["GET", client.client_id], ["PUT", client.client_id], ["DELETE", client.client_id], ["GET", "no-such-client"], ["DELETE", "no-such-client"]] as const) {
      const response = await call(method, `/register/${clientId}`, method === "PUT" ? { body: sameMetadata(client) } : {});
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe("Bearer");
      expect(response.json).toEqual(missingToken);
    }
    expect(await rowCounts(server.serviceId)).toEqual(before);
    expect({ GET: await counted("GET"), PUT: await counted("PUT"), DELETE: await counted("DELETE") }).toEqual({ GET: countsBefore.GET + 2, PUT: countsBefore.PUT + 1, DELETE: countsBefore.DELETE + 2 });
    // The client is untouched and still manages itself.
    const read = await call("GET", `/register/${client.client_id}`, { token: client.registration_access_token });
    expect(read.status).toBe(200);
  });

  it("answers at once while another transaction holds the client's row (no lock), where a request with a token waits", async () => {
    const client = await registerClient();
    const holder = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await holder.connect();
    try {
      await holder.query("BEGIN");
      await holder.query("SET LOCAL statement_timeout = '20s'");
      await holder.query("SELECT id FROM client WHERE client_id = $1 FOR UPDATE", [client.client_id]);
      for (const method of ["GET", "PUT", "DELETE"]) {
        const response = await call(method, `/register/${client.client_id}`, { timeoutMs: 2_000, ...(method === "PUT" && { body: sameMetadata(client) }) });
        expect(response.status).toBe(401);
        expect(response.json).toEqual(missingToken);
      }
      // The same request with a (wrong) token needs the row: it waits for the lock, past the timeout.
      await expect(call("PUT", `/register/${client.client_id}`, { body: sameMetadata(client), token: "not-the-token", timeoutMs: 1_500 })).rejects.toThrow(/timeout|aborted/i);
    } finally {
      await holder.query("ROLLBACK");
      await holder.end();
    }
  });

  it("the same under /s/{serviceId}/register/{id} for another service, counted for that service", async () => {
    const other = `growth-${randomBytes(4).toString("hex")}`;
    await db().service.create({ data: { id: other, name: "Growth other" } });
    const registered = await register(other, { document: webClient }, { interface: "rfc7591", actor: "client", ip: "192.0.2.50" });
    expect(registered.ok).toBe(true);
    const clientId = registered.ok ? registered.value.clientId : "";
    const audits = await db().auditEvent.count({ where: { serviceId: other } });
    const response = await call("GET", `/s/${other}/register/${clientId}`);
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe("Bearer");
    expect(response.json).toEqual(missingToken);
    expect(await db().auditEvent.count({ where: { serviceId: other } })).toBe(audits);
    expect((await tokenlessRequestCounts()).find((c) => c.serviceId === other && c.method === "GET")?.count).toBe(1);
  });

  it("a throttled address is still answered 429 first, as before", async () => {
    const { throttleSettings } = await import("@/lib/registration/throttle");
    const limit = throttleSettings.limit;
    throttleSettings.limit = 2;
    try {
      const address = newAddress();
      const client = await registerClient(address);
      for (let i = 0; i < 2; i++) expect((await call("GET", `/register/${client.client_id}`, { token: "wrong-token", address })).status).toBe(401);
      const anonymous = await call("GET", `/register/${client.client_id}`, { address });
      expect(anonymous.status).toBe(429);
      expect(Number(anonymous.headers.get("retry-after"))).toBeGreaterThan(0);
    } finally {
      throttleSettings.limit = limit;
    }
  });
});

describe("[GROWTH] open registration per client address (policy openRegistrationPerAddress)", () => {
  it("off by default: one address registers as often as it likes", async () => {
    const address = newAddress();
    for (let i = 0; i < 6; i++) expect((await call("POST", "/register", { body: webClient, address })).status).toBe(201);
  });

  it("on: beyond max in the window, 429 with Retry-After and an RFC 7591-style body, audited once; other addresses unaffected", async () => {
    await server.setPolicy({ openRegistrationPerAddress: { max: 2, windowSeconds: 600 } });
    const address = newAddress();
    for (let i = 0; i < 2; i++) expect((await call("POST", "/register", { body: webClient, address })).status).toBe(201);
    const clients = await db().client.count({ where: { serviceId: server.serviceId } });
    for (let i = 0; i < 3; i++) {
      const refused = await call("POST", "/register", { body: webClient, address });
      expect(refused.status).toBe(429);
      const retryAfter = Number(refused.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThan(590);
      expect(retryAfter).toBeLessThanOrEqual(600);
      expect(refused.json).toEqual({ error: "too_many_requests", error_description: `Too many registrations from this address; try again in ${retryAfter} seconds` });
    }
    expect(await db().client.count({ where: { serviceId: server.serviceId } })).toBe(clients);
    const throttled = (await auditEvents(server.serviceId, "open_registration.throttled")).filter((e) => e.ip === address);
    expect(throttled.map((e) => [e.outcome, e.interface, e.details])).toEqual([["denied", "rfc7591", { max: 2, windowSeconds: 600 }]]);
    expect((await call("POST", "/register", { body: webClient, address: newAddress() })).status).toBe(201);
  });

  it("a new window starts afresh once the last one is over", async () => {
    await server.setPolicy({ openRegistrationPerAddress: { max: 1, windowSeconds: 1 } });
    const address = newAddress();
    expect((await call("POST", "/register", { body: webClient, address })).status).toBe(201);
    const refused = await call("POST", "/register", { body: webClient, address });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("1");
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await call("POST", "/register", { body: webClient, address })).status).toBe(201);
  });

  it("registrations with an initial access token, through the Authlete-compatible API and in the console are not counted", async () => {
    await server.setPolicy({ openRegistrationPerAddress: { max: 1, windowSeconds: 600 } });
    const address = newAddress();
    const { token } = await createInitialAccessToken(server.serviceId);
    for (let i = 0; i < 3; i++) expect((await call("POST", "/register", { body: webClient, token, address })).status).toBe(201);
    for (let i = 0; i < 3; i++) {
      const viaApi = await fetch(`${server.url}/api/${server.serviceId}/client/registration`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${server.apiKey}`, "x-test-client-ip": address },
        body: JSON.stringify({ json: JSON.stringify(webClient) }),
      }).then((r) => r.json() as Promise<{ action: string }>);
      expect(viaApi.action).toBe("CREATED");
      expect((await register(server.serviceId, { document: webClient, origin: "console" }, { ...administrator, ip: address })).ok).toBe(true);
    }
    // The address's open registrations were not counted: its one is still there.
    expect((await call("POST", "/register", { body: webClient, address })).status).toBe(201);
    expect((await call("POST", "/register", { body: webClient, address })).status).toBe(429);
  });

  it("the policy refuses a bad limit, naming the member and the rule", async () => {
    const { ServicePolicySchema } = await import("@/lib/registration/policy");
    const result = ServicePolicySchema.safeParse({ openRegistrationPerAddress: { max: 0, windowSeconds: 90_000 } });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["openRegistrationPerAddress.max", "must be at least 1"],
      ["openRegistrationPerAddress.windowSeconds", "must be at most 86400 seconds (a day)"],
    ]);
  });
});
