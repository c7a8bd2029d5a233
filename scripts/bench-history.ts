// `npm run bench:history`: the History tab of clients with 10, 50 and 10,000 revisions, over HTTP against
// the production build on a throw-away embedded PostgreSQL, signed in as an administrator. The tab reads one page
// of revisions (lib/clients/queries.ts), so pages showing as many revisions should answer alike whatever the
// client's total: the p50s and their ratios go into docs/BENCHMARKS.md (section "history"). Needs `npm run build` first.
import os from "node:os";
import pg from "pg";
import { writeBenchmarkSection } from "./lib/benchmarks-doc";
import { addSyntheticRevisions } from "./lib/synthetic-revisions";
import { startThrowawayServer } from "./lib/throwaway-server";

const samples = Number(process.env.BENCH_SAMPLES ?? 200);
const warmUp = 50;
const sizes = [10, 50, 10_000];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function main() {
  const { databaseUrl, base, cookie, stop } = await startThrowawayServer("bench-history");
  try {
    // One client per size, registered through RFC 7591, then given its revisions as console updates.
    const database = new pg.Client({ connectionString: databaseUrl });
    await database.connect();
    const clientIds = new Map<number, string>();
    for (const revisions of sizes) {
      const response = await fetch(`${base}/register`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ client_name: `History of ${revisions}`, redirect_uris: ["https://history.example/cb"] }) });
      if (response.status !== 201) throw new Error(`registration failed: ${response.status} ${await response.text()}`);
      const { client_id: clientId } = (await response.json()) as { client_id: string };
      if ((await addSyntheticRevisions(database, clientId, revisions - 1)) !== revisions) throw new Error("the revisions were not written");
      clientIds.set(revisions, clientId);
    }
    await database.query("VACUUM ANALYZE client_revision");
    await database.end();
    // Pairs of pages that show as many revisions: the whole history of a small client, and a page of the same
    // length from the client with 10,000 (its oldest 10, its newest 50).
    const page = (revisions: number, query: string, shows: string) => ({ revisions, query, shows, path: `/services/default/clients/${encodeURIComponent(clientIds.get(revisions)!)}?tab=history${query}` });
    const pairs = [
      [page(10, "", "Version 10"), page(10_000, "&before=11", "Version 10")],
      [page(50, "", "Version 50"), page(10_000, "", "Version 10000")],
    ] as const;
    const pages = pairs.flat();

    const get = async (target: (typeof pages)[number]) => {
      const started = performance.now();
      const response = await fetch(`${base}${target.path}`, { headers: { cookie }, redirect: "manual" });
      const body = (await response.text()).replaceAll("<!-- -->", "");
      const ms = performance.now() - started;
      if (response.status !== 200 || !body.includes(target.shows) || !body.includes(`History of ${target.revisions}`)) throw new Error(`${target.path}: ${response.status}, not the history of ${target.revisions} revisions`);
      return ms;
    };
    for (let i = 0; i < warmUp; i++) for (const target of pages) await get(target);
    // In alternation, so that a change in the machine's load falls on all alike.
    const times = pages.map(() => [] as number[]);
    for (let i = 0; i < samples; i++) for (const [k, target] of pages.entries()) times[k]!.push(await get(target));
    const p50 = times.map((t) => percentile(t.sort((a, b) => a - b), 50));
    const p95 = times.map((t) => percentile(t, 95));
    const shown = (target: (typeof pages)[number]) => (target.revisions === 10 || target.query ? 10 : 50);

    const table = [
      `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, Node ${process.versions.node}: the production build against an embedded PostgreSQL, signed in as an administrator; the History tab (\`/services/default/clients/<id>?tab=history\`) of clients with 10, 50 and 10,000 revisions, ${samples} requests per page in alternation after ${warmUp} warm-up rounds, request to last byte. Load average (1 min) at the end: ${os.loadavg()[0]!.toFixed(1)}.`,
      "",
      "| client | page | revisions shown | p50 | p95 |",
      "|---|---|---:|---:|---:|",
      ...pages.map((target, k) => `| ${target.revisions.toLocaleString("en")} revisions | \`?tab=history${target.query}\` | ${shown(target)} | ${p50[k]!.toFixed(1)} ms | ${p95[k]!.toFixed(1)} ms |`),
      "",
      `**p50 ratios**, 10,000 revisions / 10 revisions, the same number of revisions shown: ${(p50[1]! / p50[0]!).toFixed(2)}× (10 shown), ${(p50[3]! / p50[2]!).toFixed(2)}× (50 shown, 10,000 / 50 revisions); the newest pages of the 10,000- and the 10-revision client, 50 against 10 revisions shown: ${(p50[3]! / p50[0]!).toFixed(2)}×.`,
    ].join("\n");
    process.stdout.write(`${table}\n`);
    writeBenchmarkSection("history", table);
  } finally {
    await stop();
  }
}

main().catch((error) => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
