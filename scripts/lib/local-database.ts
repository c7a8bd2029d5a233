// The default database when DATABASE_URL is unset: the embedded PostgreSQL kept under .data/postgres, with
// its secrets in .data/secrets.json. Used by the launcher (scripts/serve.ts) and by the admin scripts.
import fs from "node:fs";
import path from "node:path";
import { loadOrCreateLocalSecrets, type LocalSecrets } from "./local-secrets";
import { startEmbeddedPostgres } from "./embedded-postgres";

export type LocalDatabase = {
  /** Connection URL of the `registrar` database. */
  url: string;
  secrets: LocalSecrets;
  /** Where it runs, for start-up messages. */
  label: string;
  /** Stops the server if this process started it; a server another process runs is left alone. */
  stop: () => Promise<void>;
};

type Options = {
  dataDir: string;
  port?: number;
  /** Connect to a server that another process (a running `npm run dev`) already runs on this data, instead of stopping it. */
  reuseRunning?: boolean;
  onLog?: (line: string) => void;
};

const database = "registrar";

export async function startLocalDatabase({ dataDir, port: requestedPort, reuseRunning = false, onLog }: Options): Promise<LocalDatabase> {
  const secrets = loadOrCreateLocalSecrets(dataDir);
  const pgDataDir = path.join(dataDir, "postgres");
  const port = requestedPort ?? Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54329);
  const label = (p: number) => `embedded PostgreSQL (${path.relative(process.cwd(), dataDir) || "."}/postgres, 127.0.0.1:${p})`;

  const runningPort = reuseRunning ? portOfRunningServer(pgDataDir) : undefined;
  if (runningPort) {
    const url = `postgresql://postgres:${encodeURIComponent(secrets.postgresPassword)}@127.0.0.1:${runningPort}/${database}`;
    return { url, secrets, label: label(runningPort), stop: async () => {} };
  }

  const server = await startEmbeddedPostgres({ dataDir: pgDataDir, port, password: secrets.postgresPassword, persistent: true, onLog });
  await server.createDatabase(database);
  return { url: server.url(database), secrets, label: label(port), stop: () => server.stop() };
}

/** The port of a live server holding `pgDataDir` (from its postmaster.pid), if there is one. */
function portOfRunningServer(pgDataDir: string): number | undefined {
  const pidFile = path.join(pgDataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return undefined;
  const [pid, , , port] = fs.readFileSync(pidFile, "utf8").split("\n");
  try {
    process.kill(Number(pid), 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return undefined;
  }
  return Number(port) || undefined;
}
