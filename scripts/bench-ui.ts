// `npm run bench:ui [-- --keep <dir>] [-- --load-only]`: the console's budgets at a million clients. On a throw-away
// embedded PostgreSQL (or one kept in <dir> between runs) it loads the demo data set and 1,000,000 synthetic
// clients spread over three services of different sizes (`services` below), starts the production build, signs an
// administrator in and measures, in each service:
//   - the server's response time (whole body) of the clients list with and without a search or a filter, and of
//     a client's page (target p50 < 50 ms), with the CPU time per request of the server and of PostgreSQL; and
//     the audit log of the default service;
//   - the first-load JavaScript of every page, gzipped (target < 200 kB);
//   - Lighthouse (desktop preset) on the list, a client's page and its edit page (targets: performance ≥ 0.95, accessibility 1.0).
// Results are printed and written into docs/BENCHMARKS.md (section "ui"). Needs `npm run build` first.
// With --load-only it loads the data into <dir> (or finds it there) and stops, to look at the queries by hand.
// With BENCH_BASELINE=<dir>, another checkout of Registrar (its dependencies installed and built) is started too,
// against the same database (which this checkout migrates and loads), and each page is measured on both servers
// in alternation; the comparison, with both builds' first-load JavaScript, goes into the section "ui:baseline".
// The baseline must serve the same pages (the console under /services/{serviceId}/…).
import { execFile, execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs, promisify } from "node:util";
import zlib from "node:zlib";
import pg from "pg";
import { writeBenchmarkSection } from "./lib/benchmarks-doc";
import { ensureBulkService, insertBulkClients } from "./lib/bulk-clients";
import { freePort, startEmbeddedPostgres } from "./lib/embedded-postgres";
import { migrateDeploy } from "./lib/migrate";
import { cpuOf, postgresCpu } from "./lib/process-cpu";

const exec = promisify(execFile);
const syntheticClients = Number(process.env.BENCH_CLIENTS ?? 1_000_000);
const defaultServiceId = process.env.REGISTRAR_SERVICE_ID || "default";

/**
 * The services the synthetic clients are spread over, of different sizes: the default one (created by the app,
 * and holding the demo data set too) and two more created as rows of their own, one with a numeric id. Synthetic
 * clients are numbered in order of insertion and named after their number ("Contoso Orders 412345"), so each
 * service holds one range of numbers: `rarePhrase` is a search with a few hundred matches in that service.
 */
const services = [
  { id: defaultServiceId, name: "Registrar", share: 0.5, rarePhrase: "contoso orders 4" },
  { id: "staging", name: "Staging", share: 0.3, rarePhrase: "contoso orders 6" },
  { id: "2001", name: "Partner 2001", share: 0.2, rarePhrase: "contoso orders 9" },
].map((service, i, all) => ({
  ...service,
  // The last one takes what rounding left, so that the shares add up to syntheticClients.
  clients: i < all.length - 1 ? Math.round(service.share * syntheticClients) : syntheticClients - all.slice(0, -1).reduce((n, s) => n + Math.round(s.share * syntheticClients), 0),
}));
/** A console page of a service. */
const servicePath = (serviceId: string, rest: string) => `/services/${encodeURIComponent(serviceId)}${rest}`;
const samples = Number(process.env.BENCH_SAMPLES ?? 200);
const warmUpRounds = Number(process.env.BENCH_WARM_UP_ROUNDS ?? 80);
const admin = { email: "bench@registrar.example", password: "bench-password-0123" };
const targets = { p50Ms: 50, firstLoadKb: 200, performance: 0.95, accessibility: 1 };
/** The other build to measure next to this one, if any. */
const baseline = process.env.BENCH_BASELINE ? path.resolve(process.env.BENCH_BASELINE) : undefined;

/** `cpu`: CPU time per request (ms) of the server's process and, with a single server, of PostgreSQL. */
type Timing = { name: string; path: string; p50: number; p95: number; rows: string; cpu: { server?: number; postgres?: number } };
/** A page to measure: in which service, what it is, where, and what it must show. */
type Page = { service: string; name: string; path: string; expect: RegExp };

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function waitFor(url: string, child: ChildProcess, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited (${child.exitCode})`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not come up`);
}

/** Live clients per service. */
async function clientsPerService(client: pg.Client): Promise<Map<string, number>> {
  const rows = (await client.query<{ service_id: string; n: number }>("SELECT service_id, count(*)::int AS n FROM client WHERE deleted_at IS NULL GROUP BY service_id")).rows;
  return new Map(rows.map((r) => [r.service_id, r.n]));
}

/**
 * Loads the demo data set and each service's synthetic clients, as far as this database does not hold them
 * already (a kept database from an earlier run, or one a run left half loaded). Returns the live clients per service.
 */
async function loadData(databaseUrl: string, env: NodeJS.ProcessEnv): Promise<Map<string, number>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const before = await clientsPerService(client);
    const demoLoaded = (await client.query("SELECT 1 FROM client WHERE service_id = $1 AND software_id = 'acme-portal' LIMIT 1", [defaultServiceId])).rowCount! > 0;
    // The default service's count includes the demo data set (a few dozen clients).
    const missing = services.map((s) => ({ ...s, missing: Math.max(0, s.clients - (before.get(s.id) ?? 0)) }));
    if (demoLoaded && missing.every((s) => !s.missing)) {
      process.stdout.write(`Reusing ${services.map((s) => `${(before.get(s.id) ?? 0).toLocaleString("en")} clients in "${s.id}"`).join(", ")}.\n`);
      return before;
    }
    // A throw-away database: durability buys nothing while loading it, and the list's secondary indexes (the
    // trigram index above all) are built faster once, after the load, than row by row during it.
    await client.query("ALTER SYSTEM SET fsync = off");
    await client.query("ALTER SYSTEM SET synchronous_commit = off");
    await client.query("ALTER SYSTEM SET max_wal_size = '4GB'");
    await client.query("SELECT pg_reload_conf()");
    const indexes = (
      await client.query<{ name: string; definition: string }>(
        "SELECT indexrelid::regclass::text AS name, pg_get_indexdef(indexrelid) AS definition FROM pg_index WHERE indrelid = 'client'::regclass AND NOT indisunique AND NOT indisprimary",
      )
    ).rows;
    for (const { name } of indexes) await client.query(`DROP INDEX ${name}`);
    const started = Date.now();
    const plan = missing.filter((s) => s.missing).map((s) => `${s.missing.toLocaleString("en")} into "${s.id}"`);
    process.stdout.write(`Loading ${demoLoaded ? "" : "the demo data set and "}synthetic clients: ${plan.join(", ") || "none"} (a few minutes)…\n`);
    // The default service (created by the seed, as by the app) with the demo data set and its share…
    const [first, ...others] = missing;
    await exec(process.execPath, ["--import", "tsx", "scripts/seed.ts", "--clients", String(first!.missing)], { env, maxBuffer: 64 * 1024 * 1024 });
    // …then the other services, each created as a row of its own, and their shares.
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    try {
      for (const service of others) {
        await ensureBulkService(pool, service.id, service.name);
        if (!service.missing) continue;
        await insertBulkClients(pool, service.id, service.missing, (done) => process.stdout.write(`\r"${service.id}": ${done.toLocaleString("en")} / ${service.missing.toLocaleString("en")} synthetic clients`));
        process.stdout.write("\n");
      }
    } finally {
      await pool.end();
    }
    await client.query("SET maintenance_work_mem = '512MB'");
    for (const { definition } of indexes) await client.query(definition);
    await client.query("ALTER SYSTEM RESET ALL");
    await client.query("SELECT pg_reload_conf()");
    await client.query("VACUUM ANALYZE client");
    process.stdout.write(`Loaded in ${((Date.now() - started) / 1000).toFixed(0)} s.\n`);
    return await clientsPerService(client);
  } finally {
    await client.end();
  }
}

async function signIn(base: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify(admin),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}

/** A running build to measure: where it answers and its administrator's session. */
type Target = { label: string; base: string; cookie: string; pid?: number };

/**
 * Server response time of a page: from the request to the last byte of the streamed HTML. With more than one
 * server, each sample is taken on each server in turn (sample i on the first, then on the second…), so that a
 * change in this machine's load falls on all alike. One timing per server, in their order.
 */
async function time(targets: Target[], name: string, pagePath: string, expect: RegExp, postgresDir?: string): Promise<Timing[]> {
  const get = async ({ base, cookie }: Target) => {
    const started = performance.now();
    const response = await fetch(`${base}${pagePath}`, { headers: { cookie }, redirect: "manual" });
    const body = await response.text();
    const ms = performance.now() - started;
    if (response.status !== 200 || !expect.test(body)) throw new Error(`${base}${pagePath}: ${response.status}, the page did not show ${expect}`);
    return { ms, body };
  };
  for (let i = 0; i < 20; i++) for (const target of targets) await get(target); // warm up the JIT, the pools and PostgreSQL's caches
  const times = targets.map(() => [] as number[]);
  const bodies = targets.map(() => "");
  // CPU time per request, which a busy machine changes less than the response time: each server's own, and
  // PostgreSQL's when it serves one server only (with a baseline both read the same database).
  const cpuNow = () => ({ servers: targets.map((t) => (t.pid ? cpuOf(t.pid)?.ms : undefined)), postgres: postgresDir && targets.length === 1 ? postgresCpu(postgresDir) : undefined });
  const before = cpuNow();
  for (let i = 0; i < samples; i++) for (const [k, target] of targets.entries()) ({ ms: times[k]![i], body: bodies[k] } = await get(target));
  const after = cpuNow();
  const perRequest = (start?: number, end?: number) => (start === undefined || end === undefined ? undefined : (end - start) / samples);
  return targets.map((target, k) => {
    const sorted = times[k]!.sort((a, b) => a - b);
    process.stdout.write(`${name}${targets.length > 1 ? ` (${target.label})` : ""}: p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms\n`);
    // What the page says it shows ("1–25 of about 1,000,043"), without React's text separators.
    const shown = bodies[k]!.replaceAll("<!-- -->", "").match(/(\d[\d,]*)–(\d[\d,]*)(?: of ((?:about )?[\d,]+))?/);
    return {
      name,
      path: pagePath,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      rows: shown ? `${shown[1]}–${shown[2]}${shown[3] ? ` of ${shown[3]}` : ""}` : "",
      cpu: { server: perRequest(before.servers[k], after.servers[k]), postgres: k === 0 ? perRequest(before.postgres, after.postgres) : undefined },
    };
  });
}

type BundleRow = { route: string; kb: number };

/** First-load JavaScript per page from Next's route bundle stats of the build in `dir`, each chunk gzipped. */
function firstLoadJavaScript(dir = "."): BundleRow[] {
  const stats = JSON.parse(fs.readFileSync(path.join(dir, ".next/diagnostics/route-bundle-stats.json"), "utf8")) as { route: string; firstLoadChunkPaths: string[] }[];
  const gzipped = new Map<string, number>();
  const size = (chunk: string) => {
    if (!gzipped.has(chunk)) gzipped.set(chunk, zlib.gzipSync(fs.readFileSync(path.join(dir, ".next", chunk.replace(/^\/?_next\//, "").replace(/^\.next\//, "")))).length);
    return gzipped.get(chunk)!;
  };
  return stats
    .filter((s) => !s.route.startsWith("/_") && !s.route.startsWith("/api"))
    .map((s) => ({ route: s.route, kb: s.firstLoadChunkPaths.reduce((sum, chunk) => sum + size(chunk), 0) / 1024 }))
    .sort((a, b) => a.route.localeCompare(b.route));
}

type LighthouseResult = { page: string; performance: number; accessibility: number; lcp: string; tbt: string; cls: string };

/** Lighthouse's scores of a page; one retry, because a run can fail for reasons of its own (Chrome's start). */
async function lighthouse(base: string, cookie: string, name: string, pagePath: string): Promise<LighthouseResult> {
  try {
    return await lighthouseRun(base, cookie, name, pagePath);
  } catch (error) {
    process.stderr.write(`Lighthouse on ${pagePath} failed, once more: ${(error as Error).message.split("\n").slice(-2).join(" ")}\n`);
    return lighthouseRun(base, cookie, name, pagePath);
  }
}

async function lighthouseRun(base: string, cookie: string, name: string, pagePath: string): Promise<LighthouseResult> {
  const output = path.join(os.tmpdir(), `lighthouse-${randomBytes(4).toString("hex")}.json`);
  await exec(
    path.resolve("node_modules/.bin/lighthouse"),
    [
      `${base}${pagePath}`,
      "--preset=desktop",
      "--only-categories=performance,accessibility",
      "--output=json",
      `--output-path=${output}`,
      "--quiet",
      "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
      `--extra-headers=${JSON.stringify({ Cookie: cookie })}`,
    ],
    { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" }, maxBuffer: 64 * 1024 * 1024 },
  );
  const report = JSON.parse(fs.readFileSync(output, "utf8"));
  fs.rmSync(output, { force: true });
  if (report.finalDisplayedUrl && !report.finalDisplayedUrl.includes(pagePath.split("?")[0])) throw new Error(`Lighthouse ended on ${report.finalDisplayedUrl}, not ${pagePath}`);
  const audit = (id: string) => report.audits[id]?.displayValue ?? "";
  // What cost accessibility points, so that a score below 1 says where to look.
  for (const { id } of report.categories.accessibility.auditRefs as { id: string }[]) {
    const result = report.audits[id];
    if (result?.score === 0) process.stderr.write(`${name}: accessibility audit "${result.title}" fails on ${JSON.stringify(result.details?.items?.[0]?.node?.snippet ?? "")}\n`);
  }
  return { page: name, performance: report.categories.performance.score, accessibility: report.categories.accessibility.score, lcp: audit("largest-contentful-paint"), tbt: audit("total-blocking-time"), cls: audit("cumulative-layout-shift") };
}

async function main() {
  const { values } = parseArgs({ options: { keep: { type: "string" }, "load-only": { type: "boolean" } } });
  const loadOnly = Boolean(values["load-only"]);
  if (loadOnly && !values.keep) throw new Error("--load-only needs --keep <dir>: the data is loaded to be kept.");
  if (!loadOnly && !fs.existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npm run build` first.");
  if (!loadOnly && !fs.existsSync(".next/diagnostics/route-bundle-stats.json")) throw new Error("No .next/diagnostics/route-bundle-stats.json: rebuild with `npm run build`.");
  if (baseline && !fs.existsSync(path.join(baseline, ".next/diagnostics/route-bundle-stats.json")))
    throw new Error(`BENCH_BASELINE: no production build with .next/diagnostics/route-bundle-stats.json in ${baseline}.`);

  const keep = values.keep ? path.resolve(values.keep) : undefined;
  const root = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), "registrar-bench-ui-"));
  fs.mkdirSync(root, { recursive: true });
  const passwordFile = path.join(root, "password");
  if (!fs.existsSync(passwordFile)) fs.writeFileSync(passwordFile, randomBytes(12).toString("hex"));
  const database = await startEmbeddedPostgres({ dataDir: path.join(root, "pg"), port: await freePort(), password: fs.readFileSync(passwordFile, "utf8"), persistent: true });
  let server: ChildProcess | undefined;
  let baselineServer: ChildProcess | undefined;
  try {
    await database.createDatabase("bench");
    const databaseUrl = database.url("bench");
    await migrateDeploy(databaseUrl, { quiet: true });
    // A port of its own that stays the same between kept runs: the demo logos' URLs are made from it.
    const port = Number(process.env.BENCH_PORT ?? 3477);
    const base = `http://127.0.0.1:${port}`;
    const env = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      REGISTRAR_ISSUER: base,
      REGISTRAR_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString("base64"),
      AUTH_SECRET: "bench-auth-secret-0123456789abcdef0123456789",
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
      LOG_LEVEL: "warn",
    };
    const loaded = await loadData(databaseUrl, env);
    if (loadOnly) {
      process.stdout.write(`Loaded; the database: ${databaseUrl}\n`);
      return;
    }

    server = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], { env, stdio: ["ignore", "ignore", "inherit"] });
    // The baseline reads the same data: started from its checkout as this one is, on a port of its own (its
    // issuer, and so the origin its sign-in accepts, follow the port); its own startup migrates nothing new.
    const baselineBase = `http://127.0.0.1:${Number(process.env.BENCH_BASELINE_PORT ?? port + 1)}`;
    if (baseline)
      baselineServer = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
        cwd: baseline,
        env: { ...env, PORT: new URL(baselineBase).port, REGISTRAR_ISSUER: baselineBase },
        stdio: ["ignore", "ignore", "inherit"],
      });
    await waitFor(`${base}/api/health`, server);
    if (baselineServer) await waitFor(`${baselineBase}/api/health`, baselineServer);
    const cookie = await signIn(base);
    const targetList: Target[] = [
      { label: "this build", base, cookie, pid: server.pid },
      ...(baseline ? [{ label: "baseline", base: baselineBase, cookie: await signIn(baselineBase), pid: baselineServer?.pid }] : []),
    ];
    const lookup = new pg.Client({ connectionString: databaseUrl });
    await lookup.connect();
    const acme = (await lookup.query<{ client_id: string }>("SELECT client_id FROM client WHERE service_id = $1 AND software_id = 'acme-portal' AND deleted_at IS NULL LIMIT 1", [defaultServiceId])).rows[0]!.client_id;
    // In the other services, the newest client: the first row of their list.
    const newest = new Map<string, { client_id: string; client_name: string }>();
    for (const service of services.slice(1))
      newest.set(service.id, (await lookup.query("SELECT client_id, client_name FROM client WHERE service_id = $1 AND deleted_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 1", [service.id])).rows[0]);
    await lookup.end();
    const clientIds = [acme, ...[...newest.values()].map((c) => c.client_id)];
    const escape = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));

    // The same pages in every service, at the console's URLs (no redirect is followed: a page that answers with
    // one fails the run). A rare phrase of the service's own, and in the smaller services also the default
    // service's: a phrase whose matches all lie in another service (the trigram index holds every service).
    const pages: Page[] = services.flatMap(({ id, rarePhrase }) => {
      const at = (rest: string) => servicePath(id, rest);
      const phrases = [...new Set([rarePhrase, services[0]!.rarePhrase])];
      const other = newest.get(id);
      return [
        { service: id, name: "Clients list, first page", path: at("/clients"), expect: /Clients · / },
        { service: id, name: "Clients list, search “northwind”", path: at("/clients?q=northwind"), expect: /Northwind/ },
        ...phrases.map((phrase) => ({
          service: id,
          name: `Clients list, search “${phrase}”${phrase === rarePhrase ? "" : " (no match in this service)"}`,
          path: at(`/clients?q=${phrase.replaceAll(" ", "+")}`),
          expect: phrase === rarePhrase ? /Contoso/ : /Clients · /,
        })),
        { service: id, name: "Clients list, machine clients by name", path: at("/clients?type=machine&sort=name"), expect: /Machine/ },
        other
          ? { service: id, name: "Client page (its newest client)", path: at(`/clients/${other.client_id}`), expect: escape(other.client_name) }
          : { service: id, name: "Client page (Acme Customer Portal)", path: at(`/clients/${acme}`), expect: /Acme Customer Portal/ },
      ];
    });
    pages.push({ service: defaultServiceId, name: "Audit log", path: servicePath(defaultServiceId, "/audit"), expect: /Audit log/ });
    // A server that has just started runs React's rendering unoptimized for its first few hundred pages (V8
    // compiles hot code as it goes): every page is requested in turn first, so that the first page measured is
    // not also the one that warms the server up, and the figures are those of a server in service.
    for (let round = 0; round < warmUpRounds; round++)
      for (const { path: pagePath } of pages)
        for (const target of targetList) await (await fetch(`${target.base}${pagePath}`, { headers: { cookie: target.cookie }, redirect: "manual" })).text();
    const loadBefore = os.loadavg()[0]!;
    const timings: Timing[] = [];
    const baselineTimings: Timing[] = [];
    for (const { name, path: pagePath, expect } of pages) {
      const [ours, theirs] = await time(targetList, name, pagePath, expect, path.join(root, "pg"));
      timings.push(ours!);
      if (theirs) baselineTimings.push(theirs);
    }
    const bundles = firstLoadJavaScript();
    const scores = [
      await lighthouse(base, cookie, "Clients list", servicePath(defaultServiceId, "/clients")),
      await lighthouse(base, cookie, "Client page", servicePath(defaultServiceId, `/clients/${acme}`)),
      await lighthouse(base, cookie, "Edit page", servicePath(defaultServiceId, `/clients/${acme}/edit`)),
    ];

    const ok = (pass: boolean) => (pass ? "✅" : "❌");
    const loadAfter = os.loadavg()[0]!;
    const spread = services.map((s) => `"${s.id}" ${(loaded.get(s.id) ?? 0).toLocaleString("en")}${s.id === defaultServiceId ? " (with the demo data set)" : ""}`).join(", ");
    const measured = `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, Node ${process.versions.node}: the production build against an embedded PostgreSQL holding ${syntheticClients.toLocaleString("en")} synthetic clients and the demo data set in ${services.length} services (live clients: ${spread}), signed in as an administrator, all on this machine.`;
    const withoutIds = (pagePath: string) => clientIds.reduce((p, id) => p.replace(id, "<id>"), pagePath);
    const cpuMs = (value?: number) => (value === undefined ? "–" : `${value.toFixed(1)} ms`);
    const listWorst = (serviceId: string) => Math.max(...timings.filter((t, k) => pages[k]!.service === serviceId && t.name.startsWith("Clients list")).map((t) => t.p50));
    const table = [
      measured,
      "",
      `Load average (1 min) before the measurements: ${loadBefore.toFixed(1)}, after: ${loadAfter.toFixed(1)} (2 cores, shared with other jobs: compare pages of the same run).`,
      "",
      `**Server response** (request to last byte of the streamed HTML, ${samples} sequential requests per page after ${warmUpRounds} warm-up rounds over all the pages and 20 of its own; CPU per request from /proc over those requests, which the machine's load changes less; target p50 < ${targets.p50Ms} ms):`,
      "",
      "| service | page | p50 | p95 | CPU per request: server | PostgreSQL | shown | |",
      "|---|---|---:|---:|---:|---:|---|---|",
      ...timings.map(
        (t, k) =>
          `| ${pages[k]!.service} | ${t.name} \`${withoutIds(t.path)}\` | ${t.p50.toFixed(1)} ms | ${t.p95.toFixed(1)} ms | ${cpuMs(t.cpu.server)} | ${cpuMs(t.cpu.postgres)} | ${t.rows} | ${ok(t.p50 < targets.p50Ms)} |`,
      ),
      "",
      `**Clients list, slowest p50 of each service:** ${services.map((s) => `"${s.id}" ${listWorst(s.id).toFixed(1)} ms`).join(", ")} (target < ${targets.p50Ms} ms).`,
      "",
      `**First-load JavaScript** per page (.next/diagnostics/route-bundle-stats.json, chunks gzipped; target < ${targets.firstLoadKb} kB):`,
      "",
      "| page | first load (gzip) | |",
      "|---|---:|---|",
      ...bundles.map((b) => `| \`${b.route}\` | ${b.kb.toFixed(1)} kB | ${ok(b.kb < targets.firstLoadKb)} |`),
      "",
      `**Lighthouse** ${"13.5"}, desktop preset (targets: performance ≥ ${targets.performance}, accessibility ${targets.accessibility.toFixed(1)}):`,
      "",
      "| page | performance | accessibility | LCP | TBT | CLS | |",
      "|---|---:|---:|---:|---:|---:|---|",
      ...scores.map((s) => `| ${s.page} | ${s.performance.toFixed(2)} | ${s.accessibility.toFixed(2)} | ${s.lcp} | ${s.tbt} | ${s.cls} | ${ok(s.performance >= targets.performance && s.accessibility >= targets.accessibility)} |`),
    ].join("\n");
    process.stdout.write(`\n${table}\n`);
    writeBenchmarkSection("ui", table);
    if (baseline) {
      const theirBundles = new Map(firstLoadJavaScript(baseline).map((b) => [b.route, b.kb]));
      const routes = [...new Set([...bundles.map((b) => b.route), ...theirBundles.keys()])].sort((a, b) => a.localeCompare(b));
      const ourBundles = new Map(bundles.map((b) => [b.route, b.kb]));
      const kb = (value?: number) => (value === undefined ? "–" : `${value.toFixed(1)} kB`);
      const comparison = [
        `${measured.replace("the production build", "this build and a baseline build")} Baseline: the build in ${baseline}${commitOf(baseline)}, started from its checkout on the same database; this build${commitOf(process.cwd())}.`,
        "",
        `**Server response** (as above; each sample taken on both servers in turn, this build first, after ${warmUpRounds} warm-up rounds over all the pages on both and 20 of each page's own):`,
        "",
        "| service | page | this build p50 | p95 | baseline p50 | p95 | p50 this / baseline | p95 this / baseline |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
        ...timings.map((t, k) => {
          const b = baselineTimings[k]!;
          return `| ${pages[k]!.service} | ${t.name} \`${withoutIds(t.path)}\` | ${t.p50.toFixed(1)} ms | ${t.p95.toFixed(1)} ms | ${b.p50.toFixed(1)} ms | ${b.p95.toFixed(1)} ms | ${(t.p50 / b.p50).toFixed(2)}× | ${(t.p95 / b.p95).toFixed(2)}× |`;
        }),
        "",
        "**First-load JavaScript** per page (as above, from each build's own .next/diagnostics/route-bundle-stats.json):",
        "",
        "| page | this build | baseline | difference |",
        "|---|---:|---:|---:|",
        ...routes.map((route) => {
          const [ours, theirs] = [ourBundles.get(route), theirBundles.get(route)];
          return `| \`${route}\` | ${kb(ours)} | ${kb(theirs)} | ${ours === undefined || theirs === undefined ? "–" : `${ours - theirs >= 0 ? "+" : "−"}${Math.abs(ours - theirs).toFixed(1)} kB`} |`;
        }),
      ].join("\n");
      process.stdout.write(`\n${comparison}\n`);
      writeBenchmarkSection("ui:baseline", comparison, { after: "ui" });
    }
  } finally {
    server?.kill("SIGTERM");
    baselineServer?.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 1500));
    await database.stop();
    if (!keep) fs.rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});

/** " (commit abc1234)" when `dir` is a git checkout. */
function commitOf(dir: string) {
  try {
    return ` (commit ${execFileSync("git", ["-C", dir, "rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim()})`;
  } catch {
    return "";
  }
}
