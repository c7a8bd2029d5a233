import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { throttleSettings } from "@/lib/registration/throttle";
import { startProtocolServer, type ProtocolServer } from "./support/protocol-server";

// What operators see (README, Monitoring), over real HTTP: /metrics behind its bearer token, the counters
// moving with what clients do, and every log line of a request carrying its X-Request-Id.

const metricsToken = "metrics-token-for-tests-0123456789abcdef";
const logFile = vi.hoisted(() => {
  // Set before the logger is made: it writes to this file (or to the one the test runner scans), at info level at least.
  process.env.METRICS_TOKEN = "metrics-token-for-tests-0123456789abcdef";
  process.env.REGISTRAR_LOG_FILE ??= `${process.env.TMPDIR ?? "/tmp"}/registrar-metrics-test-${process.pid}.log`;
  if (!["debug", "trace", "info"].includes(process.env.LOG_LEVEL ?? "")) process.env.LOG_LEVEL = "info";
  return process.env.REGISTRAR_LOG_FILE;
});

let server: ProtocolServer;
beforeAll(async () => {
  server = await startProtocolServer();
});
afterAll(async () => {
  await server.close();
  if (logFile.startsWith(path.join(os.tmpdir(), "registrar-metrics-test-"))) fs.rmSync(logFile, { force: true });
});

const metrics = (authorization?: string) => fetch(`${server.url}/metrics`, { headers: authorization ? { Authorization: authorization } : {} });

/** The value of one series in the exposition (0 when absent). */
async function sample(name: string, labels: Record<string, string>): Promise<number> {
  const text = await (await metrics(`Bearer ${metricsToken}`)).text();
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text.split("\n").find((l) => l.startsWith(`${name}{`) && wanted.every((w) => l.includes(w)));
  return line ? Number(line.split(" ").pop()) : 0;
}

async function registerClient() {
  const response = await fetch(`${server.url}/register`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ redirect_uris: ["https://app.example.com/cb"] }) });
  expect(response.status).toBe(201);
  return (await response.json()) as { client_id: string; client_secret: string; registration_access_token: string };
}

const readClient = (clientId: string, token: string, address: string) =>
  fetch(`${server.url}/register/${clientId}`, { headers: { Authorization: `Bearer ${token}`, "x-test-client-ip": address } });

describe("[OPERATIONS][METRICS] /metrics", () => {
  it("without the bearer token, or with a wrong one: 401", async () => {
    expect((await metrics()).status).toBe(401);
    expect((await metrics(`Bearer ${metricsToken}x`)).status).toBe(401);
    expect((await metrics(`Basic ${Buffer.from(`user:${metricsToken}`).toString("base64")}`)).status).toBe(401);
    const refused = await metrics("Bearer wrong");
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(await refused.text()).not.toContain("registrar_");
  });

  it("with the token: 200 in Prometheus' text format, with the process, event loop and pool metrics", async () => {
    await registerClient(); // the pool has a connection open
    const response = await metrics(`Bearer ${metricsToken}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toContain("# TYPE registrar_http_request_duration_seconds histogram");
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
    expect(text).toMatch(/^registrar_db_pool_connections\{state="total"\} [1-9]/m);
    expect(text).toMatch(/^registrar_db_pool_connections\{state="waiting"\} \d/m);
  });

  it("a registration and a failed credential move their counters; requests are counted by route pattern, never with a client id or a secret", async () => {
    const registrations = { service: server.serviceId, interface: "rfc7591" };
    const failures = { kind: "registration_token" };
    const registered = { interface: "rfc", route: "/register", method: "POST", status: "201" };
    const refusedReads = { interface: "rfc", route: "/register/{clientId}", method: "GET", status: "401" };
    const before = await Promise.all([sample("registrar_registrations_total", registrations), sample("registrar_credential_failures_total", failures), sample("registrar_http_requests_total", registered), sample("registrar_http_requests_total", refusedReads)]);

    const client = await registerClient();
    expect((await readClient(client.client_id, "not-the-token", "192.0.2.41")).status).toBe(401);

    expect(await sample("registrar_registrations_total", registrations)).toBe(before[0]! + 1);
    expect(await sample("registrar_credential_failures_total", failures)).toBe(before[1]! + 1);
    expect(await sample("registrar_http_requests_total", registered)).toBe(before[2]! + 1);
    expect(await sample("registrar_http_requests_total", refusedReads)).toBe(before[3]! + 1);
    expect(await sample("registrar_http_request_duration_seconds_count", refusedReads)).toBe(before[3]! + 1);

    const text = await (await metrics(`Bearer ${metricsToken}`)).text();
    for (const secret of [client.client_id, client.client_secret, client.registration_access_token, metricsToken]) expect(text).not.toContain(secret);
  });

  it("paths outside every route share one series, so scanning adds none", async () => {
    const before = await sample("registrar_http_requests_total", { interface: "other", route: "unmatched", method: "GET", status: "404" });
    await fetch(`${server.url}/wp-admin/${Math.random()}`);
    await fetch(`${server.url}/.env`);
    expect(await sample("registrar_http_requests_total", { interface: "other", route: "unmatched", method: "GET", status: "404" })).toBe(before + 2);
    const text = await (await metrics(`Bearer ${metricsToken}`)).text();
    expect(text).not.toContain("wp-admin");
  });
});

describe("[OPERATIONS][LOGS] every log line of a request carries its X-Request-Id", () => {
  it("a throttled read: counted as a throttle, and its log line's requestId is the response's X-Request-Id", async () => {
    const client = await registerClient();
    const address = `2001:db8:${randomBytes(2).toString("hex")}:${randomBytes(2).toString("hex")}::42`; // a /64 of its own, unthrottled
    const limit = throttleSettings.limit;
    throttleSettings.limit = 2;
    try {
      const before = await sample("registrar_throttled_requests_total", { kind: "registration_token" });
      for (let i = 0; i < 2; i++) expect((await readClient(client.client_id, `guess-${i}`, address)).status).toBe(401);
      const throttled = await readClient(client.client_id, "guess-2", address);
      expect(throttled.status).toBe(429);
      expect(await sample("registrar_throttled_requests_total", { kind: "registration_token" })).toBe(before + 1);

      const requestId = throttled.headers.get("x-request-id");
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      const lines = fs.readFileSync(logFile, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
      const logged = lines.filter((l) => l.event === "credential_guessing.refused" && l.requestId === requestId);
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({ kind: "registration_token", requestId });
    } finally {
      throttleSettings.limit = limit;
    }
  });

  it("a caller's sane X-Request-Id is kept: answered and on the log line of the registration", async () => {
    const requestId = `trace-${Date.now()}`;
    const response = await fetch(`${server.url}/register`, { method: "POST", headers: { "Content-Type": "application/json", "X-Request-Id": requestId }, body: JSON.stringify({ redirect_uris: ["https://app.example.com/cb"] }) });
    expect(response.status).toBe(201);
    expect(response.headers.get("x-request-id")).toBe(requestId);
    const { client_id } = (await response.json()) as { client_id: string };
    const lines = fs.readFileSync(logFile, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.filter((l) => l.event === "client.registered" && l.clientId === client_id)).toEqual([expect.objectContaining({ requestId })]);
  });

  it("a path Next.js answers gets an X-Request-Id too", async () => {
    const response = await fetch(`${server.url}/services`);
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
