import { Authlete } from "@authlete/typescript-sdk";
import { expect, test } from "@playwright/test";
import * as oauth from "oauth4webapi";
import * as client from "openid-client";
import pg from "pg";
import { apiKey, baseURL } from "../env";

// Client software and authorization servers that nobody here wrote, used unchanged against the running
// production build: openid-client, oauth4webapi and Authlete's own SDK.

const issuer = new URL(baseURL);
const metadata = { redirect_uris: ["https://interop.example.com/callback"], client_name: "Interop client", contacts: ["dev@interop.example.com"] };

test("[API][INTEROP] openid-client discovers Registrar and registers a client", async () => {
  const config = await client.dynamicClientRegistration(issuer, metadata, undefined, { execute: [client.allowInsecureRequests] });
  expect(config.serverMetadata()).toMatchObject({ issuer: baseURL, registration_endpoint: `${baseURL}/register` });
  const registered = config.clientMetadata();
  expect(registered.client_id).toMatch(/^[A-Za-z0-9_-]{22}$/);
  expect(registered.client_secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(registered).toMatchObject({ ...metadata, token_endpoint_auth_method: "client_secret_basic" });
});

test("[API][INTEROP] oauth4webapi registers, then reads and updates through registration_client_uri", async () => {
  const options = { [oauth.allowInsecureRequests]: true };
  const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { ...options, algorithm: "oauth2" }));
  const registered = await oauth.processDynamicClientRegistrationResponse(await oauth.dynamicClientRegistrationRequest(as, { ...metadata, token_endpoint_auth_method: "none" }, options));
  expect(registered.client_secret).toBeUndefined();
  const token = String(registered.registration_access_token);
  const uri = new URL(String(registered.registration_client_uri));

  const read = await oauth.protectedResourceRequest(token, "GET", uri, undefined, undefined, options);
  expect(read.status).toBe(200);
  expect(read.headers.get("cache-control")).toBe("no-store");
  expect(await read.json()).toMatchObject({ client_id: registered.client_id, ...metadata });

  const body = JSON.stringify({ client_id: registered.client_id, ...metadata, client_name: "Interop client, renamed" });
  const updated = await oauth.protectedResourceRequest(token, "PUT", uri, new Headers({ "Content-Type": "application/json" }), body, options);
  expect(updated.status).toBe(200);
  const updatedBody = await updated.json();
  expect(updatedBody.client_name).toBe("Interop client, renamed");
  expect(updatedBody.registration_access_token).not.toBe(token); // rotated by the default policy

  // The old token stopped working: oauth4webapi surfaces the 401's Bearer challenge as an error.
  const stale = await oauth.protectedResourceRequest(token, "GET", uri, undefined, undefined, options).catch((error) => error);
  expect(stale).toBeInstanceOf(oauth.WWWAuthenticateChallengeError);
  expect(stale.status).toBe(401);
  expect(stale.cause).toEqual([expect.objectContaining({ scheme: "bearer", parameters: { error: "invalid_token" } })]);
});

test("[API][INTEROP] Authlete's SDK registers, reads, updates and deletes through the compatible API", async () => {
  const authlete = new Authlete({ bearer: apiKey, serverURL: baseURL });
  const serviceId = "default";
  const created = await authlete.dynamicClientRegistration.register({ serviceId, requestBody: { json: JSON.stringify(metadata) } });
  expect(created.action).toBe("CREATED");
  const content = JSON.parse(created.responseContent!);
  const got = await authlete.dynamicClientRegistration.get({ serviceId, requestBody: { clientId: content.client_id, token: content.registration_access_token } });
  expect(got.action).toBe("OK");
  const updated = await authlete.dynamicClientRegistration.update({
    serviceId,
    requestBody: { clientId: content.client_id, token: content.registration_access_token, json: JSON.stringify({ ...metadata, client_id: content.client_id, client_name: "Renamed by the AS" }) },
  });
  expect(updated.action).toBe("UPDATED");
  const token = JSON.parse(updated.responseContent!).registration_access_token;
  const deleted = await authlete.dynamicClientRegistration.delete({ serviceId, requestBody: { clientId: content.client_id, token } });
  expect(deleted.action).toBe("DELETED");
});

test("[API][HEALTH] /api/health reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", database: "ok" });
});

test("[API][INTEROP][SERVICES] a service other than the default one is discovered at its own issuer by openid-client and oauth4webapi, and manages its clients there", async () => {
  // A service as the console creates one (a row of its own); its issuer is {base}/s/{serviceId}.
  const serviceId = `interop-${Date.now().toString(36)}`;
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  try {
    await db.query(`INSERT INTO service (id, name, policy, updated_at) VALUES ($1, 'Interop service', '{"allowedGrantTypes": ["authorization_code", "refresh_token"]}', now())`, [serviceId]);
  } finally {
    await db.end();
  }
  const serviceIssuer = new URL(`${baseURL}/s/${serviceId}`);
  const options = { [oauth.allowInsecureRequests]: true };
  // RFC 8414 §3 (the well-known path inserted before the issuer's path) and OpenID Connect Discovery (appended).
  for (const algorithm of ["oauth2", "oidc"] as const) {
    const as = await oauth.processDiscoveryResponse(serviceIssuer, await oauth.discoveryRequest(serviceIssuer, { ...options, algorithm }));
    expect(as).toMatchObject({ issuer: serviceIssuer.href, registration_endpoint: `${serviceIssuer.href}/register`, grant_types_supported: ["authorization_code", "refresh_token"] });
  }

  const config = await client.dynamicClientRegistration(serviceIssuer, metadata, undefined, { execute: [client.allowInsecureRequests] });
  const registered = config.clientMetadata();
  expect(registered.registration_client_uri).toBe(`${serviceIssuer.href}/register/${registered.client_id}`);
  const uri = new URL(String(registered.registration_client_uri));
  const read = await oauth.protectedResourceRequest(String(registered.registration_access_token), "GET", uri, undefined, undefined, options);
  expect(read.status).toBe(200);
  expect(await read.json()).toMatchObject({ client_id: registered.client_id, ...metadata });
  // The default service does not know it.
  const elsewhere = await fetch(`${baseURL}/register/${registered.client_id}`, { headers: { Authorization: `Bearer ${registered.registration_access_token}` } });
  expect(elsewhere.status).toBe(401);
});
