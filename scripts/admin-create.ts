// `npm run admin:create -- --email you@example.com --password '<12+ characters>' --role admin|editor|viewer|none [--name "Your Name"] [--grant <service id>=<role> …]`
// Creates a console administrator: with a global role (on every service), and/or roles on chosen services
// (`--grant staging=editor --grant production=viewer`, which take precedence there; `--role none` for only those). With DATABASE_URL unset it uses the embedded database under .data/
// (started for the occasion, or the one a running `npm run dev` holds). Exit codes: 0 created,
// 1 refused (bad value, e-mail taken) or failed, 2 wrong usage.
import { parseArgs } from "node:util";
import { exit, localDatabaseUnlessConfigured } from "./lib/cli-database";
import { migrateDeploy } from "./lib/migrate";
import type { Role } from "@/lib/auth/permissions";

const usage =
  "usage: npm run admin:create -- --email <e-mail> --password <password> --role admin|editor|viewer|none [--name <name>] [--grant <service id>=<role> …]";

function readArguments() {
  try {
    const { values } = parseArgs({
      options: { email: { type: "string" }, password: { type: "string" }, role: { type: "string" }, name: { type: "string" }, grant: { type: "string", multiple: true } },
      strict: true,
    });
    const missing = (["email", "password", "role"] as const).filter((key) => !values[key]);
    if (missing.length) exit(2, `admin:create: missing ${missing.map((k) => `--${k}`).join(", ")}\n${usage}`);
    return values as { email: string; password: string; role: string; name?: string; grant?: string[] };
  } catch (error) {
    exit(2, `admin:create: ${(error as Error).message}\n${usage}`);
  }
}

async function main() {
  const args = readArguments();
  const { isRole, roleNames } = await import("@/lib/auth/permissions");
  if (args.role !== "none" && !isRole(args.role)) exit(1, `admin:create: --role must be one of ${roleNames.join(", ")}, none (got "${args.role}")`);
  // A Map, then own properties: a service id such as "__proto__" stays a key instead of reaching the prototype.
  const granted = new Map<string, Role>();
  for (const grant of args.grant ?? []) {
    const [serviceId, role] = grant.split("=");
    if (!serviceId || !role || !isRole(role)) exit(1, `admin:create: --grant must be <service id>=<${roleNames.join("|")}> (got "${grant}")`);
    granted.set(serviceId, role);
  }
  const grants: Record<string, Role> = Object.fromEntries(granted);

  const local = await localDatabaseUnlessConfigured();
  const { config, ConfigError } = await import("@/lib/config");
  const { AdministratorError, createAdministrator } = await import("@/lib/auth/administrators");
  const { db } = await import("@/lib/db");
  let code = 0;
  try {
    config();
    // A fresh embedded database has no tables until the first start; create them now.
    if (local) await migrateDeploy(local.url, { quiet: true });
    const user = await createAdministrator({ email: args.email, password: args.password, role: isRole(args.role) ? args.role : null, name: args.name, grants });
    const on = Object.entries(grants).map(([serviceId, role]) => `${role} of ${serviceId}`);
    process.stdout.write(`Created administrator ${user.email} (${[...(isRole(args.role) ? [args.role] : []), ...on].join("; ")})\n`);
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
