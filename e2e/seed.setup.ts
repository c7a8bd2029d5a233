import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { test as setup } from "@playwright/test";
import { serverEnv } from "./env";

const exec = promisify(execFile);

// The demo data set, loaded as an operator would: the console's pages are tested against realistic clients.
// It runs after the "empty" project, which sees the service as a fresh install leaves it.
setup("[SETUP] load the demo data set", async () => {
  setup.setTimeout(120_000);
  await exec(process.execPath, ["--import", "tsx", "scripts/seed.ts"], { env: { ...process.env, ...serverEnv } });
});
