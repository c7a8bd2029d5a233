import { db } from "@/lib/db";

/** Whether PostgreSQL answers a trivial query within two seconds. */
export async function databaseReachable(): Promise<boolean> {
  const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), 2_000).unref());
  const probe = db()
    .$queryRaw`SELECT 1`.then(() => true as const)
    .catch(() => false as const);
  return Promise.race([probe, timeout]);
}
