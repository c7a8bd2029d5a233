// `npm run db:seed [-- --clients N] [-- --force]`: loads the demo data set (scripts/lib/demo-data.ts)
// through the registration core, so every demo client passed the same rules as a real one and has real
// revisions and audit events; `--clients N` adds N synthetic clients in bulk (scripts/lib/bulk-clients.ts).
// With DATABASE_URL unset it uses the embedded database under .data/ (or the one `npm run dev` holds).
import { parseArgs } from "node:util";
import { insertBulkClients } from "./lib/bulk-clients";
import { demoClients, generatedDemoClients, type DemoClient } from "./lib/demo-data";
import { localDatabaseUnlessConfigured } from "./lib/cli-database";
import { migrateDeploy } from "./lib/migrate";

const usage = "usage: npm run db:seed [-- --clients <count>] [-- --force]";

function readArguments() {
  try {
    const { values } = parseArgs({ options: { clients: { type: "string" }, force: { type: "boolean" } }, strict: true });
    const clients = values.clients === undefined ? 0 : Number(values.clients);
    if (!Number.isInteger(clients) || clients < 0) throw new Error(`--clients must be a whole number (got "${values.clients}")`);
    return { clients, force: !!values.force };
  } catch (error) {
    process.stderr.write(`db:seed: ${(error as Error).message}\n${usage}\n`);
    process.exit(2);
  }
}

async function main() {
  const args = readArguments();
  const local = await localDatabaseUnlessConfigured({ apiKey: true });
  process.env.LOG_LEVEL ||= "warn";
  const { config } = await import("@/lib/config");
  const { closeDatabase, db, pool } = await import("@/lib/db");
  const { ensureDefaultService } = await import("@/lib/services");
  try {
    const { serviceId, issuer } = config();
    await migrateDeploy(process.env.DATABASE_URL!, { quiet: true });
    await ensureDefaultService(config());

    const seeded = await db().client.count({ where: { serviceId, softwareId: "acme-portal" } });
    if (seeded && !args.force) {
      process.stdout.write("The demo data set is already loaded (use --force to load it again).\n");
    } else {
      const count = await loadDemoClients(serviceId, [...demoClients(issuer), ...generatedDemoClients(issuer)]);
      process.stdout.write(`Loaded ${count} demo clients into service "${serviceId}".\n`);
    }
    if (args.clients) {
      const started = Date.now();
      await insertBulkClients(pool(), serviceId, args.clients, (done) => process.stdout.write(`\r${done.toLocaleString("en")} / ${args.clients.toLocaleString("en")} synthetic clients`));
      process.stdout.write(`\nAdded ${args.clients.toLocaleString("en")} synthetic clients in ${((Date.now() - started) / 1000).toFixed(0)} s.\n`);
    }
  } finally {
    await closeDatabase();
    await local?.stop();
  }
}

/** Registers each demo client through the core, then plays its history as updates from the console. */
async function loadDemoClients(serviceId: string, clients: DemoClient[]): Promise<number> {
  const registration = await import("@/lib/registration/service");
  const administrators = ["admin:dana.okafor@registrar.example", "admin:lee.tanaka@registrar.example"];
  for (const [i, demo] of clients.entries()) {
    const origin = demo.origin ?? "dynamic";
    const caller: import("@/lib/registration/service").Caller =
      origin === "console" ? { interface: "console", actor: administrators[i % 2]! } : { interface: "rfc7591", actor: "client", ip: "198.51.100.23" };
    const created = await registration.register(serviceId, { document: demo.metadata, origin }, caller);
    if (!created.ok) throw new Error(`Demo client "${String(demo.metadata.client_name)}" was refused: ${created.failure.description}`);
    let { registrationAccessToken: token, metadata, version } = created.value;
    for (const [step, patch] of (demo.history ?? []).entries()) {
      const editor = { interface: "console" as const, actor: administrators[step % 2]! };
      const updated = await registration.update(serviceId, { clientId: created.value.clientId, registrationAccessToken: token, document: { ...metadata, ...patch, client_id: created.value.clientId }, expectedVersion: version }, editor);
      if (!updated.ok) throw new Error(`Demo history of "${String(demo.metadata.client_name)}" was refused: ${updated.failure.description}`);
      ({ registrationAccessToken: token, metadata, version } = updated.value);
    }
    // A few failed token checks from an unknown address, so the audit log shows what guessing looks like.
    if (i === 3) for (let attempt = 0; attempt < 3; attempt++) await registration.read(serviceId, { clientId: created.value.clientId, registrationAccessToken: `guess-${attempt}` }, { interface: "rfc7592", actor: `client:${created.value.clientId}`, ip: "203.0.113.66" });
  }
  return clients.length;
}

main().catch((error) => {
  process.stderr.write(`db:seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
