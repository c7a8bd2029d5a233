import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { request, test as setup } from "@playwright/test";
import { baseURL, serverEnv, users } from "./env";
import { authFile, signInThroughApi, type Role } from "./support";

const exec = promisify(execFile);

// The admin comes from ADMIN_EMAIL / ADMIN_PASSWORD at server start; the editor and viewer are created
// the way an operator would, with `npm run admin:create`, against the same database.
setup("[SETUP] create the editor and viewer administrators", async () => {
  for (const role of ["editor", "viewer"] as const) {
    const { email, password } = users[role];
    await exec(process.execPath, ["--import", "tsx", "scripts/admin-create.ts", "--email", email, "--password", password, "--role", role], {
      env: { ...process.env, ...serverEnv },
    }).catch((error: { stderr?: string }) => {
      if (!error.stderr?.includes("already exists")) throw error;
    });
  }
});

setup("[SETUP] sign each role in and keep its session", async () => {
  for (const role of Object.keys(users) as Role[]) {
    const context = await request.newContext({ baseURL });
    await signInThroughApi(context, baseURL, role);
    await context.storageState({ path: authFile(role) });
    await context.dispose();
  }
});
