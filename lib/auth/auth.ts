import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { admin } from "better-auth/plugins/admin";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { clientAddressHeader } from "@/lib/request-headers";
import { logger } from "@/lib/logger";
import { accessControl, roles } from "./permissions";
import { afterAuthRequest } from "./hooks";

/** Administrator passwords: long enough to resist guessing, bounded so hashing cannot be used to exhaust the CPU. */
export const passwordLength = { min: 12, max: 256 } as const;

/** The origins the console may be reached at: cookie-authenticated POSTs must come from one of them. */
export function consoleOrigins(): string[] {
  const { issuer, port } = config();
  return [...new Set([new URL(issuer).origin, `http://localhost:${port}`, `http://127.0.0.1:${port}`])];
}

function createAuth() {
  const { issuer, authSecret } = config();
  return betterAuth({
    appName: "Registrar",
    baseURL: issuer,
    secret: authSecret,
    // Cookie-authenticated POSTs are origin-checked; the console may be reached by any of these names.
    trustedOrigins: consoleOrigins(),
    database: prismaAdapter(db(), { provider: "postgresql" }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: passwordLength.min, maxPasswordLength: passwordLength.max },
    session: { expiresIn: 60 * 60 * 12, updateAge: 60 * 60 },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 200,
      customRules: { "/sign-in/email": { window: 60, max: 5 } },
    },
    hooks: { after: afterAuthRequest },
    // Its messages join the app's JSON log lines (with the logger's redaction of secrets).
    logger: {
      log: (level, message, ...args) => {
        const details = args.filter((arg) => !(arg instanceof Error));
        const err = args.find((arg) => arg instanceof Error);
        logger[level]({ source: "better-auth", ...(err && { err }), ...(details.length && { details }) }, message);
      },
    },
    advanced: {
      // The address the launcher decided on (lib/launcher/client-address.ts); a client can forge x-forwarded-for.
      // The sign-in rate limit counts an IPv6 address by its /64, as the credential throttle does
      // (throttledAddress in lib/registration/throttle.ts); an IPv4-mapped address as its IPv4 address.
      ipAddress: { ipAddressHeaders: [clientAddressHeader], ipv6Subnet: 64 },
    },
    plugins: [admin({ ac: accessControl, roles, defaultRole: "viewer", adminRoles: ["admin"] }), nextCookies()],
  });
}

type Auth = ReturnType<typeof createAuth>;
const globalForAuth = globalThis as unknown as { registrarAuth?: Auth };

/** The better-auth instance, created on first use (the configuration is read at run time, not at build). */
export function auth(): Auth {
  return (globalForAuth.registrarAuth ??= createAuth());
}
