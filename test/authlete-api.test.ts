import { Authlete } from "@authlete/typescript-sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Client$inboundSchema } from "@authlete/typescript-sdk/models";
import { db } from "@/lib/db";
import { customMembers } from "@/lib/protocols/authlete-client";
import { documentedActions } from "@/lib/protocols/authlete";
import { hashToken } from "@/lib/registration/credentials";
import { startProtocolServer, type ProtocolServer } from "./support/protocol-server";

// The Authlete-compatible API, driven by Authlete's own TypeScript SDK (an authorization server written
// against Authlete, pointed at Registrar) and by raw HTTP for what the SDK cannot send.

let server: ProtocolServer;
let authlete: Authlete;
beforeAll(async () => {
  server = await startProtocolServer();
  authlete = new Authlete({ bearer: server.apiKey, serverURL: server.url });
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  await server.setPolicy({});
});

const metadata = { redirect_uris: ["https://as-client.example.com/cb"], client_name: "Via the AS", "client_name#ja": "AS経由" };

async function post(path: string, body: unknown, apiKey: string | null = server.apiKey, contentType = "application/json") {
  const response = await fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { "Content-Type": contentType, ...(apiKey !== null && { Authorization: `Bearer ${apiKey}` }) },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

const rfc = (path: string, init: RequestInit) => fetch(`${server.url}${path}`, init).then(async (r) => ({ status: r.status, body: await r.text() }));

describe("[PROTOCOL][AUTHLETE] the Authlete SDK drives the whole lifecycle", () => {
  it("register → get → update → delete, with actions, result codes and RFC response contents", async () => {
    const registered = await authlete.dynamicClientRegistration.register({ serviceId: server.serviceId, requestBody: { json: JSON.stringify(metadata) } });
    expect(registered.action).toBe("CREATED");
    expect(registered.resultCode).toBe("R-DCR-2010");
    const content = JSON.parse(registered.responseContent!);
    expect(content).toMatchObject({ ...metadata, token_endpoint_auth_method: "client_secret_basic" });
    expect(registered.client).toMatchObject({
      clientIdAlias: content.client_id,
      clientIdAliasEnabled: true,
      clientName: "Via the AS",
      clientNames: [{ tag: "ja", value: "AS経由" }],
      clientSecret: content.client_secret,
      clientType: "CONFIDENTIAL",
      applicationType: "WEB",
      grantTypes: ["AUTHORIZATION_CODE"],
      responseTypes: ["CODE"],
      tokenAuthMethod: "CLIENT_SECRET_BASIC",
      redirectUris: metadata.redirect_uris,
    });
    expect(Number.isInteger(registered.client!.clientId)).toBe(true);

    const got = await authlete.dynamicClientRegistration.get({ serviceId: server.serviceId, requestBody: { clientId: content.client_id, token: content.registration_access_token } });
    expect(got.action).toBe("OK");
    expect(JSON.parse(got.responseContent!)).toEqual(content);

    const updated = await authlete.dynamicClientRegistration.update({
      serviceId: server.serviceId,
      requestBody: { clientId: content.client_id, token: content.registration_access_token, json: JSON.stringify({ client_id: content.client_id, ...metadata, client_name: "Renamed", token_endpoint_auth_method: "none" }) },
    });
    expect(updated.action).toBe("UPDATED");
    const updatedContent = JSON.parse(updated.responseContent!);
    expect(updatedContent).toMatchObject({ client_name: "Renamed", token_endpoint_auth_method: "none" });
    expect(updatedContent).not.toHaveProperty("client_secret");
    expect(updated.client).toMatchObject({ clientName: "Renamed", clientType: "PUBLIC" });

    const deleted = await authlete.dynamicClientRegistration.delete({ serviceId: server.serviceId, requestBody: { clientId: content.client_id, token: updatedContent.registration_access_token } });
    expect(deleted.action).toBe("DELETED");
    expect(deleted.responseContent).toBeUndefined();

    const gone = await authlete.dynamicClientRegistration.get({ serviceId: server.serviceId, requestBody: { clientId: content.client_id, token: updatedContent.registration_access_token } });
    expect(gone.action).toBe("UNAUTHORIZED");
    expect(JSON.parse(gone.responseContent!)).toEqual({ error: "invalid_token", error_description: "The access token is invalid" });
  });

  it("answers a bad client request with BAD_REQUEST and exactly the RFC endpoint's error body", async () => {
    const bad = { redirect_uris: ["http://evil.example/cb"], grant_types: ["implicit"], response_types: ["code"] };
    const viaApi = await authlete.dynamicClientRegistration.register({ serviceId: server.serviceId, requestBody: { json: JSON.stringify(bad) } });
    const viaRfc = await rfc("/register", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(bad) });
    expect(viaApi.action).toBe("BAD_REQUEST");
    expect(viaApi.resultCode).toBe("R-DCR-4000");
    expect(viaApi.responseContent).toBe(viaRfc.body);
    expect(JSON.parse(viaRfc.body).error_description).toContain(`response_types[0] "code" needs "authorization_code" in grant_types`);

    const malformed = await authlete.dynamicClientRegistration.register({ serviceId: server.serviceId, requestBody: { json: "{not json" } });
    const malformedRfc = await rfc("/register", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{not json" });
    expect(malformed.action).toBe("BAD_REQUEST");
    expect(malformed.responseContent).toBe(malformedRfc.body);
  });

  it("answers a wrong registration access token with UNAUTHORIZED, as the RFC endpoint answers 401", async () => {
    const registered = await authlete.dynamicClientRegistration.register({ serviceId: server.serviceId, requestBody: { json: JSON.stringify(metadata) } });
    const { client_id } = JSON.parse(registered.responseContent!);
    const result = await authlete.dynamicClientRegistration.update({ serviceId: server.serviceId, requestBody: { clientId: client_id, token: "wrong", json: "{}" } });
    expect(result.action).toBe("UNAUTHORIZED");
    expect(result.resultCode).toBe("R-DCR-4010");
    expect(JSON.parse(result.responseContent!)).toEqual({ error: "invalid_token", error_description: "The access token is invalid" });
  });

  it("a blank token is no token, as an empty Authorization header is at the RFC endpoint; a token with spaces around it is the token", async () => {
    const registered = await authlete.dynamicClientRegistration.register({ serviceId: server.serviceId, requestBody: { json: JSON.stringify(metadata) } });
    const { client_id, registration_access_token } = JSON.parse(registered.responseContent!);
    const viaApi = await authlete.dynamicClientRegistration.get({ serviceId: server.serviceId, requestBody: { clientId: client_id, token: "   " } });
    const viaRfc = await fetch(`${server.url}/register/${client_id}`, { headers: { Authorization: "" } });
    expect(viaRfc.status).toBe(401);
    expect(viaRfc.headers.get("www-authenticate")).toBe("Bearer");
    expect(viaApi.action).toBe("UNAUTHORIZED");
    expect(viaApi.responseContent).toBe(await viaRfc.text());
    expect(JSON.parse(viaApi.responseContent!)).toEqual({ error: "invalid_token", error_description: "An access token is required" });

    const padded = await authlete.dynamicClientRegistration.get({ serviceId: server.serviceId, requestBody: { clientId: client_id, token: ` ${registration_access_token} ` } });
    expect(padded.action).toBe("OK");
    expect(JSON.parse(padded.responseContent!).registration_access_token).toBe(registration_access_token);
  });

  it("uses the token of a register call as the initial access token when the policy asks for one", async () => {
    await server.setPolicy({ registrationMode: "initial_access_token" });
    const result = await authlete.dynamicClientRegistration.register({ serviceId: server.serviceId, requestBody: { json: JSON.stringify(metadata) } });
    // Register never answers UNAUTHORIZED in Authlete's reference: a refused initial access token is BAD_REQUEST.
    expect(result.action).toBe("BAD_REQUEST");
    expect(result.resultCode).toBe("R-DCR-4002");
    const viaRfc = await rfc("/register", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(metadata) });
    expect(viaRfc.status).toBe(401);
    expect(result.responseContent).toBe(viaRfc.body);
  });
});

describe("[PROTOCOL][AUTHLETE] API-level failures are HTTP statuses with {resultCode, resultMessage}", () => {
  it("a missing or wrong API key is 401", async () => {
    for (const key of [null, "wrong-key"]) {
      const response = await post(`/api/${server.serviceId}/client/registration`, { json: "{}" }, key);
      expect(response.status).toBe(401);
      expect(response.json).toEqual({ resultCode: "R-API-4010", resultMessage: "[R-API-4010] The service API key is missing or wrong" });
    }
    await expect(new Authlete({ bearer: "wrong", serverURL: server.url }).dynamicClientRegistration.register({ serviceId: server.serviceId, requestBody: { json: "{}" } })).rejects.toThrow();
  });

  it("an unknown service is 404", async () => {
    const response = await post("/api/no-such-service/client/registration", { json: "{}" });
    expect(response.status).toBe(404);
    expect(response.json).toEqual({ resultCode: "R-API-4040", resultMessage: '[R-API-4040] No service "no-such-service"' });
  });

  it("a malformed body is 400 and writes nothing", async () => {
    const before = await db().client.count({ where: { serviceId: server.serviceId } });
    for (const body of ["{oops", JSON.stringify({ json: { not: "a string" } }), JSON.stringify([1])]) {
      const response = await post(`/api/${server.serviceId}/client/registration`, body);
      expect(response.status).toBe(400);
      expect(response.json.resultCode).toBe("R-API-4000");
      expect(String(response.json.resultMessage)).toMatch(/^\[R-API-4000\] /);
    }
    const noClient = await post(`/api/${server.serviceId}/client/registration/get`, { token: "x" });
    expect(noClient).toEqual({ status: 400, json: { resultCode: "R-API-4000", resultMessage: "[R-API-4000] clientId is required" } });
    expect(await db().client.count({ where: { serviceId: server.serviceId } })).toBe(before);
  });

  it("accepts client_id as the key of the client id", async () => {
    const registered = await post(`/api/${server.serviceId}/client/registration`, { json: JSON.stringify(metadata) });
    const { client_id, registration_access_token } = JSON.parse(String(registered.json.responseContent));
    const got = await post(`/api/${server.serviceId}/client/registration/get`, { client_id, token: registration_access_token });
    expect(got.status).toBe(200);
    expect(got.json.action).toBe("OK");
  });

  it("other methods are 405", async () => {
    const response = await fetch(`${server.url}/api/${server.serviceId}/client/registration`, { method: "GET" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
  });
});

// ---- issue: an authorization server that calls Authlete today works unchanged --------------------------

type Operation = keyof typeof documentedActions;
const paths: Record<Operation, string> = { register: "", get: "/get", update: "/update", delete: "/delete" };

/** A raw API call; the action it answers must be one Authlete documents for the operation. */
async function call(operation: Operation, body: Record<string, unknown> | URLSearchParams, serviceId = server.serviceId, apiKey = server.apiKey) {
  const form = body instanceof URLSearchParams;
  const response = await fetch(`${server.url}/api/${serviceId}/client/registration${paths[operation]}`, {
    method: "POST",
    headers: { "Content-Type": form ? "application/x-www-form-urlencoded" : "application/json", Authorization: `Bearer ${apiKey}` },
    body: form ? body.toString() : JSON.stringify(body),
  });
  const json = (await response.json()) as { action?: string; resultCode: string; responseContent?: string; client?: Record<string, unknown> };
  if (response.status === 200) expect(documentedActions[operation]).toContain(json.action);
  return { status: response.status, ...json, content: json.responseContent ? (JSON.parse(json.responseContent) as Record<string, unknown>) : undefined };
}

async function registerThroughApi(document: Record<string, unknown> = metadata) {
  const registered = await call("register", { json: JSON.stringify(document) });
  expect(registered.action).toBe("CREATED");
  return { ...registered, content: registered.content!, client: registered.client! };
}

const tokenHashOf = async (clientId: string) => (await db().client.findUniqueOrThrow({ where: { clientId } })).registrationAccessTokenHash;

describe("[PROTOCOL][AUTHLETE] both client identifiers name the client", () => {
  it("get, update and delete accept the numeric clientId that client.clientId gives, as a string or a number", async () => {
    const { content, client } = await registerThroughApi();
    const number = client.clientId as number;
    expect(client.clientIdAlias).toBe(content.client_id);
    const token = String(content.registration_access_token);

    for (const clientId of [String(number), number]) {
      const got = await call("get", { clientId, token });
      expect(got.action).toBe("OK");
      expect(got.content).toEqual(content);
    }
    const updated = await call("update", { clientId: String(number), token, json: JSON.stringify({ client_id: content.client_id, ...metadata, client_name: "Renamed by number" }) });
    expect(updated.action).toBe("UPDATED");
    expect(updated.content!.client_name).toBe("Renamed by number");
    const deleted = await call("delete", { clientId: String(number), token: String(updated.content!.registration_access_token) });
    expect(deleted.action).toBe("DELETED");
    expect(await db().client.findUniqueOrThrow({ where: { clientId: String(content.client_id) } })).toMatchObject({ deletedAt: expect.any(Date) });
  });

  it("a token presented with the client's other identifier is never taken as another client's and revoked", async () => {
    await server.setPolicy({ rotateRegistrationAccessTokenOnUpdate: false });
    const { content, client } = await registerThroughApi();
    const token = String(content.registration_access_token);
    const hash = await tokenHashOf(String(content.client_id));
    for (const clientId of [String(client.clientId), String(content.client_id), String(client.clientId)]) {
      expect((await call("get", { clientId, token })).action).toBe("OK");
    }
    expect(await tokenHashOf(String(content.client_id))).toEqual(hash);
    const events = await db().auditEvent.findMany({ where: { clientId: String(content.client_id), action: "registration_token.revoked" } });
    expect(events).toEqual([]);
  });

  it("a token presented for another client's number is still refused, and that token is revoked as leaked", async () => {
    const first = await registerThroughApi();
    const second = await registerThroughApi();
    const refused = await call("get", { clientId: String(second.client.clientId), token: String(first.content.registration_access_token) });
    expect(refused.action).toBe("UNAUTHORIZED");
    expect(await tokenHashOf(String(first.content.client_id))).toBeNull();
  });

  it("a client_id made only of digits means that client, before any client's number", async () => {
    const numbered = await registerThroughApi();
    const other = await registerThroughApi({ ...metadata, token_endpoint_auth_method: "none" }); // no secret bound to its client_id
    const digits = String(numbered.client.clientId);
    // An imported client may carry a numeric client_id: give `other` the number of `numbered` as its client_id.
    await db().client.update({ where: { clientId: String(other.content.client_id) }, data: { clientId: digits } });
    const got = await call("get", { clientId: digits, token: String(other.content.registration_access_token) });
    expect(got.action).toBe("OK");
    expect(got.content!.client_id).toBe(digits);
    expect(await tokenHashOf(String(numbered.content.client_id))).not.toBeNull();
  });
});

describe("[PROTOCOL][AUTHLETE] each operation answers only the actions Authlete documents", () => {
  it("register: a refused initial access token, console-only registration and the client limit are BAD_REQUEST with the RFC body", async () => {
    const post = (headers: Record<string, string> = {}) => rfc("/register", { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify(metadata) });
    await server.setPolicy({ registrationMode: "initial_access_token" });
    const wrongToken = await call("register", { json: JSON.stringify(metadata), token: "not-a-token" });
    expect(wrongToken).toMatchObject({ action: "BAD_REQUEST", resultCode: "R-DCR-4002" });
    expect(wrongToken.responseContent).toBe((await post({ Authorization: "Bearer not-a-token" })).body);

    await server.setPolicy({ registrationMode: "console_only" });
    const consoleOnly = await call("register", { json: JSON.stringify(metadata) });
    const consoleOnlyRfc = await post();
    expect(consoleOnlyRfc.status).toBe(403);
    expect(consoleOnly).toMatchObject({ action: "BAD_REQUEST", resultCode: "R-DCR-4003" });
    expect(consoleOnly.responseContent).toBe(consoleOnlyRfc.body);

    const active = await db().client.count({ where: { serviceId: server.serviceId, deletedAt: null } });
    await server.setPolicy({ maxClients: active });
    const full = await call("register", { json: JSON.stringify(metadata) });
    expect(full).toMatchObject({ action: "BAD_REQUEST", resultCode: "R-DCR-4003" });
    expect(full.content).toEqual({ error: "access_denied", error_description: `This service accepts at most ${active} clients` });
    expect(await db().client.count({ where: { serviceId: server.serviceId, deletedAt: null } })).toBe(active);
  });

  it("get, update, delete: a client barred from managing itself is UNAUTHORIZED (the RFC endpoint's 403 body)", async () => {
    const { content } = await registerThroughApi();
    await db().client.update({ where: { clientId: String(content.client_id) }, data: { selfManaged: false } });
    const token = String(content.registration_access_token);
    const viaRfc = await rfc(`/register/${content.client_id}`, { headers: { Authorization: `Bearer ${token}` } });
    expect(viaRfc.status).toBe(403);
    for (const operation of ["get", "update", "delete"] as const) {
      const refused = await call(operation, { clientId: content.client_id, token, json: JSON.stringify({ client_id: content.client_id, ...metadata }) });
      expect(refused).toMatchObject({ action: "UNAUTHORIZED", resultCode: "R-DCR-4011" });
      expect(refused.responseContent).toBe(viaRfc.body);
    }
  });

  it("a fault while processing the client's request is INTERNAL_SERVER_ERROR, with the RFC endpoint's 500 body", async () => {
    const { content } = await registerThroughApi();
    // A stored secret that no longer decrypts (a wrong encryption key, say) makes reading the client fail.
    await db().client.update({ where: { clientId: String(content.client_id) }, data: { secretCiphertext: "v1.damaged" } });
    const token = String(content.registration_access_token);
    for (const operation of ["get", "update"] as const) {
      const fault = await call(operation, { clientId: content.client_id, token, json: JSON.stringify({ client_id: content.client_id, ...metadata }) });
      expect(fault.status).toBe(200);
      expect(fault).toMatchObject({ action: "INTERNAL_SERVER_ERROR", resultCode: "R-DCR-5000" });
      expect(fault.content).toEqual({ error: "server_error", error_description: expect.stringMatching(/^An unexpected error occurred \(event [0-9a-f-]{36}\)$/) });
    }
    const viaRfc = await rfc(`/register/${content.client_id}`, { headers: { Authorization: `Bearer ${token}` } });
    expect(viaRfc.status).toBe(500);
  });
});

describe("[PROTOCOL][AUTHLETE] what Authlete accepts is accepted", () => {
  it("null members are absent members", async () => {
    const registered = await call("register", { json: JSON.stringify(metadata), token: null, clientId: null });
    expect(registered.action).toBe("CREATED");
    const withoutToken = await call("get", { clientId: registered.content!.client_id, token: null, json: null });
    expect(withoutToken.action).toBe("UNAUTHORIZED");
    expect(withoutToken.content).toEqual({ error: "invalid_token", error_description: "An access token is required" });
    const viaAlias = await call("get", { clientId: null, client_id: registered.content!.client_id, token: registered.content!.registration_access_token });
    expect(viaAlias.action).toBe("OK");
    const noClient = await call("get", { clientId: null, token: "x" });
    expect(noClient).toMatchObject({ status: 400, resultCode: "R-API-4000" });
  });

  it("application/x-www-form-urlencoded bodies work like JSON ones", async () => {
    const registered = await call("register", new URLSearchParams({ json: JSON.stringify(metadata) }));
    expect(registered.action).toBe("CREATED");
    const { client_id, registration_access_token } = registered.content as { client_id: string; registration_access_token: string };
    const updated = await call("update", new URLSearchParams({ clientId: client_id, token: registration_access_token, json: JSON.stringify({ client_id, ...metadata, client_name: "Form & friends" }) }));
    expect(updated.action).toBe("UPDATED");
    expect(updated.content!.client_name).toBe("Form & friends");
    const repeated = await call("get", new URLSearchParams([["clientId", client_id], ["clientId", "other"]]));
    expect(repeated).toMatchObject({ status: 400, resultCode: "R-API-4000" });
  });

  it("a numeric serviceId names a service whose id is a number, and the client tells its serviceNumber", async () => {
    const serviceId = String(7_100_000_000 + Math.floor(Math.random() * 99_999_999));
    const apiKey = `numeric-service-key-${serviceId}-0123456789abcdef`;
    await db().service.create({ data: { id: serviceId, name: "Numbered like Authlete's", apiKeyHash: Buffer.from(hashToken(apiKey)).toString("hex") } });
    const sdk = new Authlete({ bearer: apiKey, serverURL: server.url });
    const registered = await sdk.dynamicClientRegistration.register({ serviceId, requestBody: { json: JSON.stringify(metadata) } });
    expect(registered.action).toBe("CREATED");
    expect(registered.client!.serviceNumber).toBe(Number(serviceId));
    expect(await db().client.count({ where: { serviceId } })).toBe(1);
  });

  it("the size limit is the RFC endpoint's, on the metadata inside json, not on its escaped envelope", async () => {
    const limit = 64 * 1024; // the RFC endpoint's default body limit
    // Valid metadata padded with whitespace to just under the limit: escaping newlines and quotes doubles it.
    const pad = (size: number) => {
      const body = JSON.stringify(metadata, null, 1);
      return body.slice(0, -1) + "\n".repeat(size - body.length) + "}";
    };
    const fits = pad(limit - 10);
    expect(JSON.stringify({ json: fits }).length).toBeGreaterThan(limit);
    const viaRfc = await rfc("/register", { method: "POST", headers: { "Content-Type": "application/json" }, body: fits });
    expect(viaRfc.status).toBe(201);
    expect((await call("register", { json: fits })).action).toBe("CREATED");
    expect((await call("register", new URLSearchParams({ json: fits }))).action).toBe("CREATED");

    const tooLarge = pad(limit + 10);
    const tooLargeRfc = await rfc("/register", { method: "POST", headers: { "Content-Type": "application/json" }, body: tooLarge });
    expect(tooLargeRfc.status).toBe(413);
    const refused = await call("register", { json: tooLarge });
    expect(refused).toMatchObject({ action: "BAD_REQUEST", resultCode: "R-DCR-4001" });
    expect(refused.responseContent).toBe(tooLargeRfc.body);
  });
});

describe("[PROTOCOL][AUTHLETE] registration_client_uri as Authlete builds it", () => {
  it("follows the service's registration management endpoint from every interface; discovery stays Registrar's", async () => {
    await server.setPolicy({ registrationManagementEndpoint: "https://as.example.com/oauth/register/" });
    const { content } = await registerThroughApi();
    const id = String(content.client_id);
    expect(content.registration_client_uri).toBe(`https://as.example.com/oauth/register/${id}`);
    const viaRfc = await rfc(`/register/${id}`, { headers: { Authorization: `Bearer ${content.registration_access_token}` } });
    expect(JSON.parse(viaRfc.body).registration_client_uri).toBe(`https://as.example.com/oauth/register/${id}`);
    const discovery = (await (await fetch(`${server.url}/.well-known/oauth-authorization-server`)).json()) as Record<string, unknown>;
    expect(discovery.registration_endpoint).toBe(`${server.url}/register`);

    await server.setPolicy({});
    const own = await call("get", { clientId: id, token: content.registration_access_token });
    expect(own.content!.registration_client_uri).toBe(`${server.url}/register/${id}`);
  });

  it("refuses a management endpoint that is not an absolute http(s) URL, or has a query or fragment", async () => {
    for (const value of ["as.example.com/register", "ftp://as.example.com/register", "https://as.example.com/register?x=1", "https://as.example.com/register#top"]) {
      await expect(server.setPolicy({ registrationManagementEndpoint: value })).rejects.toThrow(/registrationManagementEndpoint|must/);
    }
  });
});

describe("[PROTOCOL][AUTHLETE] the client object, field by field against the SDK's Client model", () => {
  const full = {
    redirect_uris: ["https://full.example.com/cb"],
    client_name: "Every field",
    scope: "openid profile payments",
    contacts: ["ops@full.example.com"],
    subject_type: "pairwise",
    id_token_signed_response_alg: "ES256",
    post_logout_redirect_uris: ["https://full.example.com/bye"],
    software_id: "full-software",
    software_version: "2.1",
    tos_uri: "https://full.example.com/tos",
    default_max_age: 600,
  };

  it("carries the scope, the times, the service and the members Authlete keeps as custom metadata", async () => {
    const { client } = await registerThroughApi(full);
    const row = await db().client.findUniqueOrThrow({ where: { clientId: String(client.clientIdAlias) } });
    expect(client).toMatchObject({
      number: row.number,
      clientId: row.number,
      extension: { requestableScopes: ["openid", "profile", "payments"], requestableScopesEnabled: true },
      createdAt: Math.floor(row.createdAt.getTime() / 1000) * 1000,
      modifiedAt: row.updatedAt.getTime(),
      dynamicallyRegistered: true,
      subjectType: "PAIRWISE",
      derivedSectorIdentifier: "full.example.com",
      idTokenSignAlg: "ES256",
      defaultMaxAge: 600,
    });
    expect(JSON.parse(String(client.customMetadata))).toEqual({ post_logout_redirect_uris: full.post_logout_redirect_uris });
    expect(customMembers).toContain("post_logout_redirect_uris");
  });

  it("names only fields of the SDK's model, with values its schema accepts", async () => {
    const { client } = await registerThroughApi(full);
    // The SDK's schema is a zod object: its shape lists every field of Authlete's Client.
    const fields = Object.keys((Client$inboundSchema as unknown as { shape: Record<string, unknown> }).shape);
    expect(fields.length).toBeGreaterThan(90);
    expect(Object.keys(client).filter((k) => !fields.includes(k))).toEqual([]);
    expect(Client$inboundSchema.safeParse(client).success).toBe(true);
  });
});
