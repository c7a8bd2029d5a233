// `npm run bench:import`: clients per second of a client-file import (lib/migration) —
// the dry run, the apply into an empty service, and the same file applied again (every client unchanged) —
// on a fresh embedded PostgreSQL (durable), all in this process as `npm run clients:import` runs it. The file is
// 100,000 generated RFC 7591 client information records (BENCH_CLIENTS), half of them confidential with a
// secret and a registration access token. Results are printed and written into docs/BENCHMARKS.md.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { writeBenchmarkSection } from "./lib/benchmarks-doc";
import { freePort, startEmbeddedPostgres } from "./lib/embedded-postgres";
import { migrateDeploy } from "./lib/migrate";
import { postgresCpu } from "./lib/process-cpu";

const clients = Number(process.env.BENCH_CLIENTS ?? 100_000);
const batchSize = Number(process.env.BENCH_BATCH ?? 500);
/** The target: an apply of 100,000 clients at 2,000 clients/s or more. */
const target = 2_000;

/** One client's information as another Registrar exports it (docs/API.md, Client files). */
function record(i: number): Record<string, unknown> {
  const confidential = i % 2 === 0;
  const host = `app${i % 997}.example${i % 13}.com`;
  const base: Record<string, unknown> = {
    client_id: `bench-${i.toString(36).padStart(6, "0")}-${randomBytes(6).toString("base64url")}`,
    client_id_issued_at: 1_700_000_000 + i,
    client_secret_expires_at: 0,
    client_name: `Benchmark client ${i}`,
    contacts: [`ops${i % 50}@example${i % 13}.com`],
  };
  if (confidential)
    return Object.assign(base, {
      client_secret: randomBytes(32).toString("base64url"),
      registration_access_token: randomBytes(32).toString("base64url"),
      redirect_uris: [`https://${host}/callback`, `https://${host}/oauth/${i}`],
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
      logo_uri: `https://${host}/logo.png`,
      scope: "openid profile email",
    });
  return Object.assign(base, {
    application_type: "native",
    redirect_uris: [`com.example${i % 13}.app${i}:/callback`],
    grant_types: ["authorization_code"],
    token_endpoint_auth_method: "none",
    software_id: `software-${i % 101}`,
    software_version: "1.0",
  });
}

const rate = (n: number, ms: number) => Math.round(n / (ms / 1000));

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "registrar-bench-import-"));
  const pgDir = path.join(tmp, "pg");
  const postgres = await startEmbeddedPostgres({ dataDir: pgDir, port: await freePort(), password: randomBytes(12).toString("hex"), persistent: false });
  try {
    await postgres.createDatabase("bench");
    const databaseUrl = postgres.url("bench");
    await migrateDeploy(databaseUrl, { quiet: true });
    Object.assign(process.env, { DATABASE_URL: databaseUrl, REGISTRAR_ENCRYPTION_KEY: randomBytes(32).toString("base64"), AUTH_SECRET: randomBytes(32).toString("base64url"), LOG_LEVEL: "warn" });
    const { db, closeDatabase } = await import("@/lib/db");
    const { applyImport, planImport } = await import("@/lib/migration/import");
    const serviceId = "bench";
    await db().service.create({ data: { id: serviceId, name: "Benchmark" } });

    let text = "";
    for (let i = 0; i < clients; i++) text += `${JSON.stringify(record(i))}\n`;
    const megabytes = Buffer.byteLength(text) / 1e6;
    process.stderr.write(`${clients} clients, ${megabytes.toFixed(1)} MB of NDJSON\n`);

    const caller = { interface: "cli" as const, actor: "cli:bench" };
    /** The step's wall time, and the CPU time this process (the import) and PostgreSQL spent on it. */
    const timed = async <T>(label: string, work: (progress: (done: number, total: number) => void) => Promise<T>) => {
      const started = performance.now();
      const nodeBefore = process.cpuUsage();
      const postgresBefore = postgresCpu(pgDir);
      let shown = -1;
      const result = await work((done, total) => {
        const tenth = Math.floor((done / total) * 10);
        if (tenth !== shown) process.stderr.write(`${label}: ${done}/${total}\n`);
        shown = tenth;
      });
      const node = process.cpuUsage(nodeBefore);
      const postgresAfter = postgresCpu(pgDir);
      return {
        result,
        ms: performance.now() - started,
        cpu: { node: (node.user + node.system) / 1000, postgres: postgresBefore !== undefined && postgresAfter !== undefined ? postgresAfter - postgresBefore : undefined },
      };
    };
    const loadBefore = os.loadavg()[0]!;
    const dryRun = await timed("dry run", () => planImport(serviceId, text));
    const apply = await timed("apply", (onProgress) => applyImport(serviceId, text, caller, { batchSize, onProgress }));
    const again = await timed("apply again", (onProgress) => applyImport(serviceId, text, caller, { batchSize, onProgress }));
    for (const [name, run, outcome] of [["dry run", dryRun, "create"], ["apply", apply, "create"], ["apply again", again, "unchanged"]] as const) {
      if (run.result.counts[outcome] !== clients) throw new Error(`${name}: expected ${clients} × ${outcome}, got ${JSON.stringify(run.result.counts)}`);
    }
    const rows = await db().client.count({ where: { serviceId } });
    if (rows !== clients) throw new Error(`expected ${clients} clients stored, found ${rows}`);
    await closeDatabase();

    const perClient = (ms: number) => (ms / clients).toFixed(2);
    const row = (step: string, outcome: string, run: typeof apply) =>
      `| ${step} | ${outcome} | ${(run.ms / 1000).toFixed(1)} s | ${rate(clients, run.ms)} | ${perClient(run.cpu.node)} ms | ${run.cpu.postgres === undefined ? "–" : `${perClient(run.cpu.postgres)} ms`} |`;
    const cpu = os.cpus();
    const lines = [
      `Measured ${new Date().toISOString().slice(0, 10)} in one run on ${cpu.length} × ${cpu[0]?.model.trim().split(" ").slice(0, 2).join(" ") ?? "CPU"}, Node ${process.versions.node}: ${clients.toLocaleString("en")} generated RFC 7591 client information records as NDJSON (${megabytes.toFixed(0)} MB; half confidential with a secret and a registration access token), imported into an empty service of a fresh embedded PostgreSQL (durable) in this process (\`applyImport\` as \`npm run clients:import -- --apply\` calls it), batches of ${batchSize}, three in flight.`,
      "",
      `Load average (1 min) before the run: ${loadBefore.toFixed(1)}, after: ${os.loadavg()[0]!.toFixed(1)}.`,
      "",
      "| step | outcome | time | clients/s | CPU per client: import (node) | PostgreSQL |",
      "|---|---|---:|---:|---:|---:|",
      row("dry run (`planImport`)", `${clients.toLocaleString("en")} create`, dryRun),
      row("apply (`applyImport`)", `${clients.toLocaleString("en")} created`, apply),
      row("apply the same file again", `${clients.toLocaleString("en")} unchanged`, again),
      "",
      `**Apply: ${rate(clients, apply.ms)} clients/s** (target: ≥ ${target.toLocaleString("en")}).` +
        (apply.cpu.postgres !== undefined ? ` CPU per applied client, node and PostgreSQL together: ${perClient(apply.cpu.node + apply.cpu.postgres)} ms.` : ""),
    ];
    const section = lines.join("\n");
    process.stdout.write(`${section}\n`);
    writeBenchmarkSection("import", section, { after: "soak" });
  } finally {
    await postgres.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
