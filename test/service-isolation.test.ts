import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { exportClients } from "@/lib/migration/export";
import { createApiKey, listApiKeys, revokeApiKey } from "@/lib/registration/api-keys";
import { hashToken } from "@/lib/registration/credentials";
import { ServicePolicySchema, type ServicePolicyInput } from "@/lib/registration/policy";
import { forgetService, savePolicy } from "@/lib/registration/store";
import { startProtocolServer, type ProtocolServer } from "./support/protocol-server";
import { administrator, sha256, storedText } from "./support/registrations";
import { auditEvents, createInitialAccessToken } from "./support/services";

// Several services in one Registrar, each isolated, as the clients and authorization servers of each see them
// over real HTTP: A is the default service (at the root), B and C live under /s/{serviceId} with policies of
// their own. Neither machine interface lets one service's client, token or key act in another.

let server: ProtocolServer;
let A: string;
let B: string;
let C: string;

async function createService(name: string, policy: ServicePolicyInput = {}): Promise<string> {
  const id = `iso-${name}-${randomBytes(4).toString("hex")}`;
  await db().service.create({ data: { id, name: `Isolation ${name}`, policy: ServicePolicySchema.parse(policy) as Prisma.InputJsonObject } });
  return id;
}

const setPolicy = (serviceId: string, policy: ServicePolicyInput = {}) => savePolicy(serviceId, ServicePolicySchema.parse(policy));

beforeAll(async () => {
  server = await startProtocolServer();
  A = server.serviceId;
  B = await createService("b");
  C = await createService("c");
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  await Promise.all([setPolicy(A), setPolicy(B), setPolicy(C)]);
});

const webClient = { redirect_uris: ["https://app.example.com/callback"], client_name: "Isolation test app" };

type Answer = { status: number; headers: Headers; text: string; json: Record<string, unknown> | null };

async function call(method: string, path: string, { body, token }: { body?: unknown; token?: string } = {}): Promise<Answer> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...(body !== undefined && { "Content-Type": "application/json" }), ...(token !== undefined && { Authorization: `Bearer ${token}` }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

/** The registration endpoint of a service as a client is told it (the default service at the root). */
const registerPath = (serviceId: string) => (serviceId === A ? "/register" : `/s/${serviceId}/register`);

type Registered = { client_id: string; registration_access_token: string; registration_client_uri: string } & Record<string, unknown>;

async function registerAt(serviceId: string, metadata: Record<string, unknown> = webClient, token?: string): Promise<Registered> {
  const response = await call("POST", registerPath(serviceId), { body: metadata, token });
  expect(response.status, response.text).toBe(201);
  return response.json as Registered;
}

/** The client's row as stored: what a request that must not touch it would change. */
const clientState = (clientId: string) =>
  db().client.findUniqueOrThrow({ where: { clientId }, select: { serviceId: true, version: true, registrationAccessTokenHash: true, deletedAt: true, metadata: true, updatedAt: true } });

/** The three RFC 7592 operations on one path with one token; each answer's status and body. */
async function manageAll(path: string, token: string, clientId: string) {
  return Promise.all([
    call("GET", path, { token }),
    call("PUT", path, { token, body: { client_id: clientId, ...webClient, client_name: "Hijacked" } }),
    call("DELETE", path, { token }),
  ]).then((answers) => answers.map((a) => ({ status: a.status, body: a.json, challenge: a.headers.get("www-authenticate") })));
}

/** What any RFC 7592 request with a token for a client id that names no client of the service gets. */
const unknownClientAnswer = { status: 401, body: { error: "invalid_token", error_description: "The access token is invalid" }, challenge: 'Bearer error="invalid_token"' };

describe("[SERVICES][RFC7591/7592] a client registered at one service is unknown at every other", () => {
  it("B's client lives under /s/B/register/ and is managed there only; at A's and C's endpoints it does not exist, and their answers leave it as it was", async () => {
    const client = await registerAt(B);
    expect(client.registration_client_uri).toBe(`${server.url}/s/${B}/register/${client.client_id}`);
    const before = await clientState(client.client_id);
    expect(before.serviceId).toBe(B);

    for (const elsewhere of [`/register/${client.client_id}`, `/s/${C}/register/${client.client_id}`]) {
      // Exactly what a client id that exists nowhere gets (RFC 7592 §2.1: 401; nothing tells that it exists elsewhere).
      expect(await manageAll(elsewhere, client.registration_access_token, client.client_id)).toEqual([unknownClientAnswer, unknownClientAnswer, unknownClientAnswer]);
      expect(await manageAll(elsewhere.replace(client.client_id, "no-such-client-anywhere"), client.registration_access_token, "no-such-client-anywhere")).toEqual([
        unknownClientAnswer,
        unknownClientAnswer,
        unknownClientAnswer,
      ]);
    }
    // Not revoked, not changed, not deleted: B's token still reads it at its own URI.
    expect(await clientState(client.client_id)).toEqual(before);
    const own = await call("GET", new URL(client.registration_client_uri).pathname, { token: client.registration_access_token });
    expect(own.status).toBe(200);
    expect(own.json).toMatchObject({ client_id: client.client_id, client_name: webClient.client_name });
  });

  it("and the other way round: A's client is unknown at /s/B/register/ and /s/C/register/", async () => {
    const client = await registerAt(A);
    expect(client.registration_client_uri).toBe(`${server.url}/register/${client.client_id}`);
    const before = await clientState(client.client_id);
    for (const other of [B, C]) {
      expect(await manageAll(`/s/${other}/register/${client.client_id}`, client.registration_access_token, client.client_id)).toEqual([
        unknownClientAnswer,
        unknownClientAnswer,
        unknownClientAnswer,
      ]);
    }
    expect(await clientState(client.client_id)).toEqual(before);
    expect((await call("GET", `/register/${client.client_id}`, { token: client.registration_access_token })).status).toBe(200);
  });

  it("a token presented at B for another B client is revoked there (RFC 7592 §1), but B's token presented at A for A's client revokes nothing", async () => {
    const [atA, atB] = [await registerAt(A), await registerAt(B)];
    const beforeB = await clientState(atB.client_id);
    const beforeA = await clientState(atA.client_id);
    expect((await call("GET", `/register/${atA.client_id}`, { token: atB.registration_access_token })).status).toBe(401);
    expect(await clientState(atB.client_id)).toEqual(beforeB);
    expect(await clientState(atA.client_id)).toEqual(beforeA);
    expect((await call("GET", `/s/${B}/register/${atB.client_id}`, { token: atB.registration_access_token })).status).toBe(200);
  });

  it("B's client is updated and deleted at its own URI", async () => {
    const client = await registerAt(B);
    const path = new URL(client.registration_client_uri).pathname;
    const updated = await call("PUT", path, { token: client.registration_access_token, body: { client_id: client.client_id, ...webClient, client_name: "Renamed at B" } });
    expect(updated.status).toBe(200);
    expect(updated.json).toMatchObject({ client_name: "Renamed at B", registration_client_uri: client.registration_client_uri });
    const deleted = await call("DELETE", path, { token: String(updated.json!.registration_access_token) });
    expect(deleted.status).toBe(204);
  });
});

describe("[SERVICES][EXPORT] an exported client's registration_client_uri is the one its client was given", () => {
  it("under B's issuer, or under B's registration management endpoint when one is set", async () => {
    const client = await registerAt(B);
    const exported = async () => {
      let text = "";
      for await (const line of exportClients(B, { includeSecrets: false, where: { clientId: client.client_id } }, administrator)) text += line;
      return JSON.parse(text) as Record<string, unknown>;
    };
    expect((await exported()).registration_client_uri).toBe(client.registration_client_uri);
    await setPolicy(B, { registrationManagementEndpoint: "https://as-b.example.com/oauth/register" });
    const managed = `https://as-b.example.com/oauth/register/${client.client_id}`;
    expect((await exported()).registration_client_uri).toBe(managed);
    expect((await call("GET", `/s/${B}/register/${client.client_id}`, { token: client.registration_access_token })).json!.registration_client_uri).toBe(managed);
  });
});

describe("[SERVICES][RFC7591] each service's policy and initial access tokens are its own", () => {
  it("B's initial access token does not register at A (nor at C); at B it does", async () => {
    await Promise.all([setPolicy(A, { registrationMode: "initial_access_token" }), setPolicy(B, { registrationMode: "initial_access_token" }), setPolicy(C, { registrationMode: "initial_access_token" })]);
    const { token, id } = await createInitialAccessToken(B, { usesLeft: 5 });
    const clientsBefore = await db().client.count({ where: { serviceId: { in: [A, C] } } });
    for (const other of [A, C]) {
      const refused = await call("POST", registerPath(other), { body: webClient, token });
      expect(refused.status).toBe(401);
      expect(refused.json).toEqual({ error: "invalid_token", error_description: "The access token is invalid" });
    }
    expect(await db().client.count({ where: { serviceId: { in: [A, C] } } })).toBe(clientsBefore);
    expect((await db().initialAccessToken.findUniqueOrThrow({ where: { id } })).useCount).toBe(0);
    await registerAt(B, webClient, token);
    expect((await db().initialAccessToken.findUniqueOrThrow({ where: { id } })).useCount).toBe(1);
  });

  it("B protected and limited to authorization_code while A is open: each answers by its own policy, and their discovery documents say so", async () => {
    await setPolicy(B, { registrationMode: "initial_access_token", allowedGrantTypes: ["authorization_code", "refresh_token"] });
    const machine = { client_name: "Machine", grant_types: ["client_credentials"], token_endpoint_auth_method: "client_secret_basic" };

    expect((await call("POST", "/register", { body: webClient })).status).toBe(201);
    expect((await call("POST", "/register", { body: machine })).status).toBe(201);
    const unauthenticated = await call("POST", `/s/${B}/register`, { body: webClient });
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.headers.get("www-authenticate")).toBe("Bearer");
    const { token } = await createInitialAccessToken(B);
    const refusedGrant = await call("POST", `/s/${B}/register`, { body: machine, token });
    expect(refusedGrant.status).toBe(400);
    expect(String(refusedGrant.json!.error_description)).toMatch(/client_credentials/);
    // C keeps the defaults.
    expect((await call("POST", `/s/${C}/register`, { body: machine })).status).toBe(201);

    const discoveryA = (await call("GET", "/.well-known/oauth-authorization-server")).json!;
    const discoveryB = (await call("GET", `/.well-known/oauth-authorization-server/s/${B}`)).json!;
    expect(discoveryA).toMatchObject({ issuer: server.url, registration_endpoint: `${server.url}/register` });
    expect(discoveryA.grant_types_supported).toContain("client_credentials");
    expect(discoveryB).toMatchObject({ issuer: `${server.url}/s/${B}`, registration_endpoint: `${server.url}/s/${B}/register`, grant_types_supported: ["authorization_code", "refresh_token"] });
    expect(discoveryB).not.toEqual(discoveryA);
    // OpenID Connect Discovery appends its path to the issuer; the same document.
    expect((await call("GET", `/s/${B}/.well-known/openid-configuration`)).json).toEqual(discoveryB);
    expect((await call("GET", "/.well-known/openid-configuration")).json).toEqual(discoveryA);
    const discoveryC = (await call("GET", `/.well-known/oauth-authorization-server/s/${C}`)).json!;
    expect(discoveryC).toMatchObject({ issuer: `${server.url}/s/${C}`, registration_endpoint: `${server.url}/s/${C}/register` });
  });
});

describe("[SERVICES] paths that name no live service are 404", () => {
  const noSuchService = (answer: Answer) => {
    expect(answer.status).toBe(404);
    expect(answer.headers.get("content-type")).toBe("application/json");
    expect(answer.json).toEqual({ error: "invalid_request", error_description: expect.stringMatching(/^No such service/) });
  };
  const pathsOf = (serviceId: string) => [
    ["POST", `/s/${serviceId}/register`],
    ["GET", `/s/${serviceId}/register/some-client`],
    ["PUT", `/s/${serviceId}/register/some-client`],
    ["DELETE", `/s/${serviceId}/register/some-client`],
    ["GET", `/.well-known/oauth-authorization-server/s/${serviceId}`],
    ["GET", `/s/${serviceId}/.well-known/openid-configuration`],
  ];

  it("the default service under /s/ (it lives at the root), an unknown service and a malformed id", async () => {
    for (const serviceId of [A, "no-such-service", "-bad", "a".repeat(65), "%20x", "%ZZ"]) {
      for (const [method, path] of pathsOf(serviceId)) noSuchService(await call(method!, path!, { body: method === "POST" || method === "PUT" ? webClient : undefined, token: "t" }));
    }
    expect((await call("POST", "/s/no-such-service/register", { body: webClient })).json!.error_description).toBe('No such service "no-such-service"');
    // "No such service" is not remembered: made-up ids do not fill the service cache.
    const cache = (globalThis as unknown as { registrarServiceCache: Map<string, unknown> }).registrarServiceCache;
    expect(cache.has("no-such-service")).toBe(false);
    expect((await call("GET", `/.well-known/oauth-authorization-server/s/${B}`)).status).toBe(200);
    expect(cache.has(B)).toBe(true);
  });

  it("a deleted service, at once in this process, through both interfaces; its clients and tokens with it", async () => {
    const D = await createService("d");
    const client = await registerAt(D);
    const key = await createApiKey(D, { name: "AS" }, administrator);
    if (!key.ok) throw new Error("no key");
    await db().service.update({ where: { id: D }, data: { deletedAt: new Date() } });
    forgetService(D);
    for (const [method, path] of pathsOf(D)) noSuchService(await call(method!, path!, { body: method === "POST" || method === "PUT" ? webClient : undefined, token: client.registration_access_token }));
    for (const operation of ["", "/get", "/update", "/delete"]) {
      const response = await api(`/api/${D}/client/registration${operation}`, { clientId: client.client_id, token: client.registration_access_token, json: "{}" }, key.value.apiKey);
      expect(response).toEqual({ status: 404, json: { resultCode: "R-API-4040", resultMessage: `[R-API-4040] No service "${D}"` } });
    }
    expect(await listApiKeys(D)).toEqual([]);
    expect(await createApiKey(D, { name: "Another" }, administrator)).toEqual({ ok: false, issues: [{ path: ["serviceId"], message: "No such service" }] });
    expect(await revokeApiKey(D, key.value.key.id, administrator)).toEqual({ ok: false });
  });
});

// ---- the Authlete-compatible API --------------------------------------------------------------------------

async function api(path: string, body: Record<string, unknown>, apiKey: string) {
  const response = await fetch(`${server.url}${path}`, { method: "POST", headers: { "Content-Type": "application/json", Authorization: `Bearer ${apiKey}` }, body: JSON.stringify(body) });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

const operationPath = (serviceId: string, operation: "register" | "get" | "update" | "delete") => `/api/${serviceId}/client/registration${operation === "register" ? "" : `/${operation}`}`;

async function newKey(serviceId: string, name = `AS ${randomBytes(3).toString("hex")}`) {
  const created = await createApiKey(serviceId, { name }, administrator);
  if (!created.ok) throw new Error(JSON.stringify(created.issues));
  return created.value;
}

const unauthorizedKey = { status: 401, json: { resultCode: "R-API-4010", resultMessage: "[R-API-4010] The service API key is missing or wrong" } };

describe("[SERVICES][AUTHLETE] API keys are their service's alone", () => {
  it("A's console-made key and A's environment key are refused at B exactly like a wrong key, and audited at B", async () => {
    const keyOfA = await newKey(A);
    expect((await api(operationPath(A, "register"), { json: JSON.stringify(webClient) }, keyOfA.apiKey)).json.action).toBe("CREATED");
    const clientsOfB = await db().client.count({ where: { serviceId: B } });
    const checksBefore = (await auditEvents(B, "api_key.check")).length;
    for (const key of [keyOfA.apiKey, server.apiKey, `rgk_${randomBytes(32).toString("base64url")}`]) {
      for (const operation of ["register", "get", "update", "delete"] as const) {
        expect(await api(operationPath(B, operation), { clientId: "x", json: JSON.stringify(webClient) }, key)).toEqual(unauthorizedKey);
      }
    }
    expect(await db().client.count({ where: { serviceId: B } })).toBe(clientsOfB);
    const checks = (await auditEvents(B, "api_key.check")).slice(checksBefore);
    expect(checks).toHaveLength(12);
    expect(checks.every((e) => e.serviceId === B && e.outcome === "failure" && e.interface === "authlete_api" && (e.details as { reason: string }).reason === "wrong_key")).toBe(true);
  });

  it("B's key registers, reads, updates and deletes B's clients; A's client is not found at B, by client_id or by number", async () => {
    const keyOfB = await newKey(B);
    const registered = await api(operationPath(B, "register"), { json: JSON.stringify(webClient) }, keyOfB.apiKey);
    expect(registered.json.action).toBe("CREATED");
    const content = JSON.parse(String(registered.json.responseContent)) as Registered;
    expect(content.registration_client_uri).toBe(`${server.url}/s/${B}/register/${content.client_id}`);
    const number = (registered.json.client as { clientId: number }).clientId;

    const got = await api(operationPath(B, "get"), { clientId: number, token: content.registration_access_token }, keyOfB.apiKey);
    expect(got.json.action).toBe("OK");
    const updated = await api(operationPath(B, "update"), { clientId: content.client_id, token: content.registration_access_token, json: JSON.stringify({ client_id: content.client_id, ...webClient, client_name: "Via B's key" }) }, keyOfB.apiKey);
    expect(updated.json.action).toBe("UPDATED");
    const newToken = (JSON.parse(String(updated.json.responseContent)) as Registered).registration_access_token;

    // A's client, registered through A's API: its client_id and its number name nothing at B.
    const atA = await api(operationPath(A, "register"), { json: JSON.stringify(webClient) }, server.apiKey);
    const clientOfA = JSON.parse(String(atA.json.responseContent)) as Registered;
    const numberOfA = (atA.json.client as { clientId: number }).clientId;
    const beforeA = await clientState(clientOfA.client_id);
    for (const clientId of [clientOfA.client_id, numberOfA, String(numberOfA)]) {
      for (const operation of ["get", "update", "delete"] as const) {
        const answer = await api(operationPath(B, operation), { clientId, token: clientOfA.registration_access_token, json: JSON.stringify({ client_id: clientOfA.client_id, ...webClient }) }, keyOfB.apiKey);
        expect(answer.status).toBe(200);
        expect(answer.json).toMatchObject({ action: "UNAUTHORIZED", resultCode: "R-DCR-4010" });
        expect(JSON.parse(String(answer.json.responseContent))).toEqual({ error: "invalid_token", error_description: "The access token is invalid" });
      }
    }
    expect(await clientState(clientOfA.client_id)).toEqual(beforeA);
    // Nor does B's key reach A's client at A.
    expect(await api(operationPath(A, "get"), { clientId: clientOfA.client_id, token: clientOfA.registration_access_token }, keyOfB.apiKey)).toEqual(unauthorizedKey);

    const deleted = await api(operationPath(B, "delete"), { clientId: content.client_id, token: newToken }, keyOfB.apiKey);
    expect(deleted.json.action).toBe("DELETED");
  });

  it("a revoked key is refused at once; only the key's own service may revoke it", async () => {
    const keyOfB = await newKey(B);
    const register = () => api(operationPath(B, "register"), { json: JSON.stringify(webClient) }, keyOfB.apiKey);
    expect((await register()).json.action).toBe("CREATED");
    expect(await revokeApiKey(A, keyOfB.key.id, administrator)).toEqual({ ok: false });
    expect(await revokeApiKey(C, keyOfB.key.id, administrator)).toEqual({ ok: false });
    expect((await register()).json.action).toBe("CREATED");

    const revoked = await revokeApiKey(B, keyOfB.key.id, administrator);
    expect(revoked).toMatchObject({ ok: true, value: { id: keyOfB.key.id, revokedAt: expect.any(Date) } });
    expect(await register()).toEqual(unauthorizedKey);
    expect(await revokeApiKey(B, keyOfB.key.id, administrator)).toEqual({ ok: false });
    expect(await revokeApiKey(B, "not-a-uuid", administrator)).toEqual({ ok: false });
    const events = await auditEvents(B, "api_key.revoked");
    expect(events.at(-1)).toMatchObject({ actor: administrator.actor, interface: "console", outcome: "success", details: { id: keyOfB.key.id, name: keyOfB.key.name, hint: keyOfB.key.hint } });
  });

  it("last_used_at is written on use, and not rewritten within a minute", async () => {
    const keyOfB = await newKey(B);
    const lastUsed = async () => (await db().serviceApiKey.findUniqueOrThrow({ where: { id: keyOfB.key.id } })).lastUsedAt;
    expect(await lastUsed()).toBeNull();
    await api(operationPath(B, "register"), { json: JSON.stringify(webClient) }, keyOfB.apiKey);
    const first = await lastUsed();
    expect(first).toBeInstanceOf(Date);
    expect(Math.abs(first!.getTime() - Date.now())).toBeLessThan(10_000);
    await api(operationPath(B, "register"), { json: JSON.stringify(webClient) }, keyOfB.apiKey);
    await api(operationPath(B, "get"), { clientId: "x", token: "y" }, keyOfB.apiKey);
    expect(await lastUsed()).toEqual(first);
    // Another process (its own memory of the last write) still does not rewrite it within the minute: the UPDATE is conditional.
    (globalThis as unknown as { registrarApiKeyUse: Map<string, number> }).registrarApiKeyUse.delete(keyOfB.key.id);
    await api(operationPath(B, "register"), { json: JSON.stringify(webClient) }, keyOfB.apiKey);
    expect(await lastUsed()).toEqual(first);
    expect((await listApiKeys(B)).find((k) => k.id === keyOfB.key.id)!.lastUsedAt).toEqual(first);
  });
});

describe("[SERVICES] API keys: names, values, listing", () => {
  it("a key is shown once, prefixed and random; only its SHA-256 and last four characters are stored; its creation is audited without it", async () => {
    const { key, apiKey } = await newKey(C, "  Production AS  ");
    expect(apiKey).toMatch(/^rgk_[A-Za-z0-9_-]{43}$/);
    expect(key).toEqual({ id: expect.any(String), name: "Production AS", hint: apiKey.slice(-4), createdBy: administrator.actor, createdAt: expect.any(Date), lastUsedAt: null, revokedAt: null });
    const row = await db().serviceApiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(Buffer.from(row.keyHash)).toEqual(sha256(apiKey));
    expect(Buffer.from(row.keyHash)).toEqual(Buffer.from(hashToken(apiKey)));
    const event = (await auditEvents(C, "api_key.created")).at(-1)!;
    expect(event).toMatchObject({ serviceId: C, actor: administrator.actor, outcome: "success", details: { id: key.id, name: "Production AS", hint: key.hint } });
    expect(storedText(event)).not.toContain(apiKey.slice(4));
  });

  it("names are 1–100 characters, unique among the service's unrevoked keys; a revoked key's name may be reused, and other services' names do not matter", async () => {
    const service = await createService("names");
    for (const name of ["", "   ", "x".repeat(101)]) {
      const refused = await createApiKey(service, { name }, administrator);
      expect(refused.ok).toBe(false);
      expect(!refused.ok && refused.issues[0]!.path).toEqual(["name"]);
    }
    expect((await createApiKey(service, { name: "x".repeat(100) }, administrator)).ok).toBe(true);
    const first = await newKey(service, "Gateway");
    expect(await createApiKey(service, { name: " Gateway " }, administrator)).toEqual({ ok: false, issues: [{ path: ["name"], message: 'An active API key of this service is already named "Gateway"' }] });
    expect((await createApiKey(C, { name: "Gateway" }, administrator)).ok).toBe(true);
    await revokeApiKey(service, first.key.id, administrator);
    const second = await newKey(service, "Gateway");

    const listed = await listApiKeys(service);
    expect(listed.map((k) => k.id)).toEqual([second.key.id, first.key.id, listed[2]!.id]);
    expect(listed[1]).toMatchObject({ name: "Gateway", revokedAt: expect.any(Date) });
    expect(listed.every((k) => !("keyHash" in k))).toBe(true);
    expect((await listApiKeys(B)).some((k) => k.id === second.key.id)).toBe(false);
  });
});

describe("[SERVICES][AUDIT] what B's requests write is B's", () => {
  it("registrations, refused tokens and refused keys at B carry service_id B, and A's and C's logs do not grow", async () => {
    const countOf = (serviceId: string) => db().auditEvent.count({ where: { serviceId } });
    const [beforeA, beforeC] = [await countOf(A), await countOf(C)];
    const keyOfB = await newKey(B);
    const client = await registerAt(B);
    await call("GET", `/s/${B}/register/${client.client_id}`, { token: "wrong-token-wrong-token" });
    const viaApi = await api(operationPath(B, "register"), { json: JSON.stringify(webClient) }, keyOfB.apiKey);
    const apiClientId = (JSON.parse(String(viaApi.json.responseContent)) as Registered).client_id;
    await api(operationPath(B, "register"), { json: "{}" }, "wrong");

    const events = await db().auditEvent.findMany({ where: { OR: [{ clientId: { in: [client.client_id, apiClientId] } }, { action: "api_key.check", serviceId: B }] } });
    expect(events.map((e) => [e.action, e.interface, e.serviceId])).toEqual(
      expect.arrayContaining([
        ["client.registered", "rfc7591", B],
        ["registration_token.check", "rfc7592", B],
        ["client.registered", "authlete_api", B],
        ["api_key.check", "authlete_api", B],
      ]),
    );
    expect(events.every((e) => e.serviceId === B)).toBe(true);
    expect([await countOf(A), await countOf(C)]).toEqual([beforeA, beforeC]);
  });
});
