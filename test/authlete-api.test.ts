import { Authlete } from "@authlete/typescript-sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
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
    expect(result.action).toBe("UNAUTHORIZED");
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
