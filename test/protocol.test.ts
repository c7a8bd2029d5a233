import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { hashToken, newToken } from "@/lib/registration/credentials";
import { register } from "@/lib/registration/service";
import { protocolServerPerSuite } from "./support/protocol-server";

// RFC 7591 / 7592 over real HTTP: every row of docs/API.md's RFC 7591 / RFC 7592 table, as a client sees it.

const server = protocolServerPerSuite();

const webClient = { redirect_uris: ["https://app.example.com/callback"], client_name: "Protocol test app" };

async function call(method: string, path: string, { body, token, headers = {} }: { body?: unknown; token?: string; headers?: Record<string, string> } = {}) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      ...(body !== undefined && { "Content-Type": "application/json" }),
      ...(token !== undefined && { Authorization: `Bearer ${token}` }),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === "string" || body instanceof Uint8Array ? (body as BodyInit) : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

const registerClient = async (metadata: Record<string, unknown> = webClient) => {
  const response = await call("POST", "/register", { body: metadata });
  expect(response.status).toBe(201);
  return response.json as { client_id: string; registration_access_token: string; client_secret?: string; registration_client_uri: string } & Record<string, unknown>;
};

const clientCount = () => db().client.count({ where: { serviceId: server.serviceId } });

function expectProtocolHeaders(headers: Headers) {
  expect(headers.get("content-type")).toBe("application/json");
  expect(headers.get("cache-control")).toBe("no-store");
  expect(headers.get("pragma")).toBe("no-cache");
}

describe("[PROTOCOL][RFC7591] POST /register", () => {
  it("registers a client: 201, credentials, defaults, no-store", async () => {
    const response = await call("POST", "/register", { body: { ...webClient, client_secret: "chosen-by-client", unknown_member: 1 } });
    expect(response.status).toBe(201);
    expectProtocolHeaders(response.headers);
    const body = response.json!;
    expect(body.client_id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(body.client_secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.client_secret).not.toBe("chosen-by-client");
    expect(body.client_secret_expires_at).toBe(0);
    expect(body.registration_access_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.registration_client_uri).toBe(`${server.url}/register/${body.client_id}`);
    expect(body).toMatchObject({ ...webClient, token_endpoint_auth_method: "client_secret_basic", grant_types: ["authorization_code"], response_types: ["code"], application_type: "web" });
    expect(body).not.toHaveProperty("unknown_member");
    expect(typeof body.client_id_issued_at).toBe("number");
  });

  it("gives a public client no secret", async () => {
    const body = await registerClient({ ...webClient, token_endpoint_auth_method: "none" });
    expect(body).not.toHaveProperty("client_secret");
    expect(body).not.toHaveProperty("client_secret_expires_at");
  });

  it("refuses invalid metadata with the RFC code and the member's rule, writing nothing", async () => {
    const before = await clientCount();
    const response = await call("POST", "/register", { body: { redirect_uris: ["https://app.example.com/cb#frag", "javascript:alert(1)"] } });
    expect(response.status).toBe(400);
    expectProtocolHeaders(response.headers);
    expect(response.json).toEqual({
      error: "invalid_redirect_uri",
      error_description: "redirect_uris[0] must not contain a fragment; redirect_uris[1] must not use the javascript: scheme",
    });
    expect(await clientCount()).toBe(before);
  });

  it.each([
    ["no content type", { "Content-Type": "" }, "{}", "The request body must be application/json"],
    ["a form body", { "Content-Type": "application/x-www-form-urlencoded" }, "a=b", "The request body must be application/json"],
    ["malformed JSON", { "Content-Type": "application/json" }, "{\"redirect_uris\": [", "The request body is not valid JSON"],
    ["an empty body", { "Content-Type": "application/json" }, "", "The request body is empty; send a JSON object"],
    ["a repeated member", { "Content-Type": "application/json" }, '{"client_name":"a","client_name":"b"}', 'The request body repeats the member "client_name" in one object'],
  ])("answers %s with 400 invalid_request", async (_label, headers, body, description) => {
    const response = await call("POST", "/register", { body, headers });
    expect(response.status).toBe(400);
    expect(response.json!.error).toBe("invalid_request");
    expect(String(response.json!.error_description)).toContain(description);
  });

  it("refuses a body that is not a JSON object with invalid_client_metadata", async () => {
    const response = await call("POST", "/register", { body: "[1,2]", headers: { "Content-Type": "application/json" } });
    expect(response.status).toBe(400);
    expect(response.json).toEqual({ error: "invalid_client_metadata", error_description: "metadata must be a JSON object" });
  });

  it("refuses invalid UTF-8", async () => {
    const response = await call("POST", "/register", { body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), headers: { "Content-Type": "application/json" } });
    expect(response.status).toBe(400);
    expect(response.json).toEqual({ error: "invalid_request", error_description: "The request body is not valid UTF-8" });
  });

  it("refuses a body over 64 KiB with 413 and a JSON error", async () => {
    const response = await call("POST", "/register", { body: { ...webClient, client_name: "x".repeat(70_000) } });
    expect(response.status).toBe(413);
    expectProtocolHeaders(response.headers);
    expect(response.json).toEqual({ error: "invalid_request", error_description: "The request body must be at most 65536 bytes" });
  });

  it("answers other methods with 405 and Allow", async () => {
    for (const method of ["GET", "PUT", "DELETE", "PATCH"]) {
      const response = await call(method, "/register");
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("POST, OPTIONS");
      expect(response.json!.error).toBe("invalid_request");
    }
  });

  it("lets browser-based clients register (CORS preflight)", async () => {
    const response = await call("OPTIONS", "/register", { headers: { Origin: "https://spa.example", "Access-Control-Request-Method": "POST" } });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-headers")).toContain("Authorization");
  });

  describe("registration modes", () => {
    async function initialAccessToken(usesLeft: number | null = null) {
      const token = newToken();
      await db().initialAccessToken.create({ data: { serviceId: server.serviceId, tokenHash: hashToken(token), hint: token.slice(-4), createdBy: "test", usesLeft } });
      return token;
    }

    it("initial access token mode: none → 401 without an error attribute; a bad one → 401 invalid_token; a good one is counted", async () => {
      await server.setPolicy({ registrationMode: "initial_access_token" });
      const missing = await call("POST", "/register", { body: webClient });
      expect(missing.status).toBe(401);
      expect(missing.headers.get("www-authenticate")).toBe("Bearer");
      const bad = await call("POST", "/register", { body: webClient, token: "not-a-real-token" });
      expect(bad.status).toBe(401);
      expect(bad.headers.get("www-authenticate")).toBe('Bearer error="invalid_token"');
      expect(bad.json).toEqual({ error: "invalid_token", error_description: "The access token is invalid" });

      const token = await initialAccessToken(1);
      expect((await call("POST", "/register", { body: webClient, token })).status).toBe(201);
      expect((await call("POST", "/register", { body: webClient, token })).status).toBe(401); // used up
      const row = await db().initialAccessToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
      expect(row).toMatchObject({ useCount: 1, usesLeft: 0 });
    });

    it("console-only mode refuses dynamic registration with 403", async () => {
      await server.setPolicy({ registrationMode: "console_only" });
      const response = await call("POST", "/register", { body: webClient });
      expect(response.status).toBe(403);
      expect(response.json!.error).toBe("access_denied");
    });
  });
});

describe("[PROTOCOL][RFC7592] /register/{client_id}", () => {
  it("GET returns the configuration with the credentials", async () => {
    const client = await registerClient();
    const response = await call("GET", `/register/${client.client_id}`, { token: client.registration_access_token });
    expect(response.status).toBe(200);
    expectProtocolHeaders(response.headers);
    expect(response.json).toEqual(client);
  });

  it("answers an unknown client, a wrong token, a missing token and another client's token with the same 401", async () => {
    const a = await registerClient();
    const b = await registerClient();
    const cases = [
      await call("GET", `/register/${a.client_id}`, { token: "wrong-token-wrong-token" }),
      await call("GET", `/register/no-such-client`, { token: "wrong-token-wrong-token" }),
      await call("GET", `/register/${a.client_id}`, { token: b.registration_access_token }),
      await call("PUT", `/register/no-such-client`, { token: a.registration_access_token, body: { client_id: "no-such-client" } }),
      await call("DELETE", `/register/${b.client_id}`, { token: "wrong-token-wrong-token" }),
    ];
    for (const response of cases) {
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe('Bearer error="invalid_token"');
      expect(response.json).toEqual({ error: "invalid_token", error_description: "The access token is invalid" });
      expectProtocolHeaders(response.headers);
    }
    const missing = await call("GET", `/register/${a.client_id}`);
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toBe("Bearer");
    // Presented for another client, a token is revoked: neither a nor b may use theirs any more.
    expect((await call("GET", `/register/${b.client_id}`, { token: b.registration_access_token })).status).toBe(401);
    expect((await call("GET", `/register/${a.client_id}`, { token: a.registration_access_token })).status).toBe(401);
    const audit = await db().auditEvent.findMany({ where: { serviceId: server.serviceId, action: "registration_token.revoked" } });
    expect(audit.map((e) => e.clientId)).toEqual(expect.arrayContaining([a.client_id, b.client_id]));
  });

  it("PUT replaces the configuration, rotates the token and answers with the new one", async () => {
    const client = await registerClient({ ...webClient, logo_uri: "https://app.example.com/logo.png", contacts: ["ops@app.example.com"] });
    const response = await call("PUT", `/register/${client.client_id}`, {
      token: client.registration_access_token,
      body: { client_id: client.client_id, client_secret: client.client_secret, redirect_uris: ["https://app.example.com/new"], client_name: "Renamed", logo_uri: null },
    });
    expect(response.status).toBe(200);
    expectProtocolHeaders(response.headers);
    const body = response.json!;
    expect(body).toMatchObject({ client_id: client.client_id, client_secret: client.client_secret, redirect_uris: ["https://app.example.com/new"], client_name: "Renamed" });
    expect(body).not.toHaveProperty("logo_uri");
    expect(body).not.toHaveProperty("contacts");
    expect(body.registration_access_token).not.toBe(client.registration_access_token);
    expect((await call("GET", `/register/${client.client_id}`, { token: client.registration_access_token })).status).toBe(401);
    expect((await call("GET", `/register/${client.client_id}`, { token: String(body.registration_access_token) })).status).toBe(200);
  });

  it("PUT keeps the token when the policy does not rotate", async () => {
    await server.setPolicy({ rotateRegistrationAccessTokenOnUpdate: false });
    const client = await registerClient();
    const response = await call("PUT", `/register/${client.client_id}`, { token: client.registration_access_token, body: { client_id: client.client_id, ...webClient } });
    expect(response.status).toBe(200);
    expect(response.json!.registration_access_token).toBe(client.registration_access_token);
  });

  it.each([
    ["registration_access_token", "registration_access_token must not be sent in an update request (RFC 7592 §2.2)"],
    ["registration_client_uri", "registration_client_uri must not be sent in an update request (RFC 7592 §2.2)"],
    ["client_secret_expires_at", "client_secret_expires_at must not be sent in an update request (RFC 7592 §2.2)"],
    ["client_id_issued_at", "client_id_issued_at must not be sent in an update request (RFC 7592 §2.2)"],
  ])("PUT with %s is 400 invalid_request naming it, and changes nothing", async (member, description) => {
    const client = await registerClient();
    const response = await call("PUT", `/register/${client.client_id}`, { token: client.registration_access_token, body: { client_id: client.client_id, ...webClient, [member]: client[member] ?? 1, client_name: "Changed" } });
    expect(response.status).toBe(400);
    expect(response.json).toEqual({ error: "invalid_request", error_description: description });
    const read = await call("GET", `/register/${client.client_id}`, { token: client.registration_access_token });
    expect(read.json!.client_name).toBe(webClient.client_name);
  });

  it("PUT needs the current client_id and, when sent, the current client_secret", async () => {
    const client = await registerClient();
    const put = (body: Record<string, unknown>) => call("PUT", `/register/${client.client_id}`, { token: client.registration_access_token, body });
    expect((await put({ ...webClient })).json).toEqual({ error: "invalid_request", error_description: "client_id is required in an update request and must equal the current client_id" });
    expect((await put({ ...webClient, client_id: "another" })).json).toEqual({ error: "invalid_request", error_description: "client_id must equal the current client_id" });
    expect((await put({ ...webClient, client_id: client.client_id, client_secret: "guess" })).json).toEqual({ error: "invalid_request", error_description: "client_secret must equal the current client_secret when it is sent" });
  });

  it("PUT with invalid metadata is 400 with the member's rule and changes nothing", async () => {
    const client = await registerClient();
    const response = await call("PUT", `/register/${client.client_id}`, { token: client.registration_access_token, body: { client_id: client.client_id, redirect_uris: ["http://app.example.com/cb"] } });
    expect(response.status).toBe(400);
    expect(response.json).toEqual({ error: "invalid_redirect_uri", error_description: "redirect_uris[0] must use https (http is allowed only on loopback hosts)" });
    expect((await call("GET", `/register/${client.client_id}`, { token: client.registration_access_token })).json!.redirect_uris).toEqual(webClient.redirect_uris);
  });

  it("DELETE is 204 with no body; the client and its token stop working at once", async () => {
    const client = await registerClient();
    const response = await call("DELETE", `/register/${client.client_id}`, { token: client.registration_access_token });
    expect(response.status).toBe(204);
    expect(response.text).toBe("");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect((await call("GET", `/register/${client.client_id}`, { token: client.registration_access_token })).status).toBe(401);
    const row = await db().client.findUniqueOrThrow({ where: { clientId: client.client_id } });
    expect(row.deletedAt).not.toBeNull();
    expect(row.secretCiphertext).toBeNull();
    expect(row.registrationAccessTokenHash).toBeNull();
  });

  it("answers 403 when the client may not manage itself", async () => {
    await server.setPolicy({ consoleClientsSelfManaged: false });
    const created = await register(server.serviceId, { document: webClient, origin: "console" }, { interface: "console", actor: "admin:test" });
    if (!created.ok) throw new Error("register failed");
    const response = await call("GET", `/register/${created.value.clientId}`, { token: created.value.registrationAccessToken! });
    expect(response.status).toBe(403);
    expect(response.json!.error).toBe("access_denied");
  });

  it("answers PATCH and POST with 405 and Allow", async () => {
    const client = await registerClient();
    for (const method of ["PATCH", "POST"]) {
      const response = await call(method, `/register/${client.client_id}`, { token: client.registration_access_token });
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("GET, PUT, DELETE, OPTIONS");
    }
  });
});

describe("[PROTOCOL][DISCOVERY] /.well-known", () => {
  it.each(["/.well-known/oauth-authorization-server", "/.well-known/openid-configuration"])("%s names the registration endpoint and what the policy allows", async (path) => {
    await server.setPolicy({ allowedTokenEndpointAuthMethods: ["private_key_jwt", "none"], allowedGrantTypes: ["authorization_code", "refresh_token"] });
    const response = await call("GET", path);
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({
      issuer: server.url,
      registration_endpoint: `${server.url}/register`,
      token_endpoint_auth_methods_supported: ["private_key_jwt", "none"],
      grant_types_supported: ["authorization_code", "refresh_token"],
      response_types_supported: ["code", "none"],
    });
  });
});

describe("[PROTOCOL][GUESSING] failed token checks from one address slow down", () => {
  it("answers 429 with Retry-After after the limit, for every client id alike, and audits it once", async () => {
    const { throttleSettings } = await import("@/lib/registration/throttle");
    const limit = throttleSettings.limit;
    throttleSettings.limit = 3;
    try {
      const octet = () => Math.floor(Math.random() * 254) + 1;
      const address = `10.${octet()}.${octet()}.${octet()}`;
      const started = new Date();
      const client = await registerClient();
      const guess = (clientId: string) => call("GET", `/register/${clientId}`, { token: `guess-${Math.random()}`, headers: { "x-test-client-ip": address } });
      for (let i = 0; i < 3; i++) expect((await guess(client.client_id)).status).toBe(401);
      for (const clientId of [client.client_id, "no-such-client"]) {
        const refused = await guess(clientId);
        expect(refused.status).toBe(429);
        expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
        expect(refused.json).toMatchObject({ error: "too_many_requests" });
      }
      // The right token from that address waits too; another address is not affected.
      expect((await call("GET", `/register/${client.client_id}`, { token: client.registration_access_token, headers: { "x-test-client-ip": address } })).status).toBe(429);
      const elsewhere = `10.${octet()}.${octet()}.${octet()}`;
      expect((await call("GET", `/register/${client.client_id}`, { token: client.registration_access_token, headers: { "x-test-client-ip": elsewhere } })).status).toBe(200);
      const audit = await db().auditEvent.findMany({ where: { action: "credential_guessing.throttled", ip: address, createdAt: { gte: started } } });
      expect(audit).toHaveLength(1);
    } finally {
      throttleSettings.limit = limit;
    }
  });
});
