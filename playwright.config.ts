import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { baseURL, serverEnv } from "./e2e/env";

// Debian's Chromium, never a downloaded browser (`npx playwright install` needs the network).
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!fs.existsSync(executablePath)) {
  throw new Error(`No Chromium at ${executablePath}. Install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH.`);
}
if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL must name the end-to-end test database (npm test sets it).");

const desktop = { ...devices["Desktop Chrome"], viewport: { width: 1366, height: 900 } };

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  // One retry, so that a test which fails once under a loaded machine does not sink the run; `npm test` lists every
  // test that needed it (flaky) under its summary, with its first error.
  retries: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    { name: "setup", testMatch: /global\.setup\.ts/ },
    // A fresh install, before any client exists: the console's empty states.
    { name: "empty", testMatch: /empty\/.*\.spec\.ts/, dependencies: ["setup"], use: desktop },
    { name: "seed", testMatch: /seed\.setup\.ts/, dependencies: ["empty"] },
    { name: "api", testMatch: /api\/.*\.spec\.ts/, dependencies: ["seed"] },
    { name: "ui", testMatch: /ui\/.*\.spec\.ts/, dependencies: ["seed"], use: desktop },
  ],
  webServer: {
    command: "node --import tsx scripts/serve.ts",
    url: `${baseURL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: { ...serverEnv, DATABASE_URL: process.env.DATABASE_URL },
    stdout: "pipe",
    stderr: "pipe",
  },
});
