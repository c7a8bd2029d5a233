import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startEmbeddedPostgres, type RunningPostgres } from "@/scripts/lib/embedded-postgres";
import { migrateDeploy } from "@/scripts/lib/migrate";

// The database stops under load and comes back: the APIs answer 503 with a JSON error meanwhile, nothing is
// half-written, the process survives, and service resumes by itself. This file has a PostgreSQL of its own,
// so stopping it disturbs no other test.

let postgres: RunningPostgres;
let dataDir: string;
let port: number;
let server: Awaited<ReturnType<typeof import("./support/protocol-server").startProtocolServer>>;

async function startDatabase() {
  postgres = await startEmbeddedPostgres({ dataDir, port, password: "faults", persistent: true });
}

beforeAll(async () => {
  dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "registrar-faults-")), "pg");
  port = await freePort();
  await startDatabase();
  await postgres.createDatabase("faults");
  process.env.DATABASE_URL = postgres.url("faults");
  await migrateDeploy(process.env.DATABASE_URL, { quiet: true });
  const { startProtocolServer } = await import("./support/protocol-server");
  server = await startProtocolServer();
}, 120_000);

afterAll(async () => {
  await server?.close();
  const { closeDatabase } = await import("@/lib/db");
  await closeDatabase();
  await postgres?.stop();
  fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
});

const register = (i: number) =>
  fetch(`${server.url}/register`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ redirect_uris: [`https://fault-${i}.example.com/cb`], client_name: `Fault ${i}` }),
  }).then(async (r) => ({ status: r.status, headers: r.headers, body: (await r.json()) as Record<string, string> }));

describe("[HARDENING][FAULTS] the database stops under load and comes back", () => {
  it("answers 503 meanwhile, writes nothing by halves and resumes by itself", async () => {
    expect((await register(0)).status).toBe(201);

    // Load, with the database stopped in the middle of it.
    const inFlight = Array.from({ length: 60 }, (_, i) => register(i + 1));
    await new Promise((r) => setTimeout(r, 30));
    await postgres.stop();
    const duringStop = await Promise.all(inFlight);
    const whileDown = await Promise.all(Array.from({ length: 5 }, (_, i) => register(100 + i)));

    for (const response of [...duringStop, ...whileDown]) {
      expect([201, 503]).toContain(response.status);
      if (response.status === 503) {
        expect(response.body).toEqual({ error: "temporarily_unavailable", error_description: "The registration service cannot reach its database; try again shortly" });
        expect(response.headers.get("retry-after")).toBe("5");
      }
    }
    expect(whileDown.every((r) => r.status === 503)).toBe(true);
    // Once the service's cached record is gone, the first read that fails is Prisma's, whose error for a socket
    // that is gone carries no syscall: it must be a 503 too, not a 500.
    const { forgetService } = await import("@/lib/registration/store");
    forgetService(server.serviceId);
    const uncached = await register(150);
    expect(uncached.status).toBe(503);
    expect(uncached.body).toEqual({ error: "temporarily_unavailable", error_description: "The registration service cannot reach its database; try again shortly" });

    const { databaseReachable } = await import("@/lib/health");
    expect(await databaseReachable()).toBe(false);

    await startDatabase();
    const after = await register(200);
    expect(after.status).toBe(201);
    expect(await databaseReachable()).toBe(true);

    // Every accepted registration is whole: client, one revision, one audit event. Nothing else was written.
    const { db } = await import("@/lib/db");
    const accepted = [...duringStop, after].filter((r) => r.status === 201).map((r) => r.body.client_id!);
    const clients = await db().client.findMany({ where: { serviceId: server.serviceId }, include: { _count: { select: { revisions: true } } } });
    const stored = new Set(clients.map((c) => c.clientId));
    for (const clientId of accepted) expect(stored.has(clientId)).toBe(true);
    expect(clients.length).toBe(accepted.length + 1); // + the first one
    for (const client of clients) expect(client._count.revisions).toBe(1);
    const audits = await db().auditEvent.count({ where: { serviceId: server.serviceId, action: "client.registered" } });
    expect(audits).toBe(clients.length);
  }, 120_000);
});
