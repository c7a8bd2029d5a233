// `npm run admin:create -- --email you@example.com --password '<12+ characters>' --role admin|editor|viewer [--name "Your Name"]`
// Creates a console administrator. With DATABASE_URL unset it uses the embedded database under .data/
// (started for the occasion, or the one a running `npm run dev` holds). Exit codes: 0 created,
// 1 refused (bad value, e-mail taken) or failed, 2 wrong usage.
import { parseArgs } from "node:util";
import { exit, localDatabaseUnlessConfigured } from "./lib/cli-database";
import { migrateDeploy } from "./lib/migrate";

const usage =
  "usage: npm run admin:create -- --email <e-mail> --password <password> --role admin|editor|viewer [--name <name>]";

function readArguments() {
  try {
    const { values } = parseArgs({
      options: { email: { type: "string" }, password: { type: "string" }, role: { type: "string" }, name: { type: "string" } },
      strict: true,
    });
    const missing = (["email", "password", "role"] as const).filter((key) => !values[key]);
    if (missing.length) exit(2, `admin:create: missing ${missing.map((k) => `--${k}`).join(", ")}\n${usage}`);
    return values as { email: string; password: string; role: string; name?: string };
  } catch (error) {
    exit(2, `admin:create: ${(error as Error).message}\n${usage}`);
  }
}

async function main() {
  const args = readArguments();
  const { isRole, roleNames } = await import("@/lib/auth/permissions");
  if (!isRole(args.role)) exit(1, `admin:create: --role must be one of ${roleNames.join(", ")} (got "${args.role}")`);

  const local = await localDatabaseUnlessConfigured();
  const { config, ConfigError } = await import("@/lib/config");
  const { AdministratorError, createAdministrator } = await import("@/lib/auth/administrators");
  const { db } = await import("@/lib/db");
  let code = 0;
  try {
    config();
    // A fresh embedded database has no tables until the first start; create them now.
    if (local) await migrateDeploy(local.url, { quiet: true });
    const user = await createAdministrator({ email: args.email, password: args.password, role: args.role, name: args.name });
    process.stdout.write(`Created administrator ${user.email} (${args.role})\n`);
  } catch (error) {
    code = 1;
    if (error instanceof AdministratorError) process.stderr.write(`admin:create: ${error.message}\n`);
    else if (error instanceof ConfigError) process.stderr.write(`admin:create: ${error.message}\n`);
    else process.stderr.write(`admin:create failed: ${error instanceof Error ? error.message : String(error)}\n`);
  } finally {
    await db().$disconnect().catch(() => {});
    await local?.stop();
  }
  process.exit(code);
}

main().catch((error) => exit(1, `admin:create failed: ${error instanceof Error ? error.message : String(error)}`));
