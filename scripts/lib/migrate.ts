import { spawn } from "node:child_process";
import path from "node:path";

/**
 * Applies pending migrations with `prisma migrate deploy` (offline, through the Wasm schema engine): this
 * checkout's, or with `cwd` another checkout's (its Prisma, its schema and its migrations).
 */
export function migrateDeploy(databaseUrl: string, { quiet = false, cwd = process.cwd() } = {}): Promise<void> {
  const prisma = path.resolve(cwd, "node_modules", ".bin", "prisma");
  return new Promise((resolve, reject) => {
    const child = spawn(prisma, ["migrate", "deploy"], {
      cwd,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit",
    });
    let output = "";
    child.stdout?.on("data", (chunk) => (output += chunk));
    child.stderr?.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`prisma migrate deploy failed (exit ${code})${output ? `:\n${output}` : ""}`)),
    );
  });
}
