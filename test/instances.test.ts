import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { listenerName } from "@/lib/invalidation";
import { createApiKey } from "@/lib/registration/api-keys";
import { ServicePolicySchema } from "@/lib/registration/policy";
import { createInitialAccessToken } from "@/lib/registration/settings";
import { freePort } from "@/scripts/lib/embedded-postgres";
import { seedAdministrator, sessionCookie } from "./support/administrators";
import { createTestService } from "./support/services";

// Several instances against one PostgreSQL (README, Several instances): two real processes, each with the
// launcher's request listener, better-auth, the core and the invalidation listener (test/support/instance.ts),
// on ports of their own, over the test database. A change made through instance A shows at instance B within
// one second, although B had just read (and cached) the state before it: B's caches keep a service, an API key
// and a page view's session check for 5 or 10 seconds, so only the change's message can make it that quick.

type Instance = { url: string; pid: number; child: ChildProcess };

async function startInstance(): Promise<Instance> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", path.join("test", "support", "instance.ts")], {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  await until(() => {
    if (child.exitCode !== null) throw new Error(`the instance exited: ${output}`);
    return /^ready \d+$/m.test(output);
  }, 60_000);
  return { url: `http://127.0.0.1:${port}`, pid: child.pid!, child };
}

/** Waits (outside a test: expect.poll is for tests) until `done` holds. */
async function until(done: () => boolean | Promise<boolean>, timeoutMs: number) {
  for (const deadline = Date.now() + timeoutMs; !(await done()); await new Promise((r) => setTimeout(r, 100)))
    if (Date.now() > deadline) throw new Error(`not done within ${timeoutMs} ms`);
}

let a: Instance;
let b: Instance;
const caller = { interface: "console" as const, actor: "admin:instances-test", ip: null };

beforeAll(async () => {
  [a, b] = await Promise.all([startInstance(), startInstance()]);
  // Both listen before any change is made: each listener's backend is in pg_stat_activity.
  await until(async () => {
    const listening = await listeningInstances();
    return [a.pid, b.pid].every((pid) => listening.includes(pid));
  }, 10_000);
  // Each path once, so that no test's first request pays for loading code: what B caches in a test is fresh
  // when the change is made, seconds before the cache would expire by itself.
  const warmUp = await createTestService("instances-warm-up");
  const viewer = await seedAdministrator("viewer");
  const cookie = await sessionCookie(viewer.email, viewer.password);
  for (const instance of [a, b]) {
    expect(await register(instance, warmUp.id)).toBe(201);
    expect(await pageView(instance, cookie)).toMatchObject({ status: 200 });
    await fetch(`${instance.url}/api/${warmUp.id}/client/registration/get`, { method: "POST", headers: { authorization: "Bearer rgk_warm-up" }, body: "{}" });
  }
}, 120_000);
afterAll(() => {
  for (const instance of [a, b]) instance?.child.kill("SIGTERM");
});

async function listeningInstances(): Promise<number[]> {
  const rows = await db().$queryRaw<{ name: string }[]>`SELECT application_name AS name FROM pg_stat_activity WHERE application_name LIKE ${`${listenerName} %`} AND query LIKE 'LISTEN%'`;
  return rows.map((r) => Number(r.name.split(" ")[1]));
}

/** A core call on instance A, as the console's server action (or admin:grant) makes it there. */
async function throughA(op: string, ...args: unknown[]) {
  const response = await fetch(`${a.url}/probe/core`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ op, args }) });
  expect(response.status, await response.clone().text()).toBe(200);
  return response.json() as Promise<{ ok?: boolean } | null>;
}

/** A better-auth request at `instance` with a session cookie, as the console's browser sends it. */
function authRequest(instance: Instance, route: string, cookie: string, body: unknown = {}) {
  return fetch(`${instance.url}/api/auth${route}`, { method: "POST", headers: { "content-type": "application/json", cookie, origin: instance.url }, body: JSON.stringify(body) });
}

/** What a console page at `instance` sees of the session: 200 with the administrator's role on `service`, or 401. */
async function pageView(instance: Instance, cookie: string, service = "default") {
  const response = await fetch(`${instance.url}/probe/administrator?service=${encodeURIComponent(service)}`, { headers: { cookie } });
  const body = (await response.json()) as { role?: string | null };
  return response.status === 200 ? { status: 200, role: body.role } : { status: response.status };
}

function register(instance: Instance, serviceId: string, initialAccessToken?: string) {
  return fetch(`${instance.url}/s/${serviceId}/register`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(initialAccessToken && { authorization: `Bearer ${initialAccessToken}` }) },
    body: JSON.stringify({ redirect_uris: ["https://instances.example.com/cb"], client_name: "Two instances" }),
  }).then((r) => r.status);
}

/** Polls `probe` for up to one second after the change (every 50 ms): the assertion that follows must hold by then. */
const withinOneSecond = (probe: () => Promise<unknown>) => expect.poll(probe, { timeout: 1_000, interval: 50 });

describe("[INSTANCES] a change through one instance takes effect on the other within one second", () => {
  it("a policy change", async () => {
    const service = await createTestService("instances-policy");
    expect(await register(b, service.id)).toBe(201); // B has the open policy in its cache now
    const changed = await throughA("updatePolicy", service.id, { registrationMode: "console_only" });
    expect(changed).toMatchObject({ ok: true });
    await withinOneSecond(() => register(b, service.id)).toBe(403);
  });

  it("a revoked API key", async () => {
    const service = await createTestService("instances-api-key");
    const created = await createApiKey(service.id, { name: "authorization server" }, caller);
    if (!created.ok) throw new Error("no key");
    const call = () =>
      fetch(`${b.url}/api/${service.id}/client/registration/get`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${created.value.apiKey}` },
        body: JSON.stringify({ clientId: "no-such-client", token: "no-such-token" }),
      }).then(async (r) => (r.status === 401 ? ((await r.json()) as { resultCode: string }).resultCode : "accepted"));
    expect(await call()).toBe("accepted"); // B has the key in its cache now
    expect(await throughA("revokeApiKey", service.id, created.value.key.id)).toMatchObject({ ok: true });
    await withinOneSecond(call).toBe("R-API-4010");
  });

  it("a revoked initial access token (not cached: refused at once, by the very next request)", async () => {
    const service = await createTestService("instances-iat");
    await service.setPolicy({ registrationMode: "initial_access_token" });
    const issued = await createInitialAccessToken(service.id, {}, caller);
    if (!issued.ok) throw new Error("no token");
    expect(await register(b, service.id, issued.value.token)).toBe(201);
    expect(await throughA("revokeInitialAccessToken", service.id, issued.value.id)).toMatchObject({ ok: true });
    expect(await register(b, service.id, issued.value.token)).toBe(401);
  });

  it("a sign-out: the session cookie signed out at A is refused at B", async () => {
    const editor = await seedAdministrator("editor");
    const cookie = await sessionCookie(editor.email, editor.password);
    expect(await pageView(b, cookie)).toEqual({ status: 200, role: "editor" }); // B's session check remembers it now
    expect((await authRequest(a, "/sign-out", cookie)).status).toBe(200);
    await withinOneSecond(() => pageView(b, cookie)).toEqual({ status: 401 });
  });

  it("a removed user", async () => {
    const [viewer, admin] = [await seedAdministrator("viewer"), await seedAdministrator("admin")];
    const cookie = await sessionCookie(viewer.email, viewer.password);
    const { id: userId } = await db().user.findUniqueOrThrow({ where: { email: viewer.email } });
    expect(await pageView(b, cookie)).toEqual({ status: 200, role: "viewer" });
    expect((await authRequest(a, "/admin/remove-user", await sessionCookie(admin.email, admin.password), { userId })).status).toBe(200);
    await withinOneSecond(() => pageView(b, cookie)).toEqual({ status: 401 });
  });

  it("a changed role: a grant on a service (admin:grant), and the global role (better-auth's set-role)", async () => {
    const service = await createTestService("instances-role");
    const [viewer, admin] = [await seedAdministrator("viewer"), await seedAdministrator("admin")];
    const cookie = await sessionCookie(viewer.email, viewer.password);
    expect(await pageView(b, cookie, service.id)).toEqual({ status: 200, role: "viewer" });
    await throughA("setServiceRole", viewer.email, service.id, "editor");
    await withinOneSecond(() => pageView(b, cookie, service.id)).toEqual({ status: 200, role: "editor" });

    expect(await pageView(b, cookie)).toEqual({ status: 200, role: "viewer" });
    const { id: userId } = await db().user.findUniqueOrThrow({ where: { email: viewer.email } });
    expect((await authRequest(a, "/admin/set-role", await sessionCookie(admin.email, admin.password), { userId, role: "admin" })).status).toBe(200);
    await withinOneSecond(() => pageView(b, cookie)).toEqual({ status: 200, role: "admin" });
    expect(await pageView(b, cookie, service.id)).toEqual({ status: 200, role: "editor" }); // the grant still wins there
  });
});

describe("[INSTANCES] the listening connection", () => {
  it("reconnects when it is cut, and then drops every cache: a change whose message it missed shows at once", async () => {
    const service = await createTestService("instances-reconnect");
    expect(await register(b, service.id)).toBe(201); // cached at B for 5 seconds
    // A change no instance announced, as if its message had been sent while B was not listening.
    await db().service.update({ where: { id: service.id }, data: { policy: ServicePolicySchema.parse({ registrationMode: "console_only" }) as Prisma.InputJsonObject } });
    const [cut] = await db().$queryRaw<{ cut: boolean }[]>`SELECT pg_terminate_backend(pid) AS cut FROM pg_stat_activity WHERE application_name = ${`${listenerName} ${b.pid}`}`;
    expect(cut?.cut).toBe(true);
    await withinOneSecond(() => register(b, service.id)).toBe(403);
    // And it listens again: the next announced change arrives as before.
    await expect.poll(listeningInstances, { timeout: 5_000 }).toEqual(expect.arrayContaining([b.pid]));
    expect(await throughA("updatePolicy", service.id, { registrationMode: "open" })).toMatchObject({ ok: true });
    await withinOneSecond(() => register(b, service.id)).toBe(201);
  });
});

describe("[INSTANCES] messages carry no secret", () => {
  it("a revocation names the key by its id, a sign-out the session by the hash of its cookie", async () => {
    const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await listener.connect();
    const heard: string[] = [];
    listener.on("notification", (m) => heard.push(m.payload ?? ""));
    await listener.query("LISTEN registrar_invalidate");
    try {
      const service = await createTestService("instances-secrets");
      const created = await createApiKey(service.id, { name: `key ${randomBytes(2).toString("hex")}` }, caller);
      if (!created.ok) throw new Error("no key");
      await throughA("revokeApiKey", service.id, created.value.key.id);
      const editor = await seedAdministrator("editor");
      const cookie = await sessionCookie(editor.email, editor.password);
      await authRequest(a, "/sign-out", cookie);
      await expect.poll(() => heard.length, { timeout: 2_000 }).toBeGreaterThanOrEqual(2);
      expect(heard).toContain(`api_key:${created.value.key.id}`);
      expect(heard.some((m) => /^session:[A-Za-z0-9_-]{43}$/.test(m))).toBe(true);
      const sessionToken = decodeURIComponent(/session_token=([^;]+)/.exec(cookie)![1]!).split(".")[0]!;
      for (const message of heard) {
        expect(message).not.toContain(created.value.apiKey);
        expect(message).not.toContain(sessionToken);
      }
    } finally {
      await listener.end();
    }
  });
});
