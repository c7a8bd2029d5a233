// `npm run clients:export -- [--service <id>] [--include-secrets] [--out <file>]`
// Writes the service's live clients as NDJSON of RFC 7591 client information (docs/API.md, Client files) to
// stdout, or to --out. --include-secrets adds each client's secret and its registration access token's hash,
// so that `clients:import` into another Registrar keeps the credentials working; the export is an audit event
// either way. The file written with secrets is readable by its owner only. Exit codes: 0 written, 1 failed,
// 2 wrong usage.
import { createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";
import { parseArgs } from "node:util";
import { cliCaller, exit, withCliDatabase } from "./lib/cli-database";

const usage = "usage: npm run clients:export -- [--service <id>] [--include-secrets] [--out <file>]";

function readArguments() {
  try {
    const { values } = parseArgs({
      options: { service: { type: "string" }, "include-secrets": { type: "boolean", default: false }, out: { type: "string" } },
      strict: true,
    });
    return { service: values.service, includeSecrets: values["include-secrets"] === true, out: values.out };
  } catch (error) {
    exit(2, `clients:export: ${(error as Error).message}\n${usage}`);
  }
}

async function write(stream: NodeJS.WritableStream, chunk: string) {
  if (!stream.write(chunk)) await once(stream, "drain");
}

async function main() {
  const args = readArguments();
  const code = await withCliDatabase(async () => {
    const { config } = await import("@/lib/config");
    const { exportClients } = await import("@/lib/migration/export");
    const { ensureDefaultService } = await import("@/lib/services");
    // The default service is created on first start (scripts/serve.ts); a fresh database may not have it yet.
    const serviceId = args.service ?? (await ensureDefaultService(config())).id;
    let file: WriteStream | undefined;
    try {
      file = args.out ? createWriteStream(args.out, { mode: args.includeSecrets ? 0o600 : 0o644 }) : undefined;
      const out = file ?? process.stdout;
      let count = 0;
      for await (const line of exportClients(serviceId, { includeSecrets: args.includeSecrets }, cliCaller())) {
        await write(out, line);
        count++;
      }
      if (file) {
        file.end();
        await once(file, "finish");
      }
      process.stderr.write(`Exported ${count} clients of ${serviceId}${args.includeSecrets ? " with their secrets" : ""}${args.out ? ` to ${args.out}` : ""}\n`);
      return 0;
    } catch (error) {
      file?.destroy();
      process.stderr.write(`clients:export failed: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }
  });
  process.exit(code);
}

main().catch((error) => exit(1, `clients:export failed: ${error instanceof Error ? error.message : String(error)}`));
