import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import os from "node:os";
import { expect, test } from "@playwright/test";
import { freePort } from "../../scripts/lib/embedded-postgres";
import { serverEnv } from "../env";

// Registrar started the ways an operator or a newcomer might: `npm start` with ADMIN_EMAIL / ADMIN_PASSWORD
// when an administrator exists, `next start` without the launcher, and `npm run dev` opened at another host
// than localhost. Each runs a Registrar of its own on the test run's database.

type Started = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

function start(command: string, args: string[], env: Record<string, string | undefined>): Started {
  const child = spawn(command, args, { env: { ...process.env, ...serverEnv, ...env }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function ready(started: Started) {
  await expect
    .poll(() => (started.child.exitCode === null ? /ready at/.test(started.output()) : `exited: ${started.output()}`), { timeout: 300_000, intervals: [500] })
    .toBe(true);
}

async function stop(started: Started) {
  if (started.child.exitCode !== null) return;
  process.kill(-started.child.pid!, "SIGTERM");
  await started.exited;
}

/** GET `path` from 127.0.0.1:`port` as a browser at `origin` would ask for a script: Host and Origin its own. */
function getAsBrowserAt(port: number, path: string, origin: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      { host: "127.0.0.1", port, path, headers: { Host: new URL(origin).host, Origin: origin, "Sec-Fetch-Mode": "cors", "Sec-Fetch-Site": "same-origin" } },
      (response) => {
        let body = "";
        response.setEncoding("utf8").on("data", (chunk) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode!, body }));
      },
    );
    request.on("error", reject);
  });
}

test("[LAUNCHER] ADMIN_EMAIL and ADMIN_PASSWORD when an administrator exists: the start-up says they were not used, and no one is created", async ({ request }) => {
  test.setTimeout(180_000);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const admin = { email: `unused-${Date.now()}@registrar.test`, password: "never-used-password-1" };
  const app = start(process.execPath, ["--import", "tsx", "scripts/serve.ts"], { PORT: String(port), REGISTRAR_ISSUER: base, ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password });
  try {
    await ready(app);
    expect(app.output()).toContain("ADMIN_EMAIL and ADMIN_PASSWORD were not used: an administrator exists already");
    expect(app.output()).not.toContain(admin.password);
    const signIn = await request.post(`${base}/api/auth/sign-in/email`, { headers: { origin: base, "x-registrar-client-ip": "198.18.250.1" }, data: admin });
    expect(signIn.status()).toBe(401);
  } finally {
    await stop(app);
  }
});

test("[LAUNCHER] `next start` without the launcher refuses to start, saying to use npm start", async () => {
  test.setTimeout(120_000);
  const port = await freePort();
  const app = start("node_modules/.bin/next", ["start", "-p", String(port), "-H", "127.0.0.1"], {});
  try {
    expect(await app.exited).toBe(1);
    expect(app.output()).toContain("Registrar cannot start");
    expect(app.output()).toContain("Start it with `npm start` (or `npm run dev`), not `next start` or `next dev`");
    await expect(fetch(`http://127.0.0.1:${port}/sign-in`)).rejects.toThrow();
  } finally {
    await stop(app);
  }
});

test("[LAUNCHER] `npm run dev` opened at 127.0.0.1 becomes interactive, and serves its scripts to the machine's name and the issuer's host too", async ({ browser }) => {
  test.setTimeout(600_000);
  const port = await freePort();
  const issuerHost = "registrar-dev.example.test";
  // HOST unset: listening on every address, as `npm run dev` does by default.
  const app = start(process.execPath, ["--import", "tsx", "scripts/serve.ts", "--dev"], { PORT: String(port), HOST: "", REGISTRAR_ISSUER: `http://${issuerHost}:${port}` });
  try {
    await ready(app);
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/sign-in`, { timeout: 300_000 });
    // Only the page's own script says this: an empty form is refused in the browser, before any request.
    await expect(async () => {
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByText("Enter your e-mail address.")).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 300_000 });
    await page.close();

    const html = (await getAsBrowserAt(port, "/sign-in", `http://127.0.0.1:${port}`)).body;
    const script = html.match(/src="(\/_next\/static\/[^"]+\.js)"/)?.[1];
    expect(script, "the page names its scripts").toBeTruthy();
    for (const host of ["127.0.0.1", "[::1]", os.hostname(), issuerHost]) {
      expect((await getAsBrowserAt(port, script!, `http://${host}:${port}`)).status, host).toBe(200);
    }
    // Any other host is still refused, as Next.js's dev server does by default.
    expect((await getAsBrowserAt(port, script!, `http://elsewhere.example.test:${port}`)).status).toBe(403);
  } finally {
    await stop(app);
  }
});
