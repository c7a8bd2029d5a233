// `npm run clients:import -- [--service <id>] [--format authlete|rfc7591] [--apply] <file>`
// Imports clients from a client file (docs/API.md, Client files; README, Migrating clients): Authlete's client
// list, or RFC 7591 client information as a JSON array or NDJSON. Without --apply it is a dry run: a table of
// what would happen to each client (line, client_id, outcome, reasons) and the counts. With --apply it writes,
// with a progress bar on stderr, and prints the counts and the refused records. The service is
// REGISTRAR_SERVICE_ID's unless --service names one. Exit codes: 0 nothing refused, 1 a record was refused or
// the file could not be read, 2 wrong usage.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { ImportEntry, ImportFormat, ImportReport } from "@/lib/migration/import";
import { cliCaller, exit, withCliDatabase } from "./lib/cli-database";

const usage = "usage: npm run clients:import -- [--service <id>] [--format authlete|rfc7591] [--apply] <file>";

function readArguments() {
  try {
    const { values, positionals } = parseArgs({
      options: { service: { type: "string" }, format: { type: "string" }, apply: { type: "boolean", default: false } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1) exit(2, `clients:import: name one file\n${usage}`);
    if (values.format !== undefined && values.format !== "authlete" && values.format !== "rfc7591") exit(2, `clients:import: --format must be authlete or rfc7591 (got "${values.format}")\n${usage}`);
    return { file: positionals[0]!, service: values.service, format: values.format as ImportFormat | undefined, apply: values.apply === true };
  } catch (error) {
    exit(2, `clients:import: ${(error as Error).message}\n${usage}`);
  }
}

/** A progress bar on stderr: one updating line on a terminal, a line every 10% otherwise (logs, CI). */
function progressBar(label: string) {
  const tty = process.stderr.isTTY === true;
  const started = Date.now();
  let lastTenth = -1;
  return {
    update(done: number, total: number) {
      const fraction = total ? done / total : 1;
      const seconds = (Date.now() - started) / 1000;
      const rate = seconds > 0 ? Math.round(done / seconds) : 0;
      if (tty) {
        const width = 30;
        const filled = Math.round(fraction * width);
        process.stderr.write(`\r${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} (${rate}/s)`);
        if (done === total) process.stderr.write("\n");
      } else {
        const tenth = Math.floor(fraction * 10);
        if (tenth !== lastTenth) {
          lastTenth = tenth;
          process.stderr.write(`${label}: ${done}/${total} (${Math.round(fraction * 100)}%, ${rate}/s)\n`);
        }
      }
    },
  };
}

const columns = (cells: string[], widths: number[]) => cells.map((c, i) => (i < cells.length - 1 ? c.padEnd(widths[i]!) : c)).join("  ");

function printEntries(entries: ImportEntry[]) {
  const rows = entries.map((e) => [String(e.line), e.clientId ?? "-", e.outcome, [...e.reasons, ...(e.changed.length ? [`changes ${e.changed.join(", ")}`] : []), ...e.notes].join("; ")]);
  const header = ["line", "client_id", "outcome", "reasons"];
  const widths = header.map((h, i) => Math.min(48, Math.max(h.length, ...rows.map((r) => r[i]!.length))));
  process.stdout.write(`${columns(header, widths)}\n`);
  for (const row of rows) process.stdout.write(`${columns(row, widths)}\n`);
}

function printCounts(report: ImportReport) {
  const { create, update, unchanged, refuse } = report.counts;
  const verb = report.applied ? "" : " (dry run: nothing written; --apply writes)";
  process.stdout.write(`${report.total} clients (${report.format}): ${create} created, ${update} updated, ${unchanged} unchanged, ${refuse} refused${verb}\n`);
}

async function main() {
  const args = readArguments();
  let text: string;
  try {
    text = readFileSync(args.file, "utf8");
  } catch (error) {
    exit(1, `clients:import: cannot read ${args.file}: ${(error as Error).message}`);
  }
  const code = await withCliDatabase(async () => {
    const { config } = await import("@/lib/config");
    const { applyImport, planImport, ImportFileError } = await import("@/lib/migration/import");
    const { ensureDefaultService } = await import("@/lib/services");
    // The default service is created on first start (scripts/serve.ts); a fresh database may not have it yet.
    const serviceId = args.service ?? (await ensureDefaultService(config())).id;
    try {
      let report: ImportReport;
      if (args.apply) {
        const bar = progressBar("importing");
        report = await applyImport(serviceId, text, cliCaller(), { format: args.format, onProgress: bar.update });
        printEntries(report.entries.filter((e) => e.outcome === "refuse"));
      } else {
        report = await planImport(serviceId, text, { format: args.format });
        printEntries(report.entries);
      }
      printCounts(report);
      return report.counts.refuse > 0 ? 1 : 0;
    } catch (error) {
      if (error instanceof ImportFileError) process.stderr.write(`clients:import: ${args.file}: ${error.message}\n`);
      else process.stderr.write(`clients:import failed: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }
  });
  process.exit(code);
}

main().catch((error) => exit(1, `clients:import failed: ${error instanceof Error ? error.message : String(error)}`));
