import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { readClientList, countClients } from "@/lib/clients/list";
import { parseClientListQuery } from "@/lib/clients/list-params";
import { isRole } from "@/lib/auth/permissions";
import { planImport } from "@/lib/migration/import";
import { maxNestingDepth, validateClientMetadata } from "@/lib/registration/metadata";
import { defaultPolicy, ServicePolicySchema } from "@/lib/registration/policy";
import { protocolServerPerSuite } from "./support/protocol-server";

// Stricter input: URIs by RFC 3986's grammar, "none" under the policy's signing algorithms,
// lookups by a user-chosen key, and JSON nested past any sense — each as the client or administrator sees it.

const server = protocolServerPerSuite();

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...(body !== undefined && { "Content-Type": "application/json" }), ...headers },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

const redirect = { redirect_uris: ["https://app.example.com/cb"] };
const clientCount = () => db().client.count({ where: { serviceId: server.serviceId } });

/** Inputs the WHATWG URL parser repairs into valid URLs, and RFC 3986 does not accept. */
const repairedByBrowsers = [
  ["https:\\\\example.com/cb", "a backslash"],
  ["https://example.com\\cb", "a backslash"],
  ["https:/example.com/cb", 'it has no "//" and host after "https:"'],
  ["https:example.com/cb", 'it has no "//" and host after "https:"'],
  ["https://exa mple.com/cb", "a space"],
  ["https://example.com/c\tb", "a tab"],
  ["https://example.com/c\nb", "a line break"],
  [" https://example.com/cb", "a space"],
  ["https://example.com:99999/cb", "its port is not a number from 0 to 65535"],
  ["https://example.com:8o/cb", "its port is not a number from 0 to 65535"],
  ["https://exämple.com/cb", '"ä"'],
  ["https://example.com/%zz", "percent-encoded octet"],
  ["https://[::1/cb", "its host is not a host name or IP address"],
  ["https://[fe80::1%25eth0]/cb", "its host between [ and ] is not an IPv6 address"],
  ["https:///cb", "its host is empty"],
  ["https://example.com/cb?x=[1]", "its query contains [, ] or #"],
] as const;

describe("[METADATA][URI] URIs are checked against RFC 3986 as given, not as a browser would repair them", () => {
  it.each(repairedByBrowsers)("refuses %j as a redirect URI (invalid_redirect_uri) over HTTP, writing nothing", async (uri, rule) => {
    const before = await clientCount();
    const response = await call("POST", "/register", { redirect_uris: [uri] });
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ error: "invalid_redirect_uri" });
    expect(response.json!.error_description).toContain("redirect_uris[0] must be an absolute URI: it");
    expect(response.json!.error_description).toContain(rule);
    expect(await clientCount()).toBe(before);
  });

  it("refuses them in every URI member, naming the member and the rule (invalid_client_metadata)", () => {
    const members = ["client_uri", "logo_uri", "tos_uri", "policy_uri", "jwks_uri", "sector_identifier_uri", "initiate_login_uri", "backchannel_logout_uri", "frontchannel_logout_uri", "tls_client_auth_san_uri", "client_uri#fr"];
    for (const member of members) {
      for (const [uri, rule] of repairedByBrowsers) {
        const result = validateClientMetadata({ ...redirect, [member]: uri });
        expect(result.ok, `${member}: ${uri}`).toBe(false);
        if (result.ok) continue;
        const issue = result.issues.find((i) => i.path[0] === member && i.message.includes(rule));
        expect(issue, `${member}: ${uri}`).toMatchObject({ code: "invalid_client_metadata" });
        expect(issue!.message).toMatch(new RegExp(`^${member} must be an absolute (URI|https URL|http or https URL): it`));
      }
    }
    for (const [member, wrap] of [["request_uris", (u: string) => [u]], ["post_logout_redirect_uris", (u: string) => [u]]] as const) {
      const result = validateClientMetadata({ ...redirect, [member]: wrap("https://example.com:99999/x") });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.issues[0]!.message).toContain(`${member}[0] must be an absolute ${member === "request_uris" ? "https URL" : "URI"}: its port is not a number from 0 to 65535`);
    }
  });

  it("accepts URIs that are valid: IP literals, ports, percent-encoding, private-use schemes of native apps, URNs", () => {
    const valid = validateClientMetadata({
      redirect_uris: ["https://app.example.com:8443/cb?x=1&y=%20", "http://127.0.0.1:49152/cb", "http://[::1]/cb", "com.example.app:/oauth2redirect"],
      application_type: "native",
      client_uri: "https://example.com/",
      token_endpoint_auth_method: "tls_client_auth",
      tls_client_auth_san_uri: "urn:example:client:1",
      request_uris: ["https://example.com/r/abc#frag"],
      jwks_uri: "https://[2001:db8::1]:443/jwks.json",
    });
    expect(valid.ok ? [] : valid.issues).toEqual([]);
  });
});

describe('[METADATA][POLICY] a signing algorithm of "none" obeys the allowed algorithms, and discovery says the same', () => {
  const noneEverywhere = { ...redirect, id_token_signed_response_alg: "none", response_types: ["code"], userinfo_signed_response_alg: "none", request_object_signing_alg: "none" };
  const discovered = async () => (await call("GET", "/.well-known/openid-configuration")).json!;
  const listsNone = (doc: Record<string, unknown>) =>
    ["id_token_signing_alg_values_supported", "userinfo_signing_alg_values_supported", "request_object_signing_alg_values_supported"].map((k) => (doc[k] as string[]).includes("none"));

  it("registers with none when the policy allows it, and discovery lists none for those members (never for client authentication)", async () => {
    await server.setPolicy({ allowedSigningAlgorithms: ["RS256", "none"] });
    expect((await call("POST", "/register", noneEverywhere)).status).toBe(201);
    const doc = await discovered();
    expect(listsNone(doc)).toEqual([true, true, true]);
    expect(doc.token_endpoint_auth_signing_alg_values_supported).toEqual(["RS256"]);
  });

  it("refuses none when the policy does not allow it, naming each member, and discovery lists none nowhere", async () => {
    await server.setPolicy({ allowedSigningAlgorithms: ["RS256", "ES256"] });
    const before = await clientCount();
    for (const member of ["id_token_signed_response_alg", "userinfo_signed_response_alg", "request_object_signing_alg"]) {
      const response = await call("POST", "/register", { ...redirect, [member]: "none" });
      expect(response.status).toBe(400);
      expect(response.json).toMatchObject({ error: "invalid_client_metadata", error_description: `${member} "none" is not allowed by this service` });
    }
    expect(await clientCount()).toBe(before);
    expect(listsNone(await discovered())).toEqual([false, false, false]);
  });

  it("the default policy allows none, as before, and discovery lists it", async () => {
    expect(defaultPolicy.allowedSigningAlgorithms).toContain("none");
    expect((await call("POST", "/register", noneEverywhere)).status).toBe(201);
    expect(listsNone(await discovered())).toEqual([true, true, true]);
  });

  it("never picks none as the default ID token algorithm", () => {
    const result = validateClientMetadata(redirect, ServicePolicySchema.parse({ allowedSigningAlgorithms: ["none", "HS256", "ES256"] }));
    expect(result.ok && result.metadata.id_token_signed_response_alg).toBe("ES256");
  });
});

describe("[HARDENING] lookups by a user-chosen key use own properties only", () => {
  it("/clients?created=constructor (or toString, __proto__) lists the clients unfiltered instead of failing", async () => {
    const all = await countClients(server.serviceId, parseClientListQuery({}));
    for (const created of ["constructor", "toString", "__proto__", "hasOwnProperty"]) {
      const query = parseClientListQuery({ created });
      expect(query.created).toBeUndefined();
      const { count } = await readClientList(server.serviceId, query, countClients(server.serviceId, query));
      expect(count).toEqual(all);
    }
    expect(parseClientListQuery({ created: "7d" }).created).toBe("7d");
  });

  it("a role named after an Object member is no role", () => {
    for (const name of ["constructor", "toString", "__proto__", "valueOf", "hasOwnProperty"]) expect(isRole(name)).toBe(false);
    expect(isRole("viewer")).toBe(true);
  });

  it("a form parameter named __proto__ is a parameter like any other: repeating it is refused (Authlete-compatible API)", async () => {
    const response = await fetch(`${server.url}/api/${server.serviceId}/client/registration`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Authorization: `Bearer ${server.apiKey}` },
      body: "__proto__=a&__proto__=b&json=%7B%7D",
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ resultCode: "R-API-4000", resultMessage: expect.stringContaining('repeats the parameter "__proto__"') });
  });

  it('a JWK whose kty is "constructor" is refused with a 400 naming it, not a 500', async () => {
    const response = await call("POST", "/register", { ...redirect, token_endpoint_auth_method: "private_key_jwt", jwks: { keys: [{ kty: "constructor" }, { kty: "toString", n: "x", e: "AQAB" }] } });
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ error: "invalid_client_metadata" });
    expect(response.json!.error_description).toContain('jwks.keys[0].kty must be RSA, EC or OKP (not "constructor")');
  });
});

/** A value nested `depth` arrays deep. */
const deeplyNested = (depth: number) => JSON.parse("[".repeat(depth) + "]".repeat(depth)) as unknown;
const deepJwks = (depth: number) => `{"redirect_uris":["https://app.example.com/cb"],"jwks":{"keys":[{"kty":"RSA","n":"x","e":"AQAB","x5c":${"[".repeat(depth)}${"]".repeat(depth)}}]}}`;
const nestingRule = `jwks must not nest arrays and objects more than ${maxNestingDepth} levels deep`;

describe("[HARDENING] JSON nested 20,000 levels deep in a member is a 400 naming the member, at every interface", () => {
  it("the RFC 7591 endpoint, writing nothing", async () => {
    const before = await clientCount();
    const response = await call("POST", "/register", deepJwks(20_000));
    expect(response.status).toBe(400);
    expect(response.json).toEqual({ error: "invalid_client_metadata", error_description: nestingRule });
    expect(await clientCount()).toBe(before);
  });

  it("the RFC 7592 update", async () => {
    const registered = (await call("POST", "/register", redirect)).json as { client_id: string; registration_access_token: string };
    const body = deepJwks(20_000).replace("{", `{"client_id":"${registered.client_id}",`);
    const response = await call("PUT", `/register/${registered.client_id}`, body, { Authorization: `Bearer ${registered.registration_access_token}` });
    expect(response.status).toBe(400);
    expect(response.json).toEqual({ error: "invalid_client_metadata", error_description: nestingRule });
  });

  it("the Authlete-compatible API's json string", async () => {
    const response = await call("POST", `/api/${server.serviceId}/client/registration`, { json: deepJwks(20_000) }, { Authorization: `Bearer ${server.apiKey}` });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ action: "BAD_REQUEST" });
    expect(JSON.parse(response.json!.responseContent as string)).toEqual({ error: "invalid_client_metadata", error_description: nestingRule });
  });

  it("a client file's import, and the rules themselves (the console's editor and actions use them)", async () => {
    const report = await planImport(server.serviceId, deepJwks(20_000).replace("{", '{"client_id":"deep-import",'), { format: "rfc7591" });
    expect(report.entries[0]).toMatchObject({ outcome: "refuse" });
    expect(JSON.stringify(report.entries[0])).toContain(nestingRule);
    const direct = validateClientMetadata({ ...redirect, default_acr_values: deeplyNested(20_000) });
    expect(direct).toEqual({ ok: false, issues: [{ path: ["default_acr_values"], code: "invalid_client_metadata", message: `default_acr_values must not nest arrays and objects more than ${maxNestingDepth} levels deep` }] });
    // A JWK Set of ordinary depth passes the rule.
    expect(validateClientMetadata({ ...redirect, jwks: { keys: [{ kty: "RSA", n: "x", e: "AQAB", x5c: ["MII"] }] } }).ok).toBe(true);
  });
});
