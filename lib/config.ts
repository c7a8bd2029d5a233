import { isIP } from "node:net";
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

/** An IP address or a CIDR block (`10.0.0.0/8`, `2001:db8::/32`). */
function isAddressOrBlock(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split("/");
  const family = isIP(address ?? "");
  if (!family || rest.length) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

const trustedProxies = z
  .string()
  .transform((value) => value.split(",").map((entry) => entry.trim()).filter(Boolean))
  .refine((entries) => entries.length > 0, "must list at least one address or CIDR block")
  .superRefine((entries, ctx) => {
    const bad = entries.filter((entry) => !isAddressOrBlock(entry));
    if (bad.length) ctx.addIssue({ code: "custom", message: `must be IP addresses or CIDR blocks separated by commas (not ${bad.map((b) => JSON.stringify(b)).join(", ")})` });
  });

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
    TRUSTED_PROXY_HOPS: z.preprocess(optional, z.coerce.number({ error: "must be a whole number of proxies (0–10)" }).int("must be a whole number of proxies (0–10)").min(0, "must be a whole number of proxies (0–10)").max(10, "must be a whole number of proxies (0–10)").optional()),
    TRUSTED_PROXIES: z.preprocess(optional, trustedProxies.optional()),
    TRUSTED_IP_HEADER: z.preprocess(
      optional,
      z.string().trim().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, "must be one HTTP header name (e.g. x-forwarded-for)").transform((v) => v.toLowerCase()).optional(),
    ),
    LOG_LEVEL: z.preprocess(optional, z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info")),
    METRICS_TOKEN: z.preprocess(optional, z.string().min(32, "must be at least 32 characters").optional()),
    REGISTRAR_SECTOR_FETCH_ALLOW_PRIVATE: z.preprocess(optional, z.enum(["0", "1"], "must be 1 or 0").default("0")),
    // Retention of the rows that would otherwise grow without bound (lib/registration/retention.ts).
    REGISTRAR_AUDIT_RETENTION_DAYS: z.preprocess(
      optional,
      z.coerce
        .number({ error: "must be a number of days" })
        .int("must be a whole number of days")
        .min(365, "must be at least 365: audit events are kept at least a year")
        .default(365),
    ),
    REGISTRAR_AUTH_FAILURE_RETENTION_HOURS: z.preprocess(
      optional,
      z.coerce
        .number({ error: "must be a number of hours" })
        .int("must be a whole number of hours")
        .min(24, "must be at least 24: a counter is kept at least as long as the longest throttling window (a day)")
        .default(24),
    ),
    REGISTRAR_RATE_LIMIT_RETENTION_HOURS: z.preprocess(
      optional,
      z.coerce.number({ error: "must be a number of hours" }).int("must be a whole number of hours").min(1, "must be at least 1").default(24),
    ),
  });

/**
 * Which proxies' word on the client's address is believed (lib/launcher/client-address.ts): the number of proxy
 * hops in front of Registrar, or the addresses of the trusted proxies; `header` is where they append the address.
 */
export type ProxyTrust = { kind: "hops"; hops: number; header: string } | { kind: "proxies"; proxies: readonly string[]; header: string };

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
  /** The bearer token /metrics requires; unset = no /metrics (404). */
  metricsToken: string | undefined;
  /** Tests only: sector_identifier_uri may name a private or loopback address (lib/registration/sector-fetch.ts). */
  sectorFetchAllowPrivate: boolean;
  proxyTrust: ProxyTrust;
  /** How long rows that accumulate are kept before pruning. */
  retention: Retention;
};

export type Retention = {
  /** Audit events, at least a year. */
  auditEventDays: number;
  /** Counters of failed credential checks and open registrations per address (auth_failure), from their window's start. */
  authFailureHours: number;
  /** better-auth's sign-in rate limit rows (rateLimit), from their last request. */
  rateLimitHours: number;
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
  if (env.REGISTRAR_SECTOR_FETCH_ALLOW_PRIVATE === "1" && env.NODE_ENV === "production")
    problems.push("REGISTRAR_SECTOR_FETCH_ALLOW_PRIVATE must not be set in production: it lets clients make the service fetch from private addresses");
  if (optional(env.TRUSTED_PROXY_HOPS) !== undefined && optional(env.TRUSTED_PROXIES) !== undefined)
    problems.push("TRUSTED_PROXY_HOPS and TRUSTED_PROXIES must not both be set: give the number of proxies or their addresses");
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
    metricsToken: e.METRICS_TOKEN,
    sectorFetchAllowPrivate: e.REGISTRAR_SECTOR_FETCH_ALLOW_PRIVATE === "1",
    retention: { auditEventDays: e.REGISTRAR_AUDIT_RETENTION_DAYS, authFailureHours: e.REGISTRAR_AUTH_FAILURE_RETENTION_HOURS, rateLimitHours: e.REGISTRAR_RATE_LIMIT_RETENTION_HOURS },
    proxyTrust: proxyTrust(e.TRUSTED_PROXY_HOPS, e.TRUSTED_PROXIES, e.TRUSTED_IP_HEADER),
  };
}

/**
 * TRUSTED_PROXIES, else TRUSTED_PROXY_HOPS, read from TRUSTED_IP_HEADER (default X-Forwarded-For). TRUSTED_IP_HEADER
 * alone keeps its meaning from before the other two: one proxy, which appends to that header.
 */
function proxyTrust(hops: number | undefined, proxies: string[] | undefined, header: string | undefined): ProxyTrust {
  if (proxies) return { kind: "proxies", proxies, header: header ?? "x-forwarded-for" };
  return { kind: "hops", hops: hops ?? (header ? 1 : 0), header: header ?? "x-forwarded-for" };
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
