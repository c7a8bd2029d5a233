// The last step of `npm test`: no credential that the suite caused to be issued (client secrets,
// registration access tokens, initial access tokens: REGISTRAR_CREDENTIAL_LEDGER), nor the suite's fixed
// secrets (API key, passwords, keys), appears in the logs of the run (which include every refused
// protocol request's response body), in any revision, audit event or stored metadata of the test databases.
import fs from "node:fs";
import pg from "pg";
import { apiKey, serverEnv, users } from "../e2e/env";
import { findLeaks, maskCredential } from "./lib/secret-scan";

const [ledgerFile, logFiles, databaseUrls] = [process.env.SECRET_SCAN_LEDGER, process.env.SECRET_SCAN_LOGS, process.env.SECRET_SCAN_DATABASES];
if (!ledgerFile || !logFiles || !databaseUrls) throw new Error("SECRET_SCAN_LEDGER, SECRET_SCAN_LOGS and SECRET_SCAN_DATABASES must be set (npm test sets them)");

const tables = [
  ["client_revision", "SELECT row_to_json(t)::text AS text FROM client_revision t"],
  ["audit_event", "SELECT row_to_json(t)::text AS text FROM audit_event t"],
  ["client.metadata", "SELECT metadata::text AS text FROM client"],
  ["service.policy", "SELECT policy::text AS text FROM service"],
] as const;

async function main() {
  const issued = fs.existsSync(ledgerFile!) ? fs.readFileSync(ledgerFile!, "utf8").split("\n").filter(Boolean) : [];
  const fixed = [apiKey, serverEnv.AUTH_SECRET, serverEnv.REGISTRAR_ENCRYPTION_KEY, ...Object.values(users).map((u) => u.password)];
  const sources: { name: string; text: string }[] = [];
  for (const file of logFiles!.split(",")) if (fs.existsSync(file)) sources.push({ name: `log ${file}`, text: fs.readFileSync(file, "utf8") });
  for (const url of databaseUrls!.split(",")) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      for (const [table, sql] of tables) {
        const { rows } = await client.query<{ text: string }>(sql);
        sources.push({ name: `${new URL(url).pathname.slice(1)}.${table}`, text: rows.map((r) => r.text).join("\n") });
      }
    } finally {
      await client.end();
    }
  }
  const scanned = sources.reduce((n, s) => n + s.text.length, 0);
  const leaks = findLeaks([...issued, ...fixed], sources);
  process.stdout.write(`Scanned ${(scanned / 1e6).toFixed(1)} MB of logs and database rows for ${issued.length} issued credentials and ${fixed.length} fixed secrets.\n`);
  if (issued.length === 0) {
    process.stderr.write("No issued credentials were recorded: the ledger is not being written, so this check would prove nothing.\n");
    process.exit(1);
  }
  if (leaks.length) {
    for (const leak of leaks.slice(0, 20)) process.stderr.write(`LEAK in ${leak.source} at ${leak.at}: ${maskCredential(leak.credential)}\n`);
    process.stderr.write(`${leaks.length} leaked credential occurrence(s).\n`);
    process.exit(1);
  }
  process.stdout.write("No secret or token found.\n");
}

main().catch((error) => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
