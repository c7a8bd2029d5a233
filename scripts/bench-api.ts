// `npm run bench:api`: registrations per second and latency of `POST /register` under concurrent load,
// Registrar (production build, writing durably to an embedded PostgreSQL) next to node-oidc-provider
// (registration enabled, in memory), both started here on this machine and loaded the same way.
// Results are printed and written into docs/BENCHMARKS.md. Needs `npm run build` first.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import autocannon from "autocannon";
import { freePort, startEmbeddedPostgres } from "./lib/embedded-postgres";
import { migrateDeploy } from "./lib/migrate";
import { writeBenchmarkSection } from "./lib/benchmarks-doc";

const seconds = Number(process.env.BENCH_SECONDS ?? 15);
/** The target is judged at the first level; the others show how each server behaves under more concurrency. */
const levels = (process.env.BENCH_CONNECTIONS ?? "16,64").split(",").map(Number);
const body = JSON.stringify({ redirect_uris: ["https://app.example.com/callback"], client_name: "Benchmark client", grant_types: ["authorization_code"], response_types: ["code"] });

type Result = { name: string; connections: number; requestsPerSecond: number; p50: number; p99: number; total: number; errors: number; non2xx: number };

async function waitFor(url: string, child: ChildProcess, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited (${child.exitCode})`);
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not come up`);
}

const rounds = Number(process.env.BENCH_ROUNDS ?? 3);

type Server = { name: string; url: string };

const cannon = (url: string, connections: number, duration: number) =>
  autocannon({ url, method: "POST", headers: { "content-type": "application/json" }, body, connections, duration, pipelining: 1 });

/**
 * Both servers at one level of concurrency: each is warmed up (the JIT, the pools, the caches), then they are
 * loaded in turns, `rounds` times `seconds / rounds` each, so that a change in this machine's load during the
 * minute falls on both alike. Rates are over all rounds; p50 is the rounds' median, p99 their worst.
 */
async function level(servers: Server[], connections: number): Promise<Result[]> {
  for (const server of servers) await cannon(server.url, connections, 3);
  const runs = servers.map(() => [] as autocannon.Result[]);
  for (let round = 0; round < rounds; round++)
    for (const [i, server] of servers.entries()) runs[i]!.push(await cannon(server.url, connections, seconds / rounds));
  return servers.map((server, i) => {
    const results = runs[i]!;
    const total = results.reduce((sum, r) => sum + r.requests.total, 0);
    const p50s = results.map((r) => r.latency.p50).sort((a, b) => a - b);
    return {
      name: server.name,
      connections,
      requestsPerSecond: total / results.reduce((sum, r) => sum + r.duration, 0),
      p50: p50s[Math.floor(p50s.length / 2)]!,
      p99: Math.max(...results.map((r) => r.latency.p99)),
      total,
      errors: results.reduce((sum, r) => sum + r.errors + r.timeouts, 0),
      non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
    };
  });
}

async function main() {
  if (!fs.existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npm run build` first.");
  const children: ChildProcess[] = [];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "registrar-bench-"));
  const pg = await startEmbeddedPostgres({ dataDir: path.join(tmp, "pg"), port: await freePort(), password: randomBytes(12).toString("hex"), persistent: false });
  try {
    await pg.createDatabase("bench");
    const databaseUrl = pg.url("bench");
    await migrateDeploy(databaseUrl, { quiet: true });

    const registrarPort = await freePort();
    const registrar = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PORT: String(registrarPort),
        HOST: "127.0.0.1",
        REGISTRAR_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
        AUTH_SECRET: randomBytes(32).toString("base64url"),
        LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "ignore", "inherit"],
    });
    children.push(registrar);
    const oidcPort = await freePort();
    const oidc = spawn(process.execPath, ["scripts/lib/oidc-provider-server.mjs", String(oidcPort)], { stdio: ["ignore", "ignore", "inherit"] });
    children.push(oidc);
    await waitFor(`http://127.0.0.1:${registrarPort}/.well-known/oauth-authorization-server`, registrar);
    await waitFor(`http://127.0.0.1:${oidcPort}/.well-known/openid-configuration`, oidc);

    // Registrar's database keeps what earlier levels wrote.
    const servers: Server[] = [
      { name: "node-oidc-provider 9 (in memory)", url: `http://127.0.0.1:${oidcPort}/reg` },
      { name: "Registrar (PostgreSQL, durable)", url: `http://127.0.0.1:${registrarPort}/register` },
    ];
    const pairs: [Result, Result][] = [];
    for (const connections of levels) pairs.push((await level(servers, connections)) as [Result, Result]);
    const ratio = ([reference, ours]: [Result, Result]) => ours.requestsPerSecond / reference.requestsPerSecond;
    const table = [
      `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, Node ${process.versions.node}; autocannon at each level: a 3 s warm-up of each server, then ${rounds} turns of ${seconds / rounds} s each, the two servers alternating; all processes on this machine.`,
      "",
      "| connections | server | registrations/s | p50 | p99 | requests | errors / non-2xx |",
      "|---:|---|---:|---:|---:|---:|---:|",
      ...pairs.flat().map((r) => `| ${r.connections} | ${r.name} | ${r.requestsPerSecond.toFixed(0)} | ${r.p50} ms | ${r.p99} ms | ${r.total} | ${r.errors} / ${r.non2xx} |`),
      "",
      `**Registrar / node-oidc-provider at ${levels[0]} connections: ${ratio(pairs[0]!).toFixed(2)}×** (target: ≥ 1.00×).` +
        (pairs.length > 1 ? ` At ${pairs.slice(1).map((p) => `${p[0].connections}: ${ratio(p).toFixed(2)}×`).join(", ")}.` : ""),
    ].join("\n");
    process.stdout.write(`\n${table}\n`);
    writeBenchmarkSection("api", table);
    const failed = pairs.map(([, ours]) => ours).find((ours) => ours.errors || ours.non2xx);
    if (failed) throw new Error(`Registrar answered ${failed.errors} errors and ${failed.non2xx} non-2xx responses under load (${failed.connections} connections)`);
  } finally {
    for (const child of children) child.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 1000));
    await pg.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
