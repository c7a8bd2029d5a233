import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProxyTrust } from "@/lib/config";
import { db } from "@/lib/db";
import { createRequestListener } from "@/lib/launcher/listener";
import { throttleSettings } from "@/lib/registration/throttle";
import { startProtocolServer, type ProtocolServer } from "./support/protocol-server";

// The client's address over real HTTP: the process's request listener, with no proxy, one proxy and a list of
// trusted proxies in front, as a client that forges X-Forwarded-For sees it. Requests leave from chosen
// loopback addresses (127.0.0.0/8), so the socket's peer — the client itself, or a proxy — is known.

let server: ProtocolServer;
const listeners: http.Server[] = [];
beforeAll(async () => {
  server = await startProtocolServer();
});
afterAll(async () => {
  await Promise.all(listeners.map((l) => new Promise((resolve) => l.close(resolve))));
  await server.close();
});

/** The real request listener with `trust`, on a free port of 127.0.0.1. */
async function listen(trust: ProxyTrust): Promise<number> {
  const listener = http.createServer(createRequestListener((_req, res) => void res.writeHead(404).end(), trust));
  await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
  listeners.push(listener);
  return (listener.address() as AddressInfo).port;
}

const octet = () => Math.floor(Math.random() * 250) + 2;
const loopback = () => `127.${octet()}.${octet()}.${octet()}`;
const documentation = () => `192.0.2.${octet()}`;
const hex = () => Math.floor(Math.random() * 0xffff).toString(16);

type Answer = { status: number; json: Record<string, unknown> | null };

/** One request from the loopback address `from`, with the given headers. */
function send(port: number, from: string, method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      { host: "127.0.0.1", port, method, path, localAddress: from, headers: payload ? Object.assign({ "content-type": "application/json" }, headers) : headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString();
          resolve({ status: res.statusCode!, json: text ? (JSON.parse(text) as Record<string, unknown>) : null });
        });
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

/**
 * Guesses registration access tokens through `port` until the throttle answers, each request with a freshly
 * spoofed X-Forwarded-For entry in front of whatever `forwardedFor` appends; returns the spoofed addresses.
 */
async function guessUntilThrottled(port: number, from: string, forwardedFor: () => string, clientId: string) {
  const spoofed: string[] = [];
  const guess = () => {
    const fake = documentation();
    spoofed.push(fake);
    const chain = [fake, forwardedFor()].filter(Boolean).join(", ");
    return send(port, from, "GET", `/register/${clientId}`, { authorization: `Bearer guess-${Math.random()}`, "x-forwarded-for": chain });
  };
  for (let i = 0; i < throttleSettings.limit; i++) expect((await guess()).status).toBe(401);
  const refused = await guess();
  expect(refused.status).toBe(429);
  expect(refused.json).toMatchObject({ error: "too_many_requests" });
  return spoofed;
}

async function registerFrom(port: number, from: string, headers: Record<string, string>) {
  const answer = await send(port, from, "POST", "/register", headers, { redirect_uris: ["https://app.example.com/cb"] });
  expect(answer.status).toBe(201);
  return answer.json as { client_id: string };
}

const auditedAddresses = async (since: Date) =>
  new Set((await db().auditEvent.findMany({ where: { serviceId: server.serviceId, createdAt: { gte: since } }, select: { ip: true } })).map((e) => e.ip));

describe("[AUTH][GUESSING] a forged X-Forwarded-For over HTTP", () => {
  let limit: number;
  beforeAll(() => {
    limit = throttleSettings.limit;
    throttleSettings.limit = 3;
  });
  afterAll(() => {
    throttleSettings.limit = limit;
  });

  it("with no proxy trusted: neither escapes the throttle nor reaches the audit log", async () => {
    const port = await listen({ kind: "hops", hops: 0, header: "x-forwarded-for" });
    const client = loopback();
    const since = new Date();
    const { client_id } = await registerFrom(port, client, { "x-forwarded-for": documentation() });
    const spoofed = await guessUntilThrottled(port, client, () => "", client_id);
    const audited = await auditedAddresses(since);
    expect(audited).toContain(client);
    for (const fake of spoofed) expect(audited).not.toContain(fake);
  });

  it("behind one proxy: the address the proxy appended counts, not the entries the client sent before it", async () => {
    const port = await listen({ kind: "hops", hops: 1, header: "x-forwarded-for" });
    const proxy = loopback();
    const client = `10.${octet()}.${octet()}.${octet()}`;
    const since = new Date();
    const { client_id } = await registerFrom(port, proxy, { "x-forwarded-for": `${documentation()}, ${client}` });
    const spoofed = await guessUntilThrottled(port, proxy, () => client, client_id);
    const audited = await auditedAddresses(since);
    expect(audited).toContain(client);
    expect(audited).not.toContain(proxy);
    for (const fake of spoofed) expect(audited).not.toContain(fake);
    // Another client behind the same proxy is not throttled.
    const other = `10.${octet()}.${octet()}.${octet()}`;
    expect((await send(port, proxy, "GET", `/register/${client_id}`, { authorization: "Bearer wrong", "x-forwarded-for": other })).status).toBe(401);
  });

  it("behind trusted proxies: the first untrusted address from the right counts; an untrusted peer's header is ignored", async () => {
    const port = await listen({ kind: "proxies", proxies: ["127.0.0.0/8", "10.0.0.0/8"], header: "x-forwarded-for" });
    const proxy = loopback();
    const client = `198.51.100.${octet()}`;
    const since = new Date();
    const { client_id } = await registerFrom(port, proxy, { "x-forwarded-for": `${documentation()}, ${client}, 10.1.2.3` });
    const spoofed = await guessUntilThrottled(port, proxy, () => `${client}, 10.${octet()}.${octet()}.${octet()}`, client_id);
    const audited = await auditedAddresses(since);
    expect(audited).toContain(client);
    for (const fake of spoofed) expect(audited).not.toContain(fake);

    // A peer outside the trusted list is the client itself, whatever it forwards.
    const untrusted = await listen({ kind: "proxies", proxies: ["10.0.0.0/8"], header: "x-forwarded-for" });
    const direct = loopback();
    const directSince = new Date();
    await registerFrom(untrusted, direct, { "x-forwarded-for": client });
    expect([...(await auditedAddresses(directSince))]).toEqual([direct]);
  });

  it("two IPv6 addresses in one /64 share the throttle; another /64 does not", async () => {
    const port = await listen({ kind: "hops", hops: 1, header: "x-forwarded-for" });
    const proxy = loopback();
    const prefix = `2001:db8:${hex()}:${hex()}`;
    const since = new Date();
    const { client_id } = await registerFrom(port, proxy, {});
    let n = 0;
    const spoofed = await guessUntilThrottled(port, proxy, () => `${prefix}::${(++n).toString(16)}`, client_id);
    expect(spoofed).toHaveLength(throttleSettings.limit + 1);
    const neighbour = await send(port, proxy, "GET", `/register/${client_id}`, { authorization: "Bearer wrong", "x-forwarded-for": `${prefix}:ffff:1:2:3` });
    expect(neighbour.status).toBe(429);
    const elsewhere = await send(port, proxy, "GET", `/register/${client_id}`, { authorization: "Bearer wrong", "x-forwarded-for": `2001:db8:${hex()}:${hex()}::1` });
    expect(elsewhere.status).toBe(401);
    // The audit log keeps each full address, not the /64.
    const audited = await auditedAddresses(since);
    expect(audited).toContain(`${prefix}::1`);
    expect(audited).toContain(`${prefix}::2`);
  });
});
