// `npm test`: everything, in order — type check, lint, unit and integration tests (Vitest) against a real
// PostgreSQL, a production build, and the Playwright end-to-end tests in Chromium against it. The
// PostgreSQL is a throw-away embedded one (or TEST_DATABASE_URL's server), removed at the end.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { freePort, startEmbeddedPostgres, type RunningPostgres } from "./lib/embedded-postgres";
import { migrateDeploy } from "./lib/migrate";
import { troublesOf } from "./lib/e2e-report";

const results: { step: string; ok: boolean; seconds: number }[] = [];
const only = process.argv.slice(2); // e.g. `npm test -- vitest e2e` runs only those steps

function wanted(step: string) {
  return only.length === 0 || only.includes(step);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on("error", () => resolve(127));
  });
}

async function step(name: string, action: () => Promise<number>, always = false) {
  if (!always && !wanted(name)) return;
  process.stdout.write(`\n━━ ${name} ━━\n`);
  const started = Date.now();
  const code = await action();
  results.push({ step: name, ok: code === 0, seconds: (Date.now() - started) / 1000 });
}

async function sibling(url: string, database: string): Promise<string> {
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
  const target = new URL(url);
  target.pathname = `/${database}`;
  return target.toString();
}

function chromiumPath(): string | undefined {
  const candidate = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  return fs.existsSync(candidate) ? candidate : undefined;
}

let e2eTroubles: string[] = [];

async function main() {
  const npx = path.resolve("node_modules", ".bin");
  await step("typecheck", () => run(path.join(npx, "tsc"), ["--noEmit"]));
  await step("lint", () => run(path.join(npx, "eslint"), ["--max-warnings=0", "."]));

  const needsDatabase = wanted("vitest") || wanted("e2e");
  let embedded: RunningPostgres | undefined;
  let tmp: string | undefined;
  let unitUrl = "";
  let e2eUrl = "";
  if (needsDatabase) {
    if (process.env.TEST_DATABASE_URL) {
      unitUrl = process.env.TEST_DATABASE_URL;
      e2eUrl = await sibling(unitUrl, `${new URL(unitUrl).pathname.slice(1)}_e2e`);
    } else {
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), "registrar-test-"));
      embedded = await startEmbeddedPostgres({ dataDir: path.join(tmp, "pg"), port: await freePort(), password: randomBytes(12).toString("hex"), persistent: false });
      await embedded.createDatabase("registrar_test");
      await embedded.createDatabase("registrar_e2e");
      unitUrl = embedded.url("registrar_test");
      e2eUrl = embedded.url("registrar_e2e");
    }
    process.stdout.write(`\nPostgreSQL for tests: ${embedded ? "embedded, throw-away" : "TEST_DATABASE_URL"}\n`);
    await migrateDeploy(unitUrl, { quiet: true });
    await migrateDeploy(e2eUrl, { quiet: true });
  }

  // Evidence for the last step: every credential the run issues, and every log line it writes.
  const evidence = fs.mkdtempSync(path.join(os.tmpdir(), "registrar-evidence-"));
  const ledger = path.join(evidence, "credentials.txt");
  const logs = { vitest: path.join(evidence, "vitest.log"), e2e: path.join(evidence, "e2e-server.log") };
  const e2eReport = path.join(evidence, "e2e-report.json");
  // NODE_ENV=test marks a test run, the only one allowed a ledger (refuseCredentialLedgerOutsideTests in lib/config.ts);
  // the launcher still serves the production build.
  const traced = (log: string) => ({ REGISTRAR_CREDENTIAL_LEDGER: ledger, REGISTRAR_LOG_FILE: log, LOG_LEVEL: "debug", NODE_ENV: "test" as const });

  try {
    await step("vitest", () => run(path.join(npx, "vitest"), ["run"], { ...process.env, DATABASE_URL: unitUrl, ...traced(logs.vitest) }));

    if (wanted("e2e")) {
      await step("build", () => run(path.join(npx, "next"), ["build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1" }), true);
      const chromium = chromiumPath();
      if (!chromium) {
        process.stderr.write(
          `\nNo Chromium at ${process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"}. Install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH.\n`,
        );
        results.push({ step: "e2e", ok: false, seconds: 0 });
      } else if (results.find((r) => r.step === "build")?.ok) {
        await step("e2e", async () =>
          run(path.join(npx, "playwright"), ["test", "--reporter=list,json"], {
            ...process.env,
            PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport,
            CHROMIUM_PATH: chromium,
            DATABASE_URL: e2eUrl,
            E2E_PORT: String(await freePort()),
            ...traced(logs.e2e),
          }),
        );
      }
    }

    if (needsDatabase && results.some((r) => r.step === "vitest" || r.step === "e2e"))
      await step(
        "secrets",
        () =>
          run(process.execPath, ["--import", "tsx", "scripts/check-secrets.ts"], {
            ...process.env,
            SECRET_SCAN_LEDGER: ledger,
            SECRET_SCAN_LOGS: Object.values(logs).join(","),
            SECRET_SCAN_DATABASES: [unitUrl, e2eUrl].join(","),
          }),
        true,
      );
    e2eTroubles = troublesOf(e2eReport);
  } finally {
    fs.rmSync(evidence, { recursive: true, force: true });
    await embedded?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  }

  process.stdout.write("\n━━ summary ━━\n");
  for (const r of results) process.stdout.write(`${r.ok ? "PASS" : "FAIL"}  ${r.step.padEnd(10)} ${r.seconds.toFixed(1)} s\n`);
  if (e2eTroubles.length) process.stdout.write(`\nEnd-to-end tests that failed or needed their retry:\n${e2eTroubles.join("\n")}\n`);
  const failed = results.filter((r) => !r.ok);
  process.stdout.write(failed.length ? `\n${failed.length} step(s) failed: ${failed.map((r) => r.step).join(", ")}\n` : "\nAll steps passed.\n");
  process.exit(failed.length ? 1 : 0);
}

main().catch((error) => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
