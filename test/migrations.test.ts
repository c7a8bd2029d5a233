import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scratchDatabase } from "./support/databases";

const exec = promisify(execFile);
const prisma = path.resolve("node_modules/.bin/prisma");
const migrationsDir = path.resolve("prisma/migrations");
const migrations = fs.readdirSync(migrationsDir).filter((d) => fs.statSync(path.join(migrationsDir, d)).isDirectory()).sort();

describe("[FOUNDATION][MIGRATIONS] Prisma migrations offline through the Wasm schema engine", () => {
  let database: Awaited<ReturnType<typeof scratchDatabase>>;
  const cli = (...args: string[]) => exec(prisma, args, { env: { ...process.env, DATABASE_URL: database.url } });
  const connected = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  const rows = () => connected(async (client) => (await client.query("SELECT * FROM _prisma_migrations ORDER BY migration_name")).rows);

  beforeAll(async () => {
    database = await scratchDatabase("migrations");
  });
  // Each CLI run loads Prisma and its Wasm engine: seconds apiece, more on a busy machine.
  afterAll(async () => {
    await database.drop();
  });

  it("status reports the pending migrations of an empty database", async () => {
    const result = await cli("migrate", "status").catch((error) => error);
    expect(`${result.stdout}`).toContain(`${migrations.length} migration`);
    expect(`${result.stdout}`).toMatch(/not yet been applied/);
  });

  it("three concurrent deploys apply each migration exactly once, and a later deploy is a no-op", async () => {
    const runs = await Promise.all([cli("migrate", "deploy"), cli("migrate", "deploy"), cli("migrate", "deploy")]);
    expect(runs.some((r) => /All migrations have been successfully applied|applied/.test(r.stdout))).toBe(true);
    const again = await cli("migrate", "deploy");
    expect(again.stdout).toContain("No pending migrations to apply");

    const applied = await rows();
    expect(applied.map((r) => r.migration_name)).toEqual(migrations);
    for (const row of applied) {
      const sql = fs.readFileSync(path.join(migrationsDir, row.migration_name, "migration.sql"));
      // Kept exactly as Prisma's native engine keeps it: the file's SHA-256, finished, one step, no log.
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
      expect(row.logs).toBeNull();
    }
  }, 180_000);

  it("a new database checks each revision's client through the primary key, before the first client exists", async () => {
    // PostgreSQL's own foreign-key query, planned once per connection and kept: planned on a table analyzed
    // while empty, it was a sequential scan of every client, for every revision written until the next analyze.
    const plan = await connected(async (client) => {
      await client.query("SET plan_cache_mode = force_generic_plan");
      await client.query(`PREPARE revision_client_check(uuid) AS SELECT 1 FROM ONLY "client" x WHERE "id" = $1 FOR KEY SHARE OF x`);
      return (await client.query("EXPLAIN EXECUTE revision_client_check(gen_random_uuid())")).rows.map((row) => row["QUERY PLAN"]).join("\n");
    });
    expect(plan).toContain("Index Scan using client_pkey");
    expect(plan).not.toContain("Seq Scan");
  });

  it("run on a database that has clients, the statistics reset of a new database leaves them and their history alone", async () => {
    const reset = fs.readFileSync(path.join(migrationsDir, "20261127230000_client_statistics_on_new_database", "migration.sql"), "utf8");
    await connected(async (client) => {
      try {
        await client.query(`INSERT INTO service (id, name, updated_at) VALUES ('kept', 'Kept', now())`);
        await client.query(
          `INSERT INTO client (id, service_id, client_id, metadata, application_type, token_endpoint_auth_method, search_text)
           VALUES ('0193a0b0-0000-7000-8000-000000000001', 'kept', 'kept-client', '{}', 'web', 'none', 'kept')`,
        );
        await client.query(
          `INSERT INTO client_revision (id, client_ref, version, kind, metadata, change_set, actor, interface)
           VALUES ('0193a0b0-0000-7000-8000-000000000002', '0193a0b0-0000-7000-8000-000000000001', 1, 'created', '{}', '[]', 'anonymous', 'rfc7591')`,
        );
        await client.query(reset);
        expect((await client.query(`SELECT client_id FROM client`)).rows).toEqual([{ client_id: "kept-client" }]);
        expect((await client.query(`SELECT count(*)::int AS n FROM client_revision`)).rows[0].n).toBe(1);
      } finally {
        await client.query(`DELETE FROM service WHERE id = 'kept'`).catch(() => {});
      }
    });
  });

  it("status then reports the database as up to date", async () => {
    const { stdout } = await cli("migrate", "status");
    expect(stdout).toContain("Database schema is up to date");
  });

  it("the migrated schema matches prisma/schema.prisma (no drift)", async () => {
    const { stdout } = await cli("migrate", "diff", "--from-config-datasource", "--to-schema", "prisma/schema.prisma", "--exit-code").catch(
      (error) => error,
    );
    expect(stdout).toContain("No difference detected");
  });
});
