// `npm run dev` / `npm start`: Registrar in one process. With DATABASE_URL unset it starts an embedded
// PostgreSQL under .data/ (secrets generated into .data/secrets.json); then it applies pending migrations,
// listens for the changes other instances announce, creates the default service and the first administrator,
// and serves the console and the protocol endpoints.
import http from "node:http";
import path from "node:path";
import { startLocalDatabase, type LocalDatabase } from "./lib/local-database";
import { migrateDeploy } from "./lib/migrate";

const dev = process.argv.includes("--dev");
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
// The environment as given, before the launcher sets NODE_ENV for Next.js: whether this is a test run.
const givenEnvironment = { ...process.env };
// Next.js reads NODE_ENV when it is loaded; set it before anything imports it.
(process.env as Record<string, string>).NODE_ENV = dev ? "development" : "production";

const dataDir = path.resolve(process.env.REGISTRAR_DATA_DIR ?? ".data");

function fail(message: string): never {
  process.stderr.write(`\nRegistrar cannot start:\n${message}\n\n`);
  process.exit(1);
}

async function main() {
  const { parseConfig, refuseCredentialLedgerOutsideTests, ConfigError } = await import("@/lib/config");
  try {
    refuseCredentialLedgerOutsideTests(givenEnvironment);
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }

  let embedded: LocalDatabase | undefined;
  let databaseLabel: string;
  const apiKeyGenerated = !process.env.REGISTRAR_API_KEY;
  if (!process.env.DATABASE_URL) {
    const pgLog: string[] = [];
    try {
      embedded = await startLocalDatabase({ dataDir, onLog: (line) => pgLog.push(line) });
    } catch (error) {
      fail(`${(error as Error).message}\n${pgLog.slice(-15).join("")}`);
    }
    process.env.REGISTRAR_ENCRYPTION_KEY ||= embedded.secrets.encryptionKey;
    process.env.AUTH_SECRET ||= embedded.secrets.authSecret;
    process.env.REGISTRAR_API_KEY ||= embedded.secrets.apiKey;
    process.env.DATABASE_URL = embedded.url;
    databaseLabel = embedded.label;
  } else {
    const url = new URL(process.env.DATABASE_URL);
    databaseLabel = `${url.hostname}:${url.port || 5432}${url.pathname} (DATABASE_URL)`;
  }

  let config;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }

  try {
    await migrateDeploy(config.databaseUrl, { quiet: true });
  } catch (error) {
    fail(`Could not apply database migrations to ${databaseLabel}.\n${(error as Error).message}`);
  }

  // Changes other instances make reach this one's caches at once (README, Several instances).
  const { startInvalidationListener, stopInvalidationListener } = await import("@/lib/invalidation");
  startInvalidationListener(config.databaseUrl);

  const { ensureDefaultService } = await import("@/lib/services");
  const { ensureFirstAdministrator } = await import("@/lib/auth/administrators");
  await ensureDefaultService(config);
  const adminState = await ensureFirstAdministrator(config.admin);

  const { markStartedByLauncher } = await import("@/lib/launcher/launched");
  markStartedByLauncher();
  const { default: next } = await import("next");
  const app = next({ dev, dir: process.cwd(), hostname: config.hostname, port: config.port });
  await app.prepare();
  const { createRequestListener } = await import("@/lib/launcher/listener");
  const server = http.createServer(createRequestListener(app.getRequestHandler()));
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "EADDRINUSE" ? new Error(`Port ${config.port} is in use; set PORT to a free port.`) : error),
    );
    server.listen(config.port, config.hostname, resolve);
  });

  const lines = [
    `Registrar ${dev ? "(development)" : ""} ready at ${config.issuer}`,
    `  database:  ${databaseLabel}`,
    `  service:   ${config.serviceId} (registration endpoint ${config.issuer}/register)`,
  ];
  if (embedded && apiKeyGenerated) lines.push(`  API key:   in ${path.relative(process.cwd(), dataDir)}/secrets.json ("apiKey")`);
  if (adminState === "created") lines.push(`  administrator ${config.admin!.email} created`);
  if (adminState === "exists" && config.admin)
    lines.push(`  ADMIN_EMAIL and ADMIN_PASSWORD were not used: an administrator exists already (they create only the first one; add others with npm run admin:create)`);
  if (adminState === "none")
    lines.push(`  no administrator yet: npm run admin:create -- --email you@example.com --password '<12+ characters>' --role admin`);
  process.stdout.write(`\n${lines.join("\n")}\n\n`);

  // Old audit events and counters are pruned by the app itself (README, Configuration: retention).
  const { startPruning } = await import("@/lib/registration/retention");
  const pruning = startPruning();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping Registrar…\n`);
    pruning.stop();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await app.close().catch(() => {});
    await stopInvalidationListener();
    const { closeDatabase } = await import("@/lib/db");
    await closeDatabase().catch(() => {});
    if (embedded) await embedded.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error) => fail(error instanceof Error ? (error.stack ?? error.message) : String(error)));
