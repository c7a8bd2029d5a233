import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, parseConfig, type Retention } from "@/lib/config";
import { db, pool } from "@/lib/db";
import { pruneOnce, pruneStatements } from "@/lib/registration/retention";

// Audit events, the counters per client address (auth_failure) and better-auth's rate limit rows are
// deleted once older than their retention, in batches, by one instance at a time, through an index.

const retention: Retention = { auditEventDays: 365, authFailureHours: 24, rateLimitHours: 24 };
const day = 86_400_000;
const marker = `retention-${randomBytes(4).toString("hex")}`;

/** Rows of this test, some past their retention and some within it; returns what each table holds of them. */
async function seed({ oldAudits = 3, newAudits = 2 } = {}) {
  const now = Date.now();
  const audit = (ageDays: number, i: number) => ({ actor: marker, action: "client.updated", outcome: "success" as const, details: { i }, createdAt: new Date(now - ageDays * day) });
  await db().auditEvent.createMany({
    data: [...Array.from({ length: oldAudits }, (_, i) => audit(366 + i, i)), ...Array.from({ length: newAudits }, (_, i) => audit(364 - i, oldAudits + i))],
  });
  await db().authFailure.createMany({
    data: [
      { key: `registration_token:${marker}-old`, count: 3, windowStart: new Date(now - 25 * 3_600_000) },
      { key: `open_registration:${marker}-old`, count: 9, windowStart: new Date(now - 2 * day) },
      { key: `api_key:${marker}-new`, count: 1, windowStart: new Date(now - 23 * 3_600_000) },
    ],
  });
  await db().rateLimit.createMany({
    data: [
      { id: `${marker}-old`, key: `${marker}-old`, count: 5, lastRequest: BigInt(now - 25 * 3_600_000) },
      { id: `${marker}-new`, key: `${marker}-new`, count: 5, lastRequest: BigInt(now - 60_000) },
    ],
  });
}

async function remaining() {
  const audits = await db().auditEvent.findMany({ where: { actor: marker }, orderBy: { id: "asc" } });
  const failures = await db().authFailure.findMany({ where: { key: { contains: marker } }, orderBy: { key: "asc" } });
  const limits = await db().rateLimit.findMany({ where: { key: { startsWith: marker } }, orderBy: { key: "asc" } });
  return { audits: audits.map((a) => (a.details as { i: number }).i), failures: failures.map((f) => f.key), limits: limits.map((l) => l.key) };
}

async function clearRows() {
  await db().auditEvent.deleteMany({ where: { actor: marker } });
  await db().authFailure.deleteMany({ where: { key: { contains: marker } } });
  await db().rateLimit.deleteMany({ where: { key: { startsWith: marker } } });
}

/** Holds the pruning lock from a session of its own, as another instance that is pruning does. */
async function holdPruneLock() {
  const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await other.connect();
  await other.query("SELECT pg_advisory_lock(hashtextextended('registrar:retention', 0))");
  return { release: () => other.end() };
}

beforeAll(clearRows);
afterAll(clearRows);

describe("[RETENTION] pruning", () => {
  it("deletes exactly the rows past their retention and keeps the others, reporting the counts", async () => {
    // Rows other tests wrote may be pruned too: count only this test's.
    await clearRows();
    await seed();
    const run = await pruneOnce({ retention });
    expect(run.pruned).toBe(true);
    expect(await remaining()).toEqual({ audits: [3, 4], failures: [`api_key:${marker}-new`], limits: [`${marker}-new`] });
    if (run.pruned) {
      expect(run.deleted.auditEvents).toBeGreaterThanOrEqual(3);
      expect(run.deleted.authFailures).toBeGreaterThanOrEqual(2);
      expect(run.deleted.rateLimits).toBeGreaterThanOrEqual(1);
    }
    // A second run finds nothing of them left to delete.
    const again = await pruneOnce({ retention });
    expect(again).toMatchObject({ pruned: true, deleted: { auditEvents: 0, authFailures: 0, rateLimits: 0 } });
  });

  it("works through a backlog in batches of the given size", async () => {
    await clearRows();
    await seed({ oldAudits: 25, newAudits: 1 });
    const run = await pruneOnce({ retention, batchSize: 10 });
    // 10 + 10 + 5 old audit events: three statements, the last one short.
    expect(run).toMatchObject({ pruned: true, deleted: { auditEvents: 25 }, statements: { auditEvents: 3 } });
    expect((await remaining()).audits).toEqual([25]);
  });

  it("a longer retention keeps more: nothing of this test's within 400 days is deleted", async () => {
    await clearRows();
    await seed();
    await pruneOnce({ retention: { auditEventDays: 400, authFailureHours: 72, rateLimitHours: 48 } });
    expect(await remaining()).toEqual({
      audits: [0, 1, 2, 3, 4],
      failures: [`api_key:${marker}-new`, `open_registration:${marker}-old`, `registration_token:${marker}-old`],
      limits: [`${marker}-new`, `${marker}-old`],
    });
  });

  it("skips its run while another instance holds the pruning lock, and deletes nothing", async () => {
    await clearRows();
    await seed();
    const other = await holdPruneLock();
    try {
      expect(await pruneOnce({ retention })).toEqual({ pruned: false });
      expect((await remaining()).audits).toEqual([0, 1, 2, 3, 4]);
    } finally {
      await other.release();
    }
    expect(await pruneOnce({ retention })).toMatchObject({ pruned: true });
    expect((await remaining()).audits).toEqual([3, 4]);
  });

  it("two runs at once: one prunes, the other finds the lock taken", async () => {
    await clearRows();
    await seed({ oldAudits: 1000, newAudits: 1 });
    // Small batches keep the first run busy (and its lock held) while the second starts.
    const first = pruneOnce({ retention, batchSize: 5 });
    const lockHeld = async () => (await pool().query("SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND granted")).rows[0].n > 0;
    while (!(await lockHeld())) await new Promise((resolve) => setTimeout(resolve, 2));
    const second = await pruneOnce({ retention, batchSize: 5 });
    const results = [await first, second];
    expect(results.map((r) => r.pruned)).toEqual([true, false]);
    expect(results[0]).toMatchObject({ deleted: { auditEvents: 1000 } });
    expect((await remaining()).audits).toEqual([1000]);
  });

  it("each prune statement is served by an index", async () => {
    const connection = await pool().connect();
    try {
      await connection.query("BEGIN");
      // Small tables are cheapest to scan whole; forbid that, so the plan shows whether an index can serve.
      await connection.query("SET LOCAL enable_seqscan = off");
      const plans: Record<string, string> = {};
      for (const [table, text] of Object.entries(pruneStatements)) {
        const { rows } = await connection.query(`EXPLAIN ${text.replace("$1", "1").replace("$2", "10000")}`);
        plans[table] = rows.map((r: { "QUERY PLAN": string }) => r["QUERY PLAN"]).join("\n");
      }
      // "Index Scan [Backward] using <index> on <table>", or "Bitmap Index Scan on <index>".
      expect(plans.auditEvents).toMatch(/(using|Bitmap Index Scan on) audit_event_created_at_id_idx/);
      expect(plans.authFailures).toMatch(/(using|Bitmap Index Scan on) auth_failure_window_start_idx/);
      expect(plans.rateLimits).toMatch(/(using|Bitmap Index Scan on) "rateLimit_lastRequest_idx"/);
    } finally {
      await connection.query("ROLLBACK");
      connection.release();
    }
  });
});

describe("[RETENTION] configuration", () => {
  const valid = { DATABASE_URL: "postgresql://u:p@db.internal:5432/registrar", REGISTRAR_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"), AUTH_SECRET: "a".repeat(32) };
  const problems = (env: Record<string, string>) => {
    try {
      parseConfig({ ...valid, ...env });
      return [];
    } catch (error) {
      if (error instanceof ConfigError) return error.problems;
      throw error;
    }
  };

  it("defaults to a year of audit events and a day of counters and rate limit rows", () => {
    expect(parseConfig(valid).retention).toEqual({ auditEventDays: 365, authFailureHours: 24, rateLimitHours: 24 });
    expect(parseConfig({ ...valid, REGISTRAR_AUDIT_RETENTION_DAYS: "730", REGISTRAR_AUTH_FAILURE_RETENTION_HOURS: "48", REGISTRAR_RATE_LIMIT_RETENTION_HOURS: "2" }).retention).toEqual({
      auditEventDays: 730,
      authFailureHours: 48,
      rateLimitHours: 2,
    });
  });

  it("refuses to keep audit events less than a year, and other bad retentions, naming the variable and the rule", () => {
    expect(problems({ REGISTRAR_AUDIT_RETENTION_DAYS: "364" })).toEqual(["REGISTRAR_AUDIT_RETENTION_DAYS must be at least 365: audit events are kept at least a year"]);
    expect(problems({ REGISTRAR_AUDIT_RETENTION_DAYS: "a year" })).toEqual(["REGISTRAR_AUDIT_RETENTION_DAYS must be a number of days"]);
    expect(problems({ REGISTRAR_AUTH_FAILURE_RETENTION_HOURS: "1" })).toEqual([
      "REGISTRAR_AUTH_FAILURE_RETENTION_HOURS must be at least 24: a counter is kept at least as long as the longest throttling window (a day)",
    ]);
    expect(problems({ REGISTRAR_RATE_LIMIT_RETENTION_HOURS: "1.5" })).toEqual(["REGISTRAR_RATE_LIMIT_RETENTION_HOURS must be a whole number of hours"]);
  });
});
