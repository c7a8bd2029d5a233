// The database for the admin scripts (admin:create, db:seed, clients:import, clients:export): DATABASE_URL, else
// the embedded database under .data/ (started for the occasion, or the one a running `npm run dev` holds),
// migrated when it is new. Also who the script acts as in revisions and audit events, and how it exits.
import os from "node:os";
import path from "node:path";
import type { Caller } from "@/lib/audit";
import { startLocalDatabase, type LocalDatabase } from "./local-database";
import { migrateDeploy } from "./migrate";

/** Writes `message` to stderr and ends the process with `code`. */
export function exit(code: number, message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

/**
 * With DATABASE_URL unset, starts (or joins) the embedded database under .data/ and sets DATABASE_URL and the
 * secrets kept beside it; returns it, to stop it at the end. Undefined when DATABASE_URL names a database.
 */
export async function localDatabaseUnlessConfigured(options: { apiKey?: boolean } = {}): Promise<LocalDatabase | undefined> {
  if (process.env.DATABASE_URL) return undefined;
  const local = await startLocalDatabase({ dataDir: path.resolve(process.env.REGISTRAR_DATA_DIR ?? ".data"), reuseRunning: true });
  process.env.DATABASE_URL = local.url;
  process.env.REGISTRAR_ENCRYPTION_KEY ||= local.secrets.encryptionKey;
  process.env.AUTH_SECRET ||= local.secrets.authSecret;
  if (options.apiKey) process.env.REGISTRAR_API_KEY ||= local.secrets.apiKey;
  return local;
}

/** Runs `work` with the database ready and closes it after; returns work's exit code. */
export async function withCliDatabase(work: () => Promise<number>): Promise<number> {
  const local = await localDatabaseUnlessConfigured();
  const { config } = await import("@/lib/config");
  const { closeDatabase } = await import("@/lib/db");
  try {
    config();
    if (local) await migrateDeploy(local.url, { quiet: true });
    return await work();
  } finally {
    await closeDatabase().catch(() => {});
    await local?.stop();
  }
}

/** The operator at the command line: `cli:<operating system user>`, through the `cli` interface. */
export function cliCaller(): Caller {
  let user = "unknown";
  try {
    user = os.userInfo().username;
  } catch {
    // No user name (a container without one): stays "unknown".
  }
  return { interface: "cli", actor: `cli:${user}`, ip: null, requestId: null };
}
