// The production build serving a throw-away embedded PostgreSQL, migrated, with an administrator signed in: what
// `npm run soak` and `npm run bench:history` measure. Needs `npm run build` first.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, startEmbeddedPostgres } from "./embedded-postgres";
import { migrateDeploy } from "./migrate";

export type ThrowawayServer = {
  databaseUrl: string;
  /** The server's origin, e.g. http://127.0.0.1:41234. */
  base: string;
  /** The administrator's session cookie. */
  cookie: string;
  /** The server's process id. */
  pid: number;
  /** Stops the server and the database, and removes the database's files. */
  stop: () => Promise<void>;
};

/** Starts one; `name` names its database and temporary folder. */
export async function startThrowawayServer(name: string): Promise<ThrowawayServer> {
  if (!fs.existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npm run build` first.");
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `registrar-${name}-`));
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(tmp, "pg"), port: await freePort(), password: randomBytes(12).toString("hex"), persistent: false });
  let server: ChildProcess | undefined;
  const stop = async () => {
    server?.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 1500));
    await postgres.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  try {
    await postgres.createDatabase(name);
    const databaseUrl = postgres.url(name);
    await migrateDeploy(databaseUrl, { quiet: true });
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const admin = { email: `${name}@registrar.test`, password: randomBytes(12).toString("hex") };
    server = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
      env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: "127.0.0.1", REGISTRAR_ISSUER: base, REGISTRAR_ENCRYPTION_KEY: randomBytes(32).toString("base64"), AUTH_SECRET: randomBytes(32).toString("base64url"), ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password, LOG_LEVEL: "warn" },
      stdio: ["ignore", "ignore", "inherit"],
    });
    for (let i = 0; ; i++) {
      if (i > 240) throw new Error("the server did not start");
      if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const signIn = await fetch(`${base}/api/auth/sign-in/email`, { method: "POST", headers: { "Content-Type": "application/json", Origin: base }, body: JSON.stringify(admin) });
    const cookie = signIn.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    if (!signIn.ok || !cookie) throw new Error(`sign-in failed: ${signIn.status}`);
    return { databaseUrl, base, cookie, pid: server.pid!, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
