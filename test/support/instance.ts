// One instance of Registrar in a process of its own, for test/instances.test.ts: `node --import tsx
// test/support/instance.ts` with DATABASE_URL, PORT and the shared settings in the environment. It starts as
// scripts/serve.ts does (the configuration, the invalidation listener, the launcher's real request listener),
// with Next.js played by a handler, as in the other launcher tests, that serves what the console's code does:
// - /api/auth/… through better-auth, as app/api/auth/[...all]/route.ts does;
// - GET /probe/administrator?service=<id>: the signed-in administrator as a console page sees them
//   (`pageViewAdministrator`, with the page views' session checks) and their role on the service;
// - POST /probe/core {op, args}: the core's call a console server action makes (policy, API key, initial access
//   token) or `npm run admin:grant`'s.
// It prints "ready <port>" once it listens.
import http from "node:http";
import type { AddressInfo } from "node:net";

const { parseConfig } = await import("@/lib/config");
const config = parseConfig(process.env);
const { startInvalidationListener } = await import("@/lib/invalidation");
startInvalidationListener(config.databaseUrl);

const { createRequestListener } = await import("@/lib/launcher/listener");
const { auth } = await import("@/lib/auth/auth");
const { pageViewAdministrator } = await import("@/lib/auth/session");
const { roleOn } = await import("@/lib/auth/permissions");
const { setServiceRole } = await import("@/lib/auth/administrators");
const { updatePolicy, revokeInitialAccessToken } = await import("@/lib/registration/settings");
const { revokeApiKey } = await import("@/lib/registration/api-keys");

const caller = { interface: "console" as const, actor: "admin:instances-test", ip: null };
const coreCalls: Record<string, (...args: never[]) => Promise<unknown>> = {
  updatePolicy: (serviceId: string, policy: unknown) => updatePolicy(serviceId, policy, caller),
  revokeApiKey: (serviceId: string, id: string) => revokeApiKey(serviceId, id, caller),
  revokeInitialAccessToken: (serviceId: string, id: string) => revokeInitialAccessToken(serviceId, id, caller),
  setServiceRole: (email: string, serviceId: string, role: "admin" | "editor" | "viewer" | null) => setServiceRole(email, serviceId, role),
};

async function body(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function headersOf(req: http.IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) for (const v of [value ?? []].flat()) headers.append(name, v);
  return headers;
}

const json = (res: http.ServerResponse, status: number, value: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(value));

async function nextJs(req: http.IncomingMessage, res: http.ServerResponse) {
  const url = new URL(req.url ?? "/", config.issuer);
  if (url.pathname.startsWith("/api/auth/")) {
    const method = req.method ?? "GET";
    const request = new Request(url, { method, headers: headersOf(req), body: method === "GET" || method === "HEAD" ? undefined : new Uint8Array(await body(req)) });
    const response = await auth().handler(request);
    const headers: Record<string, string | string[]> = Object.fromEntries(response.headers);
    if (response.headers.getSetCookie().length) headers["set-cookie"] = response.headers.getSetCookie();
    res.writeHead(response.status, headers).end(Buffer.from(await response.arrayBuffer()));
    return;
  }
  if (url.pathname === "/probe/administrator") {
    const administrator = await pageViewAdministrator(headersOf(req));
    if (!administrator) return json(res, 401, { administrator: null });
    return json(res, 200, { email: administrator.email, role: roleOn(administrator, url.searchParams.get("service") ?? config.serviceId) });
  }
  if (url.pathname === "/probe/core" && req.method === "POST") {
    const { op, args } = JSON.parse((await body(req)).toString("utf8")) as { op: string; args: never[] };
    const call = coreCalls[op];
    if (!call) return json(res, 404, { error: `no core call ${op}` });
    return json(res, 200, (await call(...args)) ?? null);
  }
  json(res, 404, { error: "not found" });
}

const server = http.createServer(
  createRequestListener((req, res) => {
    nextJs(req, res).catch((error: Error) => json(res, 500, { error: error.message }));
  }),
);
server.listen(config.port, "127.0.0.1", () => process.stdout.write(`ready ${(server.address() as AddressInfo).port}\n`));
process.on("SIGTERM", () => process.exit(0));
