import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateClientMetadata } from "@/lib/registration/metadata";
import { demoClients, generatedDemoClients } from "@/scripts/lib/demo-data";
import { scratchDatabase } from "./support/databases";

const exec = promisify(execFile);

describe("[FOUNDATION][SEED] npm run db:seed", () => {
  let database: Awaited<ReturnType<typeof scratchDatabase>>;
  let client: pg.Client;
  const seed = (...args: string[]) =>
    exec(path.resolve("node_modules/.bin/tsx"), ["scripts/seed.ts", ...args], { env: { ...process.env, DATABASE_URL: database.url, REGISTRAR_SERVICE_ID: "default" } });

  beforeAll(async () => {
    database = await scratchDatabase("seed");
    client = new pg.Client({ connectionString: database.url });
  });
  afterAll(async () => {
    await client.end().catch(() => {});
    await database.drop();
  });

  it("every demo client passes the metadata rules", () => {
    for (const demo of [...demoClients("https://registrar.example"), ...generatedDemoClients("https://registrar.example")]) {
      expect(validateClientMetadata(demo.metadata), String(demo.metadata.client_name)).toMatchObject({ ok: true });
    }
  });

  it("loads dozens of clients with history through the core, once, and adds synthetic clients that are valid too", async () => {
    const first = await seed("--clients", "300");
    expect(first.stdout).toContain("Loaded 46 demo clients");
    expect(first.stdout).toContain("Added 300 synthetic clients");
    const again = await seed();
    expect(again.stdout).toContain("already loaded");

    await client.connect();
    const counts = await client.query(`SELECT origin, count(*)::int AS n FROM client GROUP BY origin ORDER BY origin`);
    expect(Object.fromEntries(counts.rows.map((r) => [r.origin, r.n]))).toEqual({ dynamic: expect.any(Number), console: expect.any(Number), import: 300 });
    const portal = await client.query(`SELECT c.version, count(r.*)::int AS revisions FROM client c JOIN client_revision r ON r.client_ref = c.id WHERE c.software_id = 'acme-portal' GROUP BY c.version`);
    expect(portal.rows[0]).toEqual({ version: 15, revisions: 15 });
    const languages = await client.query(`SELECT count(*)::int AS n FROM client WHERE metadata ? 'client_name#ja'`);
    expect(languages.rows[0].n).toBeGreaterThan(0);
    const failed = await client.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'registration_token.check' AND outcome = 'failure'`);
    expect(failed.rows[0].n).toBe(3);
    const synthetic = await client.query(`SELECT metadata FROM client WHERE origin = 'import'`);
    for (const row of synthetic.rows) expect(validateClientMetadata(row.metadata)).toMatchObject({ ok: true });
  }, 120_000);
});
