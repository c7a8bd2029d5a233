// `npm run soak`: mixed traffic — registrations, RFC 7592 reads and updates, console list pages — against the
// production build on a throw-away embedded PostgreSQL, for SOAK_MINUTES (default 10) at the rate a closed
// loop of SOAK_CONNECTIONS (default 16) sustains. It fails on any error, checks that the server's memory
// stays flat, and that every accepted write is in the database afterwards. Figures go to docs/BENCHMARKS.md.
// Needs `npm run build` first.
import fs from "node:fs";
import os from "node:os";
import pg from "pg";
import { writeBenchmarkSection } from "./lib/benchmarks-doc";
import { startThrowawayServer } from "./lib/throwaway-server";

const minutes = Number(process.env.SOAK_MINUTES ?? 10);
const connections = Number(process.env.SOAK_CONNECTIONS ?? 16);
const mix = { register: 0.3, read: 0.4, update: 0.2, list: 0.1 } as const;
type Kind = keyof typeof mix;

type Client = { id: string; token: string; name: string; busy: boolean };
type Stats = { count: number; errors: number; latencies: number[] };

const rssKb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

async function main() {
  const { databaseUrl, base, cookie, pid, stop } = await startThrowawayServer("soak");
  try {
    const clients: Client[] = [];
    const expected = new Map<string, string>(); // client id → the name of its last accepted write
    const stats = Object.fromEntries(Object.keys(mix).map((k) => [k, { count: 0, errors: 0, latencies: [] as number[] }])) as unknown as Record<Kind, Stats>;
    const failures: string[] = [];
    let sequence = 0;

    const operations: Record<Kind, () => Promise<boolean>> = {
      async register() {
        const name = `Soak client ${++sequence}`;
        const r = await fetch(`${base}/register`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ client_name: name, redirect_uris: [`https://soak-${sequence}.example.com/cb`] }) });
        if (r.status !== 201) return false;
        const body = (await r.json()) as { client_id: string; registration_access_token: string };
        clients.push({ id: body.client_id, token: body.registration_access_token, name, busy: false });
        expected.set(body.client_id, name);
        return true;
      },
      async read() {
        const client = take();
        if (!client) return operations.register();
        try {
          const r = await fetch(`${base}/register/${client.id}`, { headers: { Authorization: `Bearer ${client.token}` } });
          return r.status === 200 && ((await r.json()) as { client_name: string }).client_name === client.name;
        } finally {
          client.busy = false;
        }
      },
      async update() {
        const client = take();
        if (!client) return operations.register();
        try {
          const name = `${client.name.split(" · ")[0]} · ${++sequence}`;
          const r = await fetch(`${base}/register/${client.id}`, { method: "PUT", headers: { "Content-Type": "application/json", Authorization: `Bearer ${client.token}` }, body: JSON.stringify({ client_id: client.id, client_name: name, redirect_uris: [`https://soak-${client.id}.example.com/cb`] }) });
          if (r.status !== 200) return false;
          const body = (await r.json()) as { registration_access_token: string };
          client.token = body.registration_access_token;
          client.name = name;
          expected.set(client.id, name);
          return true;
        } finally {
          client.busy = false;
        }
      },
      async list() {
        const query = sequence % 2 ? "?q=soak" : "";
        const r = await fetch(`${base}/clients${query}`, { headers: { Cookie: cookie } });
        await r.arrayBuffer();
        return r.status === 200;
      },
    };
    const take = () => {
      for (let i = 0; i < 8 && clients.length; i++) {
        const client = clients[Math.floor(Math.random() * clients.length)]!;
        if (!client.busy) return ((client.busy = true), client);
      }
      return undefined;
    };
    const pick = (): Kind => {
      let x = Math.random();
      for (const [kind, share] of Object.entries(mix) as [Kind, number][]) if ((x -= share) < 0) return kind;
      return "read";
    };

    const memory: { at: number; rssMb: number }[] = [];
    const started = Date.now();
    const deadline = started + minutes * 60_000;
    const sampler = setInterval(() => memory.push({ at: (Date.now() - started) / 1000, rssMb: rssKb(pid) / 1024 }), 5_000);
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (Date.now() < deadline) {
          const kind = pick();
          const t = performance.now();
          let ok = false;
          try {
            ok = await operations[kind]();
          } catch (error) {
            failures.push(`${kind}: ${(error as Error).message}`);
          }
          const s = stats[kind];
          s.count++;
          s.latencies.push(performance.now() - t);
          if (!ok) s.errors++;
        }
      }),
    );
    clearInterval(sampler);
    const seconds = (Date.now() - started) / 1000;

    // Every accepted write is there, as last accepted.
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    const { rows } = await db.query<{ client_id: string; name: string }>("SELECT client_id, metadata->>'client_name' AS name FROM client WHERE deleted_at IS NULL");
    await db.end();
    const stored = new Map(rows.map((r) => [r.client_id, r.name]));
    const missing = [...expected].filter(([id, name]) => stored.get(id) !== name);

    const total = Object.values(stats).reduce((n, s) => n + s.count, 0);
    const errors = Object.values(stats).reduce((n, s) => n + s.errors, 0);
    const settled = memory.filter((m) => m.at >= Math.min(60, seconds / 3));
    const firstHalf = settled.slice(0, Math.ceil(settled.length / 2));
    const secondHalf = settled.slice(Math.ceil(settled.length / 2));
    const mean = (xs: { rssMb: number }[]) => xs.reduce((n, x) => n + x.rssMb, 0) / Math.max(1, xs.length);
    const growth = mean(secondHalf) - mean(firstHalf);
    const flat = growth < Math.max(25, mean(firstHalf) * 0.1);
    const report = [
      `Measured ${new Date().toISOString().slice(0, 10)}: ${minutes} min, ${connections} connections in a closed loop, production build, embedded PostgreSQL (durable), all on this ${os.cpus().length}-core machine.`,
      "",
      "| traffic | share | requests | per second | p50 | p99 | errors |",
      "|---|---:|---:|---:|---:|---:|---:|",
      ...(Object.entries(stats) as [Kind, Stats][]).map(([kind, s]) => `| ${kind} | ${Math.round(mix[kind] * 100)} % | ${s.count} | ${(s.count / seconds).toFixed(0)} | ${percentile(s.latencies, 50).toFixed(0)} ms | ${percentile(s.latencies, 99).toFixed(0)} ms | ${s.errors} |`),
      `| **all** | | ${total} | ${(total / seconds).toFixed(0)} | | | ${errors} |`,
      "",
      `Server memory (RSS) after warm-up: ${mean(firstHalf).toFixed(0)} MB in the first half, ${mean(secondHalf).toFixed(0)} MB in the second (${growth >= 0 ? "+" : ""}${growth.toFixed(0)} MB; max ${Math.max(...memory.map((m) => m.rssMb)).toFixed(0)} MB): ${flat ? "flat" : "GROWING"}.`,
      `Accepted writes: ${expected.size} clients, every one present with its last accepted update: ${missing.length === 0 ? "yes" : `NO, ${missing.length} missing or stale`}.`,
    ].join("\n");
    process.stdout.write(`\n${report}\n`);
    writeBenchmarkSection("soak", report);
    if (errors || failures.length || missing.length || !flat) {
      for (const f of failures.slice(0, 10)) process.stderr.write(`${f}\n`);
      throw new Error("soak failed");
    }
  } finally {
    await stop();
  }
}

main().catch((error) => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
