// `npm run admin:grant -- --email you@example.com --service <service id> --role admin|editor|viewer|none`
// Gives a console administrator a role on one service, which takes precedence over their global role there;
// `--role none` takes it away again. With DATABASE_URL unset it uses the embedded database under .data/.
// Exit codes: 0 done, 1 refused (no such administrator or service, unknown role) or failed, 2 wrong usage.
import { parseArgs } from "node:util";
import { exit, withCliDatabase } from "./lib/cli-database";

const usage = "usage: npm run admin:grant -- --email <e-mail> --service <service id> --role admin|editor|viewer|none";

function readArguments() {
  try {
    const { values } = parseArgs({ options: { email: { type: "string" }, service: { type: "string" }, role: { type: "string" } }, strict: true });
    const missing = (["email", "service", "role"] as const).filter((key) => !values[key]);
    if (missing.length) exit(2, `admin:grant: missing ${missing.map((k) => `--${k}`).join(", ")}\n${usage}`);
    return values as { email: string; service: string; role: string };
  } catch (error) {
    exit(2, `admin:grant: ${(error as Error).message}\n${usage}`);
  }
}

async function main() {
  const args = readArguments();
  const { isRole, roleNames } = await import("@/lib/auth/permissions");
  if (args.role !== "none" && !isRole(args.role)) exit(1, `admin:grant: --role must be one of ${roleNames.join(", ")}, none (got "${args.role}")`);
  const code = await withCliDatabase(async () => {
    const { AdministratorError, setServiceRole } = await import("@/lib/auth/administrators");
    try {
      await setServiceRole(args.email, args.service, isRole(args.role) ? args.role : null);
      process.stdout.write(isRole(args.role) ? `${args.email} is ${args.role} of ${args.service}\n` : `${args.email} has no role of its own on ${args.service} now\n`);
      return 0;
    } catch (error) {
      if (error instanceof AdministratorError) {
        process.stderr.write(`admin:grant: ${error.message}\n`);
        return 1;
      }
      throw error;
    }
  });
  process.exit(code);
}

main().catch((error) => exit(1, `admin:grant failed: ${error instanceof Error ? error.message : String(error)}`));
