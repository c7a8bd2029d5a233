import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient, type Prisma } from "@/generated/prisma/client";

// One connection pool per process, shared by Prisma (everything) and the few hot statements that go to
// node-postgres directly (Prisma's per-query cost is several times a simple statement's: docs/BENCHMARKS.md).
// The launcher (scripts/serve.ts, protocol endpoints) and Next.js's server bundle load this module
// separately; keeping the instances on globalThis gives them the same pool.
const globalForDb = globalThis as unknown as { registrarPool?: pg.Pool; registrarPrisma?: PrismaClient };

/** The node-postgres pool (for the hot paths of lib/registration/store.ts and the console's lists). */
export function pool(): pg.Pool {
  if (!globalForDb.registrarPool) {
    const created = new pg.Pool({
      connectionString: process.env.DATABASE_URL,
      max: Number(process.env.DB_POOL_MAX ?? 10),
      // adapter-pg sends timestamps without an offset; a UTC session keeps timestamptz values exact.
      options: "-c TimeZone=UTC",
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
    });
    // An idle connection that the server drops (restart, failover) must not crash the process.
    created.on("error", () => {});
    globalForDb.registrarPool = created;
  }
  return globalForDb.registrarPool;
}

/** How busy the pool is (zeros before it is first used): its connections, the idle ones, and the queries waiting for one. */
export function poolUsage(): { totalCount: number; idleCount: number; waitingCount: number } {
  const current = globalForDb.registrarPool;
  return { totalCount: current?.totalCount ?? 0, idleCount: current?.idleCount ?? 0, waitingCount: current?.waitingCount ?? 0 };
}

/** The Prisma client. */
export function db(): PrismaClient {
  return (globalForDb.registrarPrisma ??= new PrismaClient({ adapter: new PrismaPg(pool()) }));
}

/** The rows of a read built with Prisma.sql, run on the pool: for the lists' pages, read on every view. */
export async function queryRows<T>(query: Prisma.Sql): Promise<T[]> {
  return (await pool().query(query.text, query.values)).rows as T[];
}

/** The one row of a read that always has one (a count, an EXPLAIN). */
export async function queryRow<T>(query: Prisma.Sql): Promise<T> {
  const [row] = await queryRows<T>(query);
  if (!row) throw new Error("The query returned no row");
  return row;
}

/** Closes the Prisma client and the pool (at shutdown). */
export async function closeDatabase() {
  await globalForDb.registrarPrisma?.$disconnect();
  await globalForDb.registrarPool?.end();
  globalForDb.registrarPrisma = undefined;
  globalForDb.registrarPool = undefined;
}

export type { PrismaClient };
