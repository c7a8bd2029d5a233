import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { freePort, startEmbeddedPostgres, type RunningPostgres } from "../../scripts/lib/embedded-postgres";
import { migrateDeploy } from "../../scripts/lib/migrate";

// The database stops while an administrator is using the console: the console says so in words (no stack,
// no blank page), the APIs answer 503 with a JSON error, and everything comes back by itself when the
// database does. A Registrar of its own, on a PostgreSQL of its own, so stopping it disturbs no other test.

test("[HARDENING][FAULTS] the console and the APIs when the database stops and comes back", async ({ browser }) => {
  test.setTimeout(240_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "registrar-console-faults-"));
  const pgPort = await freePort();
  const password = randomBytes(9).toString("hex");
  const startDatabase = () => startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: pgPort, password, persistent: true });
  let postgres: RunningPostgres = await startDatabase();
  let app: ChildProcess | undefined;
  try {
    await postgres.createDatabase("faults");
    const databaseUrl = postgres.url("faults");
    await migrateDeploy(databaseUrl, { quiet: true });
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const admin = { email: "faults@registrar.test", password: "faults-password-1" };
    app = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
      env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: "127.0.0.1", REGISTRAR_ISSUER: base, REGISTRAR_ENCRYPTION_KEY: randomBytes(32).toString("base64"), AUTH_SECRET: randomBytes(32).toString("base64url"), ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password, LOG_LEVEL: "warn" },
      stdio: "ignore",
    });
    await expect.poll(() => fetch(`${base}/api/health`).then((r) => r.status, () => 0), { timeout: 120_000 }).toBe(200);

    const context = await browser.newContext({ baseURL: base });
    const signIn = await context.request.post("/api/auth/sign-in/email", { headers: { origin: base }, data: admin });
    expect(signIn.status()).toBe(200);
    const page = await context.newPage();
    await page.goto("/clients");
    await expect(page.getByRole("heading", { level: 1, name: /Clients/ })).toBeVisible();

    await postgres.stop();
    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ status: "degraded", database: "unreachable" });
    const register = await fetch(`${base}/register`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ redirect_uris: ["https://down.example.com/cb"] }) });
    expect(register.status).toBe(503);
    expect(await register.json()).toMatchObject({ error: "temporarily_unavailable" });

    await page.reload();
    await expect(page.getByRole("heading", { name: "Registrar cannot reach its database" })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText("Nothing was changed.")).toBeVisible();
    await page.screenshot({ path: "e2e/screenshots/database-unreachable.png", fullPage: true });

    postgres = await startDatabase();
    // No reload: the page notices the database is back and shows the clients again.
    await expect(page.getByRole("heading", { level: 1, name: /Clients/ })).toBeVisible({ timeout: 60_000 });
    const again = await fetch(`${base}/register`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ redirect_uris: ["https://back.example.com/cb"] }) });
    expect(again.status).toBe(201);
    await context.close();
  } finally {
    // The app closes its database connections on SIGTERM and exits; its PostgreSQL stops after that.
    const running = app && app.exitCode === null && app.signalCode === null ? app : undefined;
    if (running) {
      const exited = new Promise((resolve) => running.once("exit", resolve));
      running.kill("SIGTERM");
      await exited;
    }
    await postgres.stop().catch(() => {});
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
