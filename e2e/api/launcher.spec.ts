import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";

// `npm start` with DATABASE_URL unset, as a newcomer runs it: an embedded PostgreSQL under the data
// directory, migrations, the default service; it says what it uses, stops cleanly on Ctrl-C (SIGINT), and
// keeps its data and generated secrets across a restart.

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

async function launch(env: Record<string, string>) {
  // The embedded default: none of the test run's database or secrets.
  const { DATABASE_URL: _db, REGISTRAR_ENCRYPTION_KEY: _key, AUTH_SECRET: _auth, REGISTRAR_API_KEY: _api, REGISTRAR_ISSUER: _issuer, ...inherited } = process.env;
  // Its own process group, so that Ctrl-C reaches the launcher the way a terminal delivers it.
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], { env: { ...inherited, ...env, LOG_LEVEL: "warn" }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  await expect.poll(() => (child.exitCode === null ? /ready at/.test(output) : `exited: ${output}`), { timeout: 120_000 }).toBe(true);
  return { child, output: () => output };
}

function interrupt(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  process.kill(-child.pid!, "SIGINT");
  return exited;
}

test("[FOUNDATION][LAUNCHER] the embedded default starts, stops cleanly on Ctrl-C and keeps its data across a restart", async () => {
  test.setTimeout(300_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "registrar-launcher-"));
  const port = await freePort();
  const env = { PORT: String(port), HOST: "127.0.0.1", EMBEDDED_POSTGRES_PORT: String(await freePort()), REGISTRAR_DATA_DIR: dataDir };
  try {
    const first = await launch(env);
    expect(first.output()).toContain(`ready at http://localhost:${port}`);
    expect(first.output()).toMatch(/database: +embedded PostgreSQL \(.*postgres, 127\.0\.0\.1:\d+\)/);
    expect(first.output()).toContain("service:   default (registration endpoint");
    expect(first.output()).toContain('API key:   in');
    const secretsFile = path.join(dataDir, "secrets.json");
    const secrets = JSON.parse(fs.readFileSync(secretsFile, "utf8"));
    expect(Object.keys(secrets).sort()).toEqual(["apiKey", "authSecret", "encryptionKey", "postgresPassword"]);
    expect(fs.statSync(secretsFile).mode & 0o777).toBe(0o600);

    const registered = await fetch(`http://127.0.0.1:${port}/register`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ redirect_uris: ["https://restart.example.com/cb"] }) });
    expect(registered.status).toBe(201);
    const client = (await registered.json()) as { client_id: string; registration_access_token: string; client_secret: string };

    expect(await interrupt(first.child)).toBe(0);
    expect(first.output()).toContain("SIGINT: stopping Registrar");
    expect(fs.existsSync(path.join(dataDir, "postgres", "postmaster.pid"))).toBe(false); // PostgreSQL stopped as well

    const second = await launch(env);
    const read = await fetch(`http://127.0.0.1:${port}/register/${client.client_id}`, { headers: { Authorization: `Bearer ${client.registration_access_token}` } });
    expect(read.status).toBe(200);
    expect(((await read.json()) as { client_secret: string }).client_secret).toBe(client.client_secret); // the same generated encryption key
    expect(JSON.parse(fs.readFileSync(secretsFile, "utf8"))).toEqual(secrets);
    expect(await interrupt(second.child)).toBe(0);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
