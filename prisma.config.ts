import path from "node:path";
import { defineConfig } from "prisma/config";

// Prisma 7's CLI downloads a native schema-engine binary before migrate/db commands; these machines (and
// air-gapped deployments) cannot reach its host. The stand-in answers the same JSON-RPC with Prisma's own
// WebAssembly engine, so `prisma migrate …` works offline. An explicit PRISMA_SCHEMA_ENGINE_BINARY wins.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve("scripts/schema-engine-wasm.mjs");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx scripts/seed.ts" },
  datasource: {
    // Only migrate/db commands need a database; `prisma generate` (postinstall) works without one.
    url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/registrar",
  },
});
