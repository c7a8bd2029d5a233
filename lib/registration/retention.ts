import type pg from "pg";
import { config, type Retention } from "@/lib/config";
import { pool } from "@/lib/db";
import { logger } from "@/lib/logger";
import { throttleSettings } from "./throttle";

// Nothing grows without bound: audit events, the counters per client address (auth_failure) and better-auth's
// sign-in rate limit rows (rateLimit) are deleted once older than their retention (lib/config.ts, README
// "Configuration"). The app prunes itself (scripts/serve.ts starts it): shortly after start, then every hour,
// in one instance at a time, in batches so that a large backlog never holds locks for long.

/** Rows deleted per statement. */
export const pruneBatchSize = 10_000;

/** The session-level advisory lock that one pruning instance holds; another finds it taken and skips its run. */
const pruneLockSql = "hashtextextended('registrar:retention', 0)";

/**
 * Each prune statement deletes at most $2 rows older than the cutoff $1, found through an index
 * (audit_event_created_at_id_idx, auth_failure_window_start_idx, rateLimit_lastRequest_idx).
 */
export const pruneStatements = {
  /** $1: days. */
  auditEvents: `DELETE FROM audit_event WHERE id IN (
                  SELECT id FROM audit_event WHERE created_at < now() - make_interval(days => $1) LIMIT $2)`,
  /** $1: seconds since the window started. */
  authFailures: `DELETE FROM auth_failure WHERE key IN (
                   SELECT key FROM auth_failure WHERE window_start < now() - make_interval(secs => $1) LIMIT $2)`,
  /** $1: milliseconds since the last request (better-auth stores it as milliseconds since the epoch). */
  rateLimits: `DELETE FROM "rateLimit" WHERE id IN (
                 SELECT id FROM "rateLimit" WHERE "lastRequest" < (extract(epoch FROM now()) * 1000)::bigint - $1 LIMIT $2)`,
} as const;

export type PruneCounts = Record<keyof typeof pruneStatements, number>;

/** What a run did: the rows it deleted, or nothing because another instance (or run) was pruning. */
export type PruneRun = { pruned: true; deleted: PruneCounts; statements: PruneCounts; milliseconds: number } | { pruned: false };

/** The cutoff of each table, as its statement's $1. */
function cutoffs(retention: Retention): Record<keyof typeof pruneStatements, number> {
  return {
    auditEvents: retention.auditEventDays,
    // A counter whose window is still running must stay, or its address would start afresh.
    authFailures: Math.max(retention.authFailureHours * 3600, throttleSettings.windowSeconds),
    rateLimits: retention.rateLimitHours * 3_600_000,
  };
}

/** Deletes the old rows of one table in batches, each statement its own transaction; the rows deleted and the statements run. */
async function pruneTable(connection: pg.PoolClient, table: keyof typeof pruneStatements, cutoff: number, batchSize: number) {
  let deleted = 0;
  for (let statements = 1; ; statements++) {
    const { rowCount } = await connection.query({ name: `prune-${table}`, text: pruneStatements[table], values: [cutoff, batchSize] });
    deleted += rowCount ?? 0;
    if ((rowCount ?? 0) < batchSize) return { deleted, statements };
  }
}

/**
 * One pruning run, if no other instance is pruning: under a session-level advisory lock on one connection
 * (released by the end of the run, or by the connection closing if the process dies). Logs one line.
 */
export async function pruneOnce(options: { retention?: Retention; batchSize?: number } = {}): Promise<PruneRun> {
  const retention = options.retention ?? config().retention;
  const batchSize = options.batchSize ?? pruneBatchSize;
  const connection = await pool().connect();
  let broken: Error | undefined;
  try {
    const { rows } = await connection.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(${pruneLockSql}) AS locked`);
    if (!rows[0]?.locked) {
      logger.info({ event: "retention.skipped" }, "pruning skipped: another instance is pruning");
      return { pruned: false };
    }
    try {
      const started = Date.now();
      const limits = cutoffs(retention);
      const deleted: PruneCounts = { auditEvents: 0, authFailures: 0, rateLimits: 0 };
      const statements: PruneCounts = { auditEvents: 0, authFailures: 0, rateLimits: 0 };
      for (const table of Object.keys(pruneStatements) as (keyof typeof pruneStatements)[]) {
        const done = await pruneTable(connection, table, limits[table], batchSize);
        deleted[table] = done.deleted;
        statements[table] = done.statements;
      }
      const milliseconds = Date.now() - started;
      logger.info({ event: "retention.pruned", deleted, statements, milliseconds }, "pruned old rows");
      return { pruned: true, deleted, statements, milliseconds };
    } finally {
      await connection.query(`SELECT pg_advisory_unlock(${pruneLockSql})`);
    }
  } catch (error) {
    broken = error as Error;
    throw error;
  } finally {
    // A connection that failed mid-run is closed rather than returned to the pool (its lock goes with it).
    connection.release(broken);
  }
}

/** Runs pruning shortly after start and then every interval, one run at a time in this process; failures are logged. */
export function startPruning({ firstDelayMs = 60_000, intervalMs = 3_600_000 } = {}): { stop: () => void } {
  let running = false;
  const run = () => {
    if (running) return;
    running = true;
    pruneOnce()
      .catch((error: unknown) => logger.warn({ event: "retention.failed", err: { message: (error as Error)?.message } }, "pruning failed; it is retried at the next run"))
      .finally(() => (running = false));
  };
  const first = setTimeout(run, firstDelayMs);
  const every = setInterval(run, intervalMs);
  first.unref();
  every.unref();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(every);
    },
  };
}
