import { z } from "zod";

/** Raised when the environment is unusable; its message names every bad variable and the rule it broke. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** A 32-byte key given as 64 hex characters or as base64 / base64url. */
const key32 = z.string().transform((value, ctx) => {
  const bytes = /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, "hex") : Buffer.from(value, "base64");
  if (bytes.length !== 32) {
    ctx.addIssue({ code: "custom", message: "must be 32 bytes, as 64 hex characters or base64 (e.g. `openssl rand -base64 32`)" });
    return z.NEVER;
  }
  return bytes;
});

const optional = (v: unknown) => (v === "" ? undefined : v);

const EnvSchema = z
  .object({
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgresql:// URL" }),
    PORT: z.coerce.number({ error: "must be a port number" }).int().min(1).max(65535).default(3000),
    HOST: z.preprocess(optional, z.string().min(1).default("0.0.0.0")),
    REGISTRAR_ISSUER: z.preprocess(optional, z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional()),
    REGISTRAR_SERVICE_ID: z.preprocess(
      optional,
      z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, "must be 1–64 letters, digits, '.', '_' or '-'").default("default"),
    ),
    REGISTRAR_SERVICE_NAME: z.preprocess(optional, z.string().min(1).max(100).default("Registrar")),
    REGISTRAR_API_KEY: z.preprocess(optional, z.string().min(32, "must be at least 32 characters").optional()),
    REGISTRAR_ENCRYPTION_KEY: z.preprocess(optional, key32),
    AUTH_SECRET: z.preprocess(optional, z.string().min(32, "must be at least 32 characters")),
    ADMIN_EMAIL: z.preprocess(optional, z.email("must be an e-mail address").optional()),
    ADMIN_PASSWORD: z.preprocess(optional, z.string().min(12, "must be at least 12 characters").optional()),
    LOG_LEVEL: z.preprocess(optional, z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info")),
  });

export type Config = {
  databaseUrl: string;
  port: number;
  hostname: string;
  /** Public base URL, without a trailing slash. */
  issuer: string;
  serviceId: string;
  serviceName: string;
  apiKey: string | undefined;
  encryptionKey: Buffer;
  authSecret: string;
  admin: { email: string; password: string } | undefined;
  logLevel: string;
};

/** Parses and checks the environment; throws ConfigError naming each bad variable. */
export function parseConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = EnvSchema.safeParse(env);
  const problems = (result.error?.issues ?? []).map((issue) => {
    const name = String(issue.path[0] ?? "environment");
    const message = issue.code === "invalid_type" && !env[name] ? "is required" : issue.message;
    return `${name} ${message}`;
  });
  if (!env.ADMIN_EMAIL !== !env.ADMIN_PASSWORD)
    problems.push(`${env.ADMIN_EMAIL ? "ADMIN_PASSWORD" : "ADMIN_EMAIL"} is required when the other of ADMIN_EMAIL / ADMIN_PASSWORD is set`);
  if (!result.success || problems.length) throw new ConfigError(problems);
  const e = result.data;
  return {
    databaseUrl: e.DATABASE_URL,
    port: e.PORT,
    hostname: e.HOST,
    issuer: (e.REGISTRAR_ISSUER ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ""),
    serviceId: e.REGISTRAR_SERVICE_ID,
    serviceName: e.REGISTRAR_SERVICE_NAME,
    apiKey: e.REGISTRAR_API_KEY,
    encryptionKey: e.REGISTRAR_ENCRYPTION_KEY,
    authSecret: e.AUTH_SECRET,
    admin: e.ADMIN_EMAIL && e.ADMIN_PASSWORD ? { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD } : undefined,
    logLevel: e.LOG_LEVEL,
  };
}

/**
 * REGISTRAR_CREDENTIAL_LEDGER names a file to which every credential Registrar issues is appended in clear
 * (lib/registration/credentials.ts), so that `npm test` can look for each one in its logs and databases
 * (scripts/check-secrets.ts). A test run says so with NODE_ENV=test, as `npm test` and Vitest do; anywhere
 * else the file would be a plain-text copy of every client secret and token, so the launcher refuses to start.
 * `env` is the environment the process was started with (the launcher sets NODE_ENV itself afterwards).
 */
export function refuseCredentialLedgerOutsideTests(env: Record<string, string | undefined>): void {
  if (!env.REGISTRAR_CREDENTIAL_LEDGER || env.NODE_ENV === "test") return;
  throw new ConfigError([
    `REGISTRAR_CREDENTIAL_LEDGER is for test runs only (NODE_ENV=test, as \`npm test\` sets it), and NODE_ENV is ${env.NODE_ENV ? `"${env.NODE_ENV}"` : "unset"}: ` +
      "it writes every client secret and token Registrar issues to a file in clear. Unset it.",
  ]);
}

let cached: Config | undefined;
/** The process's configuration, parsed once. */
export function config(): Config {
  return (cached ??= parseConfig());
}
