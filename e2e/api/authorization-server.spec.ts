import { expect, test, type Browser } from "@playwright/test";
import * as oauth from "oauth4webapi";
import * as client from "openid-client";
import { startAuthorizationServer, type AuthorizationServer } from "../authorization-server";
import { metadataOf } from "../clients";
import { apiKey, baseURL } from "../env";
import { authFile, clientIp, settingsFormHydrated } from "../support";

// End to end through a real authorization server: a small one of the suite's own (../authorization-server.ts),
// written against Authlete's API as Authlete documents it and pointed at Registrar's Authlete-compatible API.
// Client software that nobody here wrote (openid-client, oauth4webapi) registers, reads, updates and deletes
// its registration through it, and every answer it gets is, byte for byte, what Registrar's own RFC 7591/7592
// endpoint answers to the same request.
//
// The service's registration management endpoint is set to the authorization server's registration endpoint for
// this file, so that each client's registration_client_uri (RFC 7592 §3) sends it back to the authorization
// server, whichever interface registered it.

const issuer = new URL(baseURL);
const metadata = { redirect_uris: ["https://as-e2e.example.com/callback"], client_name: "Client behind an authorization server", contacts: ["dev@as-e2e.example.com"] };

let as: AuthorizationServer;

/** Sets the registration management endpoint on the console's Settings page, as an administrator does ("" = unset). */
async function setManagementEndpoint(browser: Browser, value: string) {
  const context = await browser.newContext({ storageState: authFile("admin") });
  const page = await context.newPage();
  await page.goto("/settings");
  await settingsFormHydrated(page);
  await page.getByLabel("Registration management endpoint").fill(value);
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText(/Settings saved|Nothing changed/)).toBeVisible();
  await context.close();
}

test.beforeAll(async ({ browser }) => {
  as = await startAuthorizationServer({ authleteURL: baseURL, apiKey, serviceId: "default" });
  await setManagementEndpoint(browser, as.registrationEndpoint);
});

test.afterAll(async ({ browser }) => {
  // The other specs expect Registrar's own endpoint in registration_client_uri.
  await setManagementEndpoint(browser, "");
  await as?.close();
});

// ---- client software ----------------------------------------------------------------------------------------

/** What a client library does with its configuration endpoint: a call with its registration access token. */
type ConfigurationCall = (token: string, method: "GET" | "PUT" | "DELETE", url: URL, body?: string) => Promise<Response>;
/** A client library registering `metadata` through the authorization server. */
type ClientSoftware = { name: string; register(): Promise<{ registered: Record<string, unknown>; call: ConfigurationCall }> };

const jsonHeaders = (body: string | undefined) => (body === undefined ? undefined : new Headers({ "Content-Type": "application/json" }));
const insecure = { [oauth.allowInsecureRequests]: true }; // the test servers speak plain HTTP on 127.0.0.1

/**
 * Registrar's server metadata (RFC 8414) as an authorization server in front of it would publish it: the same,
 * with its own registration endpoint. openid-client registers only after discovery, so it reads Registrar's
 * document through this fetch; every other request goes out unchanged.
 */
const discoveryNamingTheAuthorizationServer =
  (registrationEndpoint: string): client.CustomFetch =>
  async (url, options) => {
    const response = await fetch(url, options as RequestInit);
    if (!new URL(url).pathname.startsWith("/.well-known/")) return response;
    return Response.json({ ...(await response.json()), registration_endpoint: registrationEndpoint });
  };

const clientSoftware: ClientSoftware[] = [
  {
    name: "openid-client",
    async register() {
      const config = await client.dynamicClientRegistration(issuer, metadata, undefined, {
        execute: [client.allowInsecureRequests],
        [client.customFetch]: discoveryNamingTheAuthorizationServer(as.registrationEndpoint),
      });
      return {
        registered: config.clientMetadata(),
        call: (token, method, url, body) => client.fetchProtectedResource(config, token, url, method, body, jsonHeaders(body)),
      };
    },
  },
  {
    name: "oauth4webapi",
    async register() {
      // oauth4webapi takes the server's metadata as an object: Registrar's, naming the authorization server's endpoint.
      const registrar = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { ...insecure, algorithm: "oauth2" }));
      const server: oauth.AuthorizationServer = { ...registrar, registration_endpoint: as.registrationEndpoint };
      const registered = await oauth.processDynamicClientRegistrationResponse(await oauth.dynamicClientRegistrationRequest(server, metadata, insecure));
      return { registered, call: (token, method, url, body) => oauth.protectedResourceRequest(token, method, url, jsonHeaders(body), body, insecure) };
    },
  },
];

for (const software of clientSoftware) {
  test(`[API][AS] ${software.name} registers, reads, updates and deletes through an authorization server in front of Registrar`, async () => {
    const { registered, call } = await software.register();
    const clientId = String(registered.client_id);
    expect(registered).toMatchObject({ ...metadata, token_endpoint_auth_method: "client_secret_basic" });
    expect(registered.client_secret).toEqual(expect.any(String));
    // RFC 7592 §3: the client manages its registration where it was told to, at the authorization server.
    const uri = new URL(String(registered.registration_client_uri));
    expect(uri.href).toBe(`${as.registrationEndpoint}/${encodeURIComponent(clientId)}`);
    const token = String(registered.registration_access_token);

    // RFC 7592 §2.1: the read returns the registration as it was issued.
    const read = await call(token, "GET", uri);
    expect(read.status).toBe(200);
    expect(read.headers.get("cache-control")).toBe("no-store");
    const current = await read.json();
    expect(current).toEqual(JSON.parse(JSON.stringify(registered)));

    // RFC 7592 §2.2: the whole metadata with the client_id; the registration access token is rotated (the default policy).
    const update = JSON.stringify({ ...metadataOf(current), client_id: clientId, client_name: `${metadata.client_name}, renamed` });
    const updated = await call(token, "PUT", uri, update);
    expect(updated.status).toBe(200);
    const after = await updated.json();
    expect(after).toMatchObject({ client_id: clientId, client_secret: registered.client_secret, client_name: `${metadata.client_name}, renamed`, registration_client_uri: uri.href });
    expect(after.registration_access_token).not.toBe(token);

    // RFC 7592 §2.3: 204 without a body.
    const deleted = await call(after.registration_access_token, "DELETE", uri);
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe("");

    // The client is gone: the library meets a Bearer challenge (RFC 6750 §3) and says so.
    const gone = await call(after.registration_access_token, "GET", uri).catch((error: unknown) => error);
    expect(gone).toBeInstanceOf(oauth.WWWAuthenticateChallengeError);
    expect(gone).toMatchObject({ status: 401, cause: [expect.objectContaining({ scheme: "bearer", parameters: { error: "invalid_token" } })] });
  });
}

// ---- byte for byte ------------------------------------------------------------------------------------------

/** Everything of an answer a client may rely on: the status, the headers RFC 7591/7592 and RFC 6750 name, the body's bytes. */
type Answer = { status: number; contentType: string | null; cacheControl: string | null; pragma: string | null; wwwAuthenticate: string | null; body: string };

// Registrar counts failed tokens per client address: the requests of this file come from an address of their own.
const ip = clientIp();

async function send(url: string, method: string, { token, body }: { token?: string; body?: string } = {}): Promise<Answer> {
  const headers: Record<string, string> = { "x-registrar-client-ip": ip };
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(url, { method, headers, body });
  const h = response.headers;
  return {
    status: response.status,
    contentType: h.get("content-type"),
    cacheControl: h.get("cache-control"),
    pragma: h.get("pragma"),
    wwwAuthenticate: h.get("www-authenticate"),
    body: Buffer.from(await response.arrayBuffer()).toString("latin1"), // every byte, as is
  };
}

/** The same request to the authorization server and to Registrar's own endpoint. */
async function sendToBoth(path: string, method: string, request: { token?: string; body?: string } = {}) {
  return { throughAs: await send(`${as.url}${path}`, method, request), atRegistrar: await send(`${baseURL}${path}`, method, request) };
}

const configurationPath = (clientId: string) => `/register/${encodeURIComponent(clientId)}`;

async function registerAtRegistrar(): Promise<{ client_id: string; registration_access_token: string } & Record<string, unknown>> {
  const answer = await send(`${baseURL}/register`, "POST", { body: JSON.stringify(metadata) });
  expect(answer.status, answer.body).toBe(201);
  return JSON.parse(answer.body);
}

/** An answer with the credentials issued for this one request replaced by their names, for comparing two registrations. */
function withoutCredentials(answer: Answer): Answer {
  const issued = JSON.parse(answer.body) as Record<string, unknown>;
  let body = answer.body.replace(/"client_id_issued_at":\d+/, `"client_id_issued_at":"<issued at>"`);
  for (const member of ["client_id", "client_secret", "registration_access_token"]) {
    if (typeof issued[member] === "string") body = body.replaceAll(issued[member], `<${member}>`);
  }
  return { ...answer, body };
}

test("[API][AS] a read through the authorization server is byte for byte Registrar's own, and so are the refusals of wrong, missing and stale tokens", async () => {
  const registered = await registerAtRegistrar();
  // Registered at Registrar's own endpoint, managed at the authorization server (the service's setting).
  expect(registered.registration_client_uri).toBe(`${as.registrationEndpoint}/${registered.client_id}`);
  const path = configurationPath(registered.client_id);
  const token = registered.registration_access_token;

  const read = await sendToBoth(path, "GET", { token });
  expect(read.throughAs).toEqual(read.atRegistrar);
  expect(read.throughAs).toMatchObject({ status: 200, contentType: "application/json", cacheControl: "no-store", pragma: "no-cache" });
  expect(JSON.parse(read.throughAs.body)).toEqual(registered);

  const wrongToken = await sendToBoth(path, "GET", { token: "not-the-registration-access-token" });
  expect(wrongToken.throughAs).toEqual(wrongToken.atRegistrar);
  expect(wrongToken.throughAs).toMatchObject({ status: 401, wwwAuthenticate: `Bearer error="invalid_token"` });
  expect(JSON.parse(wrongToken.throughAs.body)).toMatchObject({ error: "invalid_token" });

  const noToken = await sendToBoth(path, "GET");
  expect(noToken.throughAs).toEqual(noToken.atRegistrar);
  expect(noToken.throughAs).toMatchObject({ status: 401, wwwAuthenticate: "Bearer" });

  const wrongTokenUpdate = await sendToBoth(path, "PUT", { token: "not-the-registration-access-token", body: JSON.stringify({ ...metadata, client_id: registered.client_id }) });
  expect(wrongTokenUpdate.throughAs).toEqual(wrongTokenUpdate.atRegistrar);
  expect(wrongTokenUpdate.throughAs.status).toBe(401);

  // A refused update changes nothing, so the same request can go to both.
  const fragment = JSON.stringify({ ...metadata, client_id: registered.client_id, redirect_uris: ["https://as-e2e.example.com/callback#fragment"] });
  const invalidUpdate = await sendToBoth(path, "PUT", { token, body: fragment });
  expect(invalidUpdate.throughAs).toEqual(invalidUpdate.atRegistrar);
  expect(invalidUpdate.throughAs).toMatchObject({ status: 400, contentType: "application/json", cacheControl: "no-store", pragma: "no-cache" });
  expect(JSON.parse(invalidUpdate.throughAs.body)).toMatchObject({ error: "invalid_redirect_uri" });

  const deleted = await send(`${as.url}${path}`, "DELETE", { token });
  expect(deleted).toEqual({ status: 204, contentType: null, cacheControl: "no-store", pragma: "no-cache", wwwAuthenticate: null, body: "" });
  const stale = await sendToBoth(path, "GET", { token });
  expect(stale.throughAs).toEqual(stale.atRegistrar);
  expect(stale.throughAs).toMatchObject({ status: 401, wwwAuthenticate: `Bearer error="invalid_token"` });
});

test("[API][AS] invalid registrations are refused through the authorization server byte for byte as at Registrar's own endpoint", async () => {
  // What each is refused as (RFC 7591 §3.2.2): the same words from both, whichever they are.
  const requests: Record<string, [body: string, error: string]> = {
    "a redirect URI with a fragment": [JSON.stringify({ ...metadata, redirect_uris: ["https://as-e2e.example.com/callback#fragment"] }), "invalid_redirect_uri"],
    "no redirect URI for the authorization code grant": [JSON.stringify({ grant_types: ["authorization_code"], response_types: ["code"] }), "invalid_redirect_uri"],
    "a JSON array": ["[]", "invalid_client_metadata"],
    "a body that is not JSON": [`{"redirect_uris": [`, "invalid_request"],
    "a member given twice": [`{"client_name":"One","client_name":"Two"}`, "invalid_request"],
    "an empty body": ["", "invalid_request"],
  };
  for (const [what, [body, error]] of Object.entries(requests)) {
    const { throughAs, atRegistrar } = await sendToBoth("/register", "POST", { body });
    expect(throughAs, what).toEqual(atRegistrar);
    expect(throughAs, what).toMatchObject({ status: 400, contentType: "application/json", cacheControl: "no-store", pragma: "no-cache", wwwAuthenticate: null });
    expect(JSON.parse(throughAs.body), what).toEqual({ error, error_description: expect.any(String) });
  }
});

test("[API][AS] registrations, updates and deletions through the authorization server answer as Registrar's own, credentials apart", async () => {
  // Each registration and update issues new credentials: compared with those replaced, the rest byte for byte.
  const registered = await sendToBoth("/register", "POST", { body: JSON.stringify(metadata) });
  expect(registered.throughAs.status).toBe(201);
  expect(withoutCredentials(registered.throughAs)).toEqual(withoutCredentials(registered.atRegistrar));
  const viaAs = JSON.parse(registered.throughAs.body);
  const atRegistrar = JSON.parse(registered.atRegistrar.body);
  expect(viaAs.client_id).not.toBe(atRegistrar.client_id);

  const changes = { client_name: `${metadata.client_name}, renamed`, contacts: ["ops@as-e2e.example.com"] };
  const update = (registration: Record<string, unknown>) => JSON.stringify({ ...metadataOf(registration), client_id: registration.client_id, ...changes });
  const updated = {
    throughAs: await send(`${as.url}${configurationPath(viaAs.client_id)}`, "PUT", { token: viaAs.registration_access_token, body: update(viaAs) }),
    atRegistrar: await send(`${baseURL}${configurationPath(atRegistrar.client_id)}`, "PUT", { token: atRegistrar.registration_access_token, body: update(atRegistrar) }),
  };
  expect(updated.throughAs.status).toBe(200);
  expect(JSON.parse(updated.throughAs.body)).toMatchObject(changes);
  expect(withoutCredentials(updated.throughAs)).toEqual(withoutCredentials(updated.atRegistrar));

  const deleted = {
    throughAs: await send(`${as.url}${configurationPath(viaAs.client_id)}`, "DELETE", { token: JSON.parse(updated.throughAs.body).registration_access_token }),
    atRegistrar: await send(`${baseURL}${configurationPath(atRegistrar.client_id)}`, "DELETE", { token: JSON.parse(updated.atRegistrar.body).registration_access_token }),
  };
  expect(deleted.throughAs).toEqual(deleted.atRegistrar);
  expect(deleted.throughAs).toEqual({ status: 204, contentType: null, cacheControl: "no-store", pragma: "no-cache", wwwAuthenticate: null, body: "" });
});
