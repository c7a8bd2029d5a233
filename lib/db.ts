import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";

// One client per process. The launcher (scripts/serve.ts, protocol endpoints) and Next.js's server bundle
// load this module separately; sharing through globalThis gives them one connection pool.
const globalForDb = globalThis as unknown as { registrarPrisma?: PrismaClient };

function createClient(): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: process.env.DATABASE_URL,
    max: Number(process.env.DB_POOL_MAX ?? 10),
    // adapter-pg sends timestamps without an offset; a UTC session keeps timestamptz values exact.
    options: "-c TimeZone=UTC",
    connectionTimeoutMillis: 5_000,
  });
  return new PrismaClient({ adapter });
}

export function db(): PrismaClient {
  return (globalForDb.registrarPrisma ??= createClient());
}

export type { PrismaClient };
