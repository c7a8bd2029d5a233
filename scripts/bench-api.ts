// `npm run bench:api`: registrations per second and latency of `POST /register` under concurrent load,
// Registrar (production build, writing durably to an embedded PostgreSQL) next to node-oidc-provider
// (registration enabled, in memory), both started here on this machine and loaded the same way.
// Results are printed and written into docs/BENCHMARKS.md. Needs `npm run build` first.
// With BENCH_BASELINE=<dir>, another checkout of Registrar (its dependencies installed and built) is measured in
// the same run as a third server, started the same way from <dir> on its own database; the comparison goes into
// the section "api:baseline".
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import autocannon from "autocannon";
import { freePort, startEmbeddedPostgres, type RunningPostgres } from "./lib/embedded-postgres";
import { migrateDeploy } from "./lib/migrate";
import { writeBenchmarkSection } from "./lib/benchmarks-doc";
import { cpuOf, postgresCpu } from "./lib/process-cpu";

const seconds = Number(process.env.BENCH_SECONDS ?? 15);
/** The target is judged at the first level; the others show how each server behaves under more concurrency. */
const levels = (process.env.BENCH_CONNECTIONS ?? "16,64").split(",").map(Number);
const body = JSON.stringify({ redirect_uris: ["https://app.example.com/callback"], client_name: "Benchmark client", grant_types: ["authorization_code"], response_types: ["code"] });

/** The other build to measure next to this one, if any. */
const baseline = process.env.BENCH_BASELINE ? path.resolve(process.env.BENCH_BASELINE) : undefined;

type Result = {
  name: string;
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  total: number;
  errors: number;
  non2xx: number;
  /** Each turn's registrations per second, in the order run. */
  turns: number[];
  /** CPU time per registration (ms) of the server's process and of its PostgreSQL, where /proc tells. */
  cpu: { server?: number; postgres?: number };
};

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

type Server = { name: string; url: string; pid?: number; postgresDir?: string };

function cpuNow(server: Server) {
  return { server: server.pid ? cpuOf(server.pid)?.ms : undefined, postgres: server.postgresDir ? postgresCpu(server.postgresDir) : undefined };
}

const cannon = (url: string, connections: number, duration: number) =>
  autocannon({ url, method: "POST", headers: { "content-type": "application/json" }, body, connections, duration, pipelining: 1 });

/**
 * The servers at one level of concurrency: each is warmed up (the JIT, the pools, the caches), then they are
 * loaded in turns, `rounds` times `seconds / rounds` each, so that a change in this machine's load during the
 * minute falls on all alike. Rates are over all rounds; p50 is the rounds' median, p99 their worst. With more
 * than two servers the order of the turns rotates from one round to the next, so that no server always follows
 * the same one (and, say, the background writes of the PostgreSQL just loaded).
 */
async function level(servers: Server[], connections: number): Promise<Result[]> {
  for (const server of servers) await cannon(server.url, connections, 3);
  const runs = servers.map(() => [] as autocannon.Result[]);
  const cpu = servers.map(() => ({ server: 0 as number | undefined, postgres: 0 as number | undefined }));
  for (let round = 0; round < rounds; round++) {
    const order = servers.length > 2 ? servers.map((_, k) => (k + round) % servers.length) : servers.map((_, k) => k);
    for (const i of order) {
      const server = servers[i]!;
      const before = cpuNow(server);
      runs[i]!.push(await cannon(server.url, connections, seconds / rounds));
      const after = cpuNow(server);
      const spent = (key: "server" | "postgres") =>
        cpu[i]![key] === undefined || before[key] === undefined || after[key] === undefined ? undefined : cpu[i]![key]! + after[key]! - before[key]!;
      cpu[i] = { server: spent("server"), postgres: spent("postgres") };
    }
  }
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
      turns: results.map((r) => r.requests.total / r.duration),
      cpu: { server: cpu[i]!.server !== undefined && total ? cpu[i]!.server! / total : undefined, postgres: cpu[i]!.postgres !== undefined && total ? cpu[i]!.postgres! / total : undefined },
    };
  });
}

/**
 * Registrar from checkout `dir` (this one, or the baseline's) on a throw-away embedded PostgreSQL of its own,
 * migrated by that checkout: its production build, started as `npm start` starts it.
 */
async function startRegistrar(dir: string, dataDir: string, databases: RunningPostgres[], children: ChildProcess[]) {
  const pg = await startEmbeddedPostgres({ dataDir, port: await freePort(), password: randomBytes(12).toString("hex"), persistent: false });
  databases.push(pg);
  await pg.createDatabase("bench");
  const databaseUrl = pg.url("bench");
  await migrateDeploy(databaseUrl, { quiet: true, cwd: dir });

  const port = await freePort();
  const registrar = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
    cwd: dir,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      REGISTRAR_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  children.push(registrar);
  return { port, process: registrar, postgresDir: dataDir };
}

async function main() {
  if (!fs.existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npm run build` first.");
  if (baseline && !fs.existsSync(path.join(baseline, ".next/BUILD_ID"))) throw new Error(`BENCH_BASELINE: no production build in ${baseline}.`);
  const children: ChildProcess[] = [];
  const databases: RunningPostgres[] = [];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "registrar-bench-"));
  try {
    const registrar = await startRegistrar(process.cwd(), path.join(tmp, "pg"), databases, children);
    const other = baseline ? await startRegistrar(baseline, path.join(tmp, "pg-baseline"), databases, children) : undefined;
    const oidcPort = await freePort();
    const oidc = spawn(process.execPath, ["scripts/lib/oidc-provider-server.mjs", String(oidcPort)], { stdio: ["ignore", "ignore", "inherit"] });
    children.push(oidc);
    await waitFor(`http://127.0.0.1:${registrar.port}/.well-known/oauth-authorization-server`, registrar.process);
    if (other) await waitFor(`http://127.0.0.1:${other.port}/.well-known/oauth-authorization-server`, other.process);
    await waitFor(`http://127.0.0.1:${oidcPort}/.well-known/openid-configuration`, oidc);

    // Registrar's database keeps what earlier levels wrote.
    const servers: Server[] = [
      { name: "node-oidc-provider 9 (in memory)", url: `http://127.0.0.1:${oidcPort}/reg`, pid: oidc.pid },
      { name: "Registrar (PostgreSQL, durable)", url: `http://127.0.0.1:${registrar.port}/register`, pid: registrar.process.pid, postgresDir: registrar.postgresDir },
      ...(other ? [{ name: "Registrar (baseline)", url: `http://127.0.0.1:${other.port}/register`, pid: other.process.pid, postgresDir: other.postgresDir }] : []),
    ];
    const results: Result[][] = [];
    for (const connections of levels) results.push(await level(servers, connections));
    const pairs = results.map(([reference, ours]) => [reference, ours] as [Result, Result]);
    const ratio = ([reference, ours]: [Result, Result]) => ours.requestsPerSecond / reference.requestsPerSecond;
    const measured = `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, Node ${process.versions.node}; autocannon at each level: a 3 s warm-up of each server, then ${rounds} turns of ${seconds / rounds} s each, the ${servers.length === 2 ? "two servers alternating" : `${servers.length} servers alternating (in an order that rotates each round)`}; all processes on this machine.`;
    const table = [
      measured,
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
    if (other) {
      const ms = (value?: number) => (value === undefined ? "–" : `${value.toFixed(2)} ms`);
      const comparison = [
        `${measured} Baseline: the build in ${baseline}${commitOf(baseline!)}; this build${commitOf(process.cwd())}.`,
        "",
        "| connections | server | registrations/s | each turn | p50 | p99 | requests | errors / non-2xx | CPU per registration: server | PostgreSQL |",
        "|---:|---|---:|---|---:|---:|---:|---:|---:|---:|",
        ...results
          .flat()
          .map(
            (r) =>
              `| ${r.connections} | ${r.name} | ${r.requestsPerSecond.toFixed(0)} | ${r.turns.map((t) => t.toFixed(0)).join(", ")} | ${r.p50} ms | ${r.p99} ms | ${r.total} | ${r.errors} / ${r.non2xx} | ${ms(r.cpu.server)} | ${ms(r.cpu.postgres)} |`,
          ),
        "",
        `**This build / baseline at ${results.map((r) => `${r[1]!.connections}: ${(r[1]!.requestsPerSecond / r[2]!.requestsPerSecond).toFixed(2)}×`).join(", at ")}** ` +
          `(turn by turn: ${results.map((r) => r[1]!.turns.map((t, k) => (t / r[2]!.turns[k]!).toFixed(2)).join(", ")).join("; ")}). ` +
          `Registrar / node-oidc-provider, this build: ${results.map((r) => (r[1]!.requestsPerSecond / r[0]!.requestsPerSecond).toFixed(2)).join(", ")}; baseline: ${results.map((r) => (r[2]!.requestsPerSecond / r[0]!.requestsPerSecond).toFixed(2)).join(", ")}.`,
      ].join("\n");
      process.stdout.write(`\n${comparison}\n`);
      writeBenchmarkSection("api:baseline", comparison, { after: "api" });
    }
    const failed = results.flatMap((level) => level.slice(1)).find((ours) => ours.errors || ours.non2xx);
    if (failed) throw new Error(`${failed.name} answered ${failed.errors} errors and ${failed.non2xx} non-2xx responses under load (${failed.connections} connections)`);
  } finally {
    for (const child of children) child.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 1000));
    for (const database of databases) await database.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** " (commit abc1234)" when `dir` is a git checkout. */
function commitOf(dir: string) {
  try {
    return ` (commit ${execFileSync("git", ["-C", dir, "rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim()})`;
  } catch {
    return "";
  }
}

main().catch((error) => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
