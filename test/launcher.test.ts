import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "@/scripts/lib/embedded-postgres";

// The launcher refuses a bad configuration, and the embedded PostgreSQL works for a normal (non-root) user
// too. Starting, Ctrl-C and restarting the whole app on the embedded default: e2e/api/launcher.spec.ts.

const tsx = path.resolve("node_modules/.bin/tsx");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "registrar-launcher-"));
afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("[FOUNDATION][LAUNCHER] the embedded default", () => {
  it("a bad configuration stops the start with a message naming the variable", async () => {
    const result = spawnSync(tsx, ["scripts/serve.ts"], { env: { ...process.env, PORT: "not-a-port", REGISTRAR_DATA_DIR: dataDir }, encoding: "utf8" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Registrar cannot start");
    expect(result.stderr).toContain("PORT must be a port number");
  });

  it("refuses to start with the credential ledger outside a test run, and writes nothing to it", () => {
    const ledger = path.join(dataDir, "credentials.txt");
    for (const nodeEnv of ["production", undefined] as const) {
      const env: Record<string, string | undefined> = { ...process.env, REGISTRAR_CREDENTIAL_LEDGER: ledger, REGISTRAR_DATA_DIR: dataDir };
      if (nodeEnv) env.NODE_ENV = nodeEnv;
      else delete env.NODE_ENV;
      const result = spawnSync(tsx, ["scripts/serve.ts"], { env: env as NodeJS.ProcessEnv, encoding: "utf8" });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain("Registrar cannot start");
      expect(result.stderr).toContain(`REGISTRAR_CREDENTIAL_LEDGER is for test runs only (NODE_ENV=test, as \`npm test\` sets it), and NODE_ENV is ${nodeEnv ? `"${nodeEnv}"` : "unset"}`);
      expect(result.stdout).not.toContain("ready at");
      expect(fs.existsSync(ledger)).toBe(false);
    }
  });

  it.runIf(process.getuid?.() === 0)("the embedded PostgreSQL runs for a normal user as well", async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), "registrar-user-"));
    fs.chmodSync(home, 0o777);
    const script = path.join(home, "start.ts");
    fs.writeFileSync(
      script,
      `import { startEmbeddedPostgres } from ${JSON.stringify(path.resolve("scripts/lib/embedded-postgres.ts"))};
       import pg from ${JSON.stringify(path.resolve("node_modules/pg/lib/index.js"))};
       const server = await startEmbeddedPostgres({ dataDir: ${JSON.stringify(path.join(home, "data"))}, port: ${await freePort()}, password: "user", persistent: false });
       const client = new pg.Client({ connectionString: server.url("postgres") });
       await client.connect();
       const { rows } = await client.query("SELECT current_user AS who, (SELECT usename FROM pg_user LIMIT 1) AS superuser");
       console.log(JSON.stringify(rows[0]));
       await client.end();
       await server.stop();`,
    );
    fs.renameSync(script, script.replace(/\.ts$/, ".mts"));
    const result = spawnSync("su", ["nobody", "-s", "/bin/sh", "-c", `cd ${JSON.stringify(process.cwd())} && HOME=${home} ${tsx} ${script.replace(/\.ts$/, ".mts")}`], { encoding: "utf8", timeout: 120_000 });
    fs.rmSync(home, { recursive: true, force: true });
    expect(result.stderr).not.toMatch(/Error/);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout.trim().split("\n").pop()!)).toMatchObject({ who: "postgres" });
  }, 180_000);
});
