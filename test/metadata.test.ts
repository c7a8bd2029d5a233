import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { knownMembers, needsClientSecret } from "@/lib/registration/members";
import { clientMetadataSchema, metadataJsonSchema, validateClientMetadata, type MetadataIssue, type RegistrationErrorCode } from "@/lib/registration/metadata";
import type { ServicePolicyInput } from "@/lib/registration/policy";
import {
  applicationTypes,
  encryptionPairs,
  forbiddenRedirectSchemes,
  grantTypes,
  jweAlgorithms,
  jweEncryptions,
  jwsAlgorithms,
  subjectTypes,
  tlsClientAuthSubjectMembers,
  tokenEndpointAuthMethods,
} from "@/lib/registration/vocabulary";
import {
  appRedirect,
  ecKey,
  hybridClient,
  issue,
  issuesOf,
  jwksWith,
  machineClient,
  nativeClient,
  policyWith,
  validMetadata,
  webClient,
  type Doc,
} from "./support/metadata";

// Client metadata (RFC 7591 §2, OpenID Connect Dynamic Client Registration 1.0 §2): validateClientMetadata(input,
// policy), rule by rule. Each rule is proven twice: a document that keeps it is accepted, and one that breaks it
// is refused with exactly the issues a client is told.

type RuleCase = {
  rule: string;
  accepts: Doc;
  refuses: Doc;
  issues: MetadataIssue[];
  /** The policy of both documents. */
  policy?: ServicePolicyInput;
  /** The policy of the refused document, when the rule is a policy switch. */
  refusedUnder?: ServicePolicyInput;
};

function proveRules(cases: RuleCase[]) {
  for (const { rule, accepts, refuses, issues, policy, refusedUnder } of cases) {
    it(`[CORE][METADATA]: ${rule} — accepted`, () => {
      validMetadata(accepts, policy);
    });
    it(`[CORE][METADATA]: ${rule} — refused`, () => {
      expect(issuesOf(refuses, refusedUnder ?? policy)).toEqual(issues);
    });
  }
}

const oneOf = (values: readonly string[]) => `must be one of: ${values.join(", ")}`;
const signingWithNone = [...jwsAlgorithms, "none"];

/** The type of one member: `good` is accepted, `bad` refused with `rule` at `at` (default: the member itself). */
function typeRule(
  member: string,
  good: unknown,
  bad: unknown,
  rule: string,
  options: { at?: string; code?: RegistrationErrorCode; client?: (members: Doc) => Doc } = {},
): RuleCase {
  const client = options.client ?? webClient;
  return { rule: `${member}: ${rule}`, accepts: client({ [member]: good }), refuses: client({ [member]: bad }), issues: [issue(options.at ?? member, rule, options.code)] };
}
const privateKeyJwtClient = (members: Doc) => webClient({ token_endpoint_auth_method: "private_key_jwt", jwks: jwksWith(ecKey), ...members });
const tlsClient = (members: Doc) => machineClient({ token_endpoint_auth_method: "tls_client_auth", ...members });
const mustBeBoolean = (member: string) => typeRule(member, true, "yes", "must be true or false");

describe("[CORE][METADATA] the type of every member", () => {
  const cases: RuleCase[] = [
    typeRule("redirect_uris", [appRedirect], appRedirect, "must be an array of strings", { code: "invalid_redirect_uri" }),
    typeRule("token_endpoint_auth_method", "client_secret_post", "secret", oneOf(tokenEndpointAuthMethods)),
    typeRule("grant_types", ["authorization_code", "refresh_token"], ["authorization_code", "magic"], oneOf(grantTypes), { at: "grant_types[1]" }),
    typeRule("response_types", ["code"], [1], "must be a string", { at: "response_types[0]" }),
    typeRule("client_name", "Example", "", "must not be empty"),
    typeRule("client_name", "Example\tApp", "Example\u0007", "must not contain control characters"),
    ...["client_uri", "logo_uri", "tos_uri", "policy_uri"].map((member) =>
      typeRule(member, "https://app.example.com/page", "app.example.com/page", "must be an absolute http or https URL"),
    ),
    typeRule("scope", "openid profile email", "openid  profile", "must be scope tokens separated by single spaces"),
    typeRule("contacts", ["ops@example.com"], ["ops@example.com", "call us"], "must be an e-mail address", { at: "contacts[1]" }),
    ...["jwks_uri", "sector_identifier_uri", "initiate_login_uri"].map((member) =>
      typeRule(member, "https://app.example.com/resource", "http://app.example.com/resource", "must be an absolute https URL"),
    ),
    typeRule("jwks", jwksWith(ecKey), [ecKey], 'must be a JSON Web Key Set: {"keys": [...]}'),
    typeRule("jwks", jwksWith(ecKey), { keys: [ecKey, "key"] }, "must be a JSON Web Key object", { at: "jwks.keys[1]" }),
    typeRule("software_id", "4NRB1-0XZABZI9E6-5SM3R", "", "must not be empty"),
    typeRule("software_version", "2.1", 2.1, "must be a string"),
    typeRule("software_statement", "eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJodHRwczovL2lzc3Vlci5leGFtcGxlIn0.c2ln", "not-a-jwt", "must be a signed JWT (compact JWS)", {
      code: "invalid_software_statement",
    }),
    typeRule("application_type", "native", "desktop", oneOf(applicationTypes)),
    typeRule("subject_type", "pairwise", "anonymous", oneOf(subjectTypes)),
    ...["id_token_signed_response_alg", "userinfo_signed_response_alg", "request_object_signing_alg"].map((member) =>
      typeRule(member, "ES256", "rs256", oneOf(signingWithNone)),
    ),
    ...encryptionPairs.flatMap(([alg, enc]) => [
      typeRule(alg, "RSA-OAEP-256", "RSA-OAEP-1024", oneOf(jweAlgorithms)),
      typeRule(enc, "A256GCM", "A256", oneOf(jweEncryptions), { client: (members) => webClient({ [alg]: "ECDH-ES", ...members }) }),
    ]),
    typeRule("token_endpoint_auth_signing_alg", "ES256", "none", oneOf(jwsAlgorithms), { client: privateKeyJwtClient }),
    typeRule("default_max_age", 0, "3600", "must be a number of seconds"),
    typeRule("default_max_age", 3600, 1.5, "must be a whole number of seconds"),
    typeRule("default_max_age", 86400, -1, "must not be negative"),
    ...[
      "require_auth_time",
      "backchannel_logout_session_required",
      "frontchannel_logout_session_required",
      "tls_client_certificate_bound_access_tokens",
      "require_pushed_authorization_requests",
      "dpop_bound_access_tokens",
      "require_signed_request_object",
    ].map(mustBeBoolean),
    typeRule("default_acr_values", ["urn:mace:incommon:iap:silver"], "urn:mace:incommon:iap:silver", "must be an array of strings"),
    typeRule("request_uris", ["https://app.example.com/request.jwt"], ["http://app.example.com/request.jwt"], "must be an absolute https URL", { at: "request_uris[0]" }),
    typeRule("post_logout_redirect_uris", ["https://app.example.com/bye"], "https://app.example.com/bye", "must be an array of strings", { code: "invalid_redirect_uri" }),
    ...["backchannel_logout_uri", "frontchannel_logout_uri"].map((member) => typeRule(member, "https://app.example.com/logout", "/logout", "must be an absolute URI")),
    typeRule("tls_client_auth_subject_dn", "CN=app,O=Example", "", "must not be empty", { client: tlsClient }),
    typeRule("tls_client_auth_san_dns", "app.example.com", ["app.example.com"], "must be a string", { client: tlsClient }),
    typeRule("tls_client_auth_san_uri", "spiffe://example.com/app", "app", "must be an absolute URI", { client: tlsClient }),
    typeRule("tls_client_auth_san_ip", "2001:db8::1", "app.example.com", "must be an IPv4 or IPv6 address", { client: tlsClient }),
    typeRule("tls_client_auth_san_email", "app@example.com", "app", "must be an e-mail address", { client: tlsClient }),
    typeRule("authorization_details_types", ["payment_initiation"], ["payment_initiation", ""], "must not be empty", { at: "authorization_details_types[1]" }),
  ];
  proveRules(cases);

  it("[CORE][METADATA]: every member this service understands (knownMembers) has its type proven above", () => {
    const proven = new Set(cases.flatMap((c) => c.issues.map((i) => i.path[0])));
    expect(knownMembers.filter((member) => !proven.has(member))).toEqual([]);
  });
});

describe("[CORE][METADATA] defaults (RFC 7591 §2, OIDC DCR §2)", () => {
  it("[CORE][METADATA]: an empty web client gets every default", () => {
    expect(validMetadata(webClient())).toEqual({
      redirect_uris: [appRedirect],
      token_endpoint_auth_method: "client_secret_basic",
      grant_types: ["authorization_code"],
      response_types: ["code"],
      application_type: "web",
      id_token_signed_response_alg: "RS256",
    });
  });

  it("[CORE][METADATA]: given values are kept instead of the defaults", () => {
    const given = { token_endpoint_auth_method: "none", application_type: "native", id_token_signed_response_alg: "ES256" };
    expect(validMetadata(webClient(given))).toMatchObject(given);
  });

  it.each([
    [{ grant_types: ["authorization_code", "refresh_token"] }, { response_types: ["code"] }],
    [{ grant_types: ["client_credentials"] }, { response_types: [] }],
    [{ grant_types: ["urn:ietf:params:oauth:grant-type:device_code"] }, { response_types: [] }],
    [{ response_types: ["code"] }, { grant_types: ["authorization_code"] }],
    [{ response_types: ["id_token"] }, { grant_types: ["implicit"] }],
    [{ response_types: ["code id_token token"] }, { grant_types: ["authorization_code", "implicit"] }],
  ])("[CORE][METADATA]: %j derives %j", (given, derived) => {
    expect(validMetadata(webClient(given))).toMatchObject({ ...given, ...derived });
  });

  it.each(encryptionPairs)("[CORE][METADATA]: %s alone makes %s default to A128CBC-HS256", (alg, enc) => {
    expect(validMetadata(webClient({ [alg]: "RSA-OAEP" }))).toMatchObject({ [alg]: "RSA-OAEP", [enc]: "A128CBC-HS256" });
    expect(validMetadata(webClient({ [alg]: "RSA-OAEP", [enc]: "A256GCM" }))).toMatchObject({ [enc]: "A256GCM" });
    expect(validMetadata(webClient())).not.toHaveProperty(enc);
  });

  it("[CORE][METADATA]: unknown members are dropped, including credentials and untaggable members with a tag", () => {
    const metadata = validMetadata(
      webClient({ x_custom: 1, client_secret: "mine", registration_access_token: "t", "scope#en": "openid" }),
    );
    expect(Object.keys(metadata).sort()).toEqual(Object.keys(validMetadata(webClient())).sort());
  });

  it("[CORE][METADATA]: null means absent: no issue, and defaults apply", () => {
    const metadata = validMetadata(webClient({ client_name: null, token_endpoint_auth_method: null, jwks: null, "logo_uri#fr": null }));
    expect(metadata).toEqual(validMetadata(webClient()));
  });

  it("[CORE][METADATA]: a document that is not a JSON object is refused as a whole", () => {
    for (const input of [null, [], "{}", 42, true])
      expect(issuesOf(input)).toEqual([issue("metadata", "must be a JSON object")]);
  });
});

describe("[CORE][METADATA] grant types and response types agree (RFC 7591 §2.1)", () => {
  proveRules([
    {
      rule: '"code" needs authorization_code',
      accepts: webClient({ grant_types: ["authorization_code"], response_types: ["code"] }),
      refuses: webClient({ grant_types: ["implicit"], response_types: ["code"] }),
      issues: [issue("response_types[0]", '"code" needs "authorization_code" in grant_types')],
    },
    {
      rule: '"id_token" needs implicit',
      accepts: webClient({ grant_types: ["implicit"], response_types: ["id_token"] }),
      refuses: webClient({ grant_types: ["authorization_code"], response_types: ["code", "id_token"] }),
      issues: [issue("response_types[1]", '"id_token" needs "implicit" in grant_types')],
    },
    {
      rule: '"code id_token" needs both grants and says which is missing',
      accepts: hybridClient(),
      refuses: webClient({ grant_types: ["authorization_code"], response_types: ["code id_token"] }),
      issues: [issue("response_types[0]", '"code id_token" needs "implicit" in grant_types')],
    },
    {
      rule: '"token" needs implicit',
      accepts: webClient({ grant_types: ["implicit"], response_types: ["token"] }),
      refuses: webClient({ grant_types: ["refresh_token"], response_types: ["token"] }),
      issues: [issue("response_types[0]", '"token" needs "implicit" in grant_types')],
    },
    {
      rule: "response types are sets of words: the same set twice is a repeat",
      accepts: hybridClient({ response_types: ["id_token code"] }),
      refuses: hybridClient({ response_types: ["code id_token", "id_token code"] }),
      issues: [issue("response_types[1]", "repeats response_types[0]")],
    },
    {
      rule: 'a response type is "none" or a set of code, token and id_token',
      accepts: webClient({ response_types: ["code", "none"] }),
      refuses: webClient({ response_types: ["code code", "code device"] }),
      issues: [
        issue("response_types[0]", '"code code" must be "none" or a space-separated set of code, token and id_token'),
        issue("response_types[1]", '"code device" must be "none" or a space-separated set of code, token and id_token'),
      ],
    },
    {
      rule: "grant types do not repeat",
      accepts: webClient({ grant_types: ["authorization_code", "refresh_token"] }),
      refuses: webClient({ grant_types: ["authorization_code", "authorization_code"] }),
      issues: [issue("grant_types[1]", 'repeats "authorization_code"')],
    },
  ]);

  it("[CORE][METADATA]: the order of words in a response type does not matter", () => {
    expect(issuesOf(hybridClient({ response_types: ["id_token code"] }))).toEqual([]);
    expect(issuesOf(hybridClient({ response_types: ["token id_token code"] }))).toEqual([]);
  });

  it("[CORE][METADATA]: an inconsistent pair is reported, never silently rewritten", () => {
    const result = validateClientMetadata(webClient({ grant_types: ["client_credentials"], response_types: ["code"] }));
    expect(result).toEqual({ ok: false, issues: [issue("response_types[0]", '"code" needs "authorization_code" in grant_types')] });
  });
});

describe("[CORE][METADATA] redirect URIs (RFC 6749 §3.1.2, RFC 8252, RFC 9700)", () => {
  const redirect = (at: number, rule: string, member = "redirect_uris") => issue(`${member}[${at}]`, rule, "invalid_redirect_uri");
  const web = (uris: string[]) => webClient({ redirect_uris: uris });
  const native = (uris: string[]) => nativeClient(uris);
  const hybrid = (uris: string[]) => hybridClient({ redirect_uris: uris });
  /** The `good` URIs are accepted; after the first of them, `bad` is refused with `problem` (under `refusedUnder`, if given). */
  const uriRule = (rule: string, client: (uris: string[]) => Doc, good: string[], bad: string, problem: string, refusedUnder?: ServicePolicyInput): RuleCase => ({
    rule,
    accepts: client(good),
    refuses: client([good[0]!, bad]),
    refusedUnder,
    issues: [redirect(1, problem)],
  });

  proveRules([
    uriRule("web: https", web, [appRedirect, "https://app.example.com/cb?x=1"], "http://app.example.com/cb", "must use https (http is allowed only on loopback hosts)"),
    uriRule(
      "web: http on loopback hosts while the policy allows it (default)",
      web,
      [appRedirect, "http://127.0.0.1:8080/cb", "http://[::1]/cb", "http://localhost:3000/cb"],
      "http://127.0.0.1:9090/cb",
      "must use https (this service does not allow http on loopback hosts)",
      { allowHttpLoopbackRedirectsForWeb: false },
    ),
    uriRule("web: no private-use scheme", web, [appRedirect], "com.example.app:/cb", 'must use https for a web client (not com.example.app:); register the client with application_type "native" for a private-use scheme'),
    uriRule("implicit web: https", hybrid, [appRedirect], "http://app.example.com/cb", "must use https for a web client that uses the implicit grant"),
    uriRule(
      "native: private-use scheme, reverse-DNS when the policy demands it",
      native,
      ["com.example.app:/oauth2redirect", "myapp:/cb"],
      "myapp:/cb2",
      'must use a reverse domain name scheme (e.g. com.example.app:/callback), not "myapp:"',
      { requireReverseDnsNativeSchemes: true },
    ),
    uriRule(
      "native: http only on loopback",
      native,
      ["http://127.0.0.1:51004/cb", "http://[::1]:51004/cb", "http://localhost/cb"],
      "http://app.example.com/cb",
      "must use http only on a loopback host (127.0.0.1, [::1] or localhost) for a native client",
    ),
    uriRule("native: claimed https, not on localhost", native, [appRedirect], "https://localhost/cb", "must not use https with localhost for a native client; use http on a loopback address"),
    uriRule("no fragment", web, [appRedirect, "https://app.example.com/cb?next=%23top"], "https://app.example.com/cb#top", "must not contain a fragment"),
    uriRule("no fragment, not even a bare trailing '#'", native, ["com.example.app:/cb"], "com.example.app:/cb#", "must not contain a fragment"),
    uriRule("absolute", web, [appRedirect], "/cb", "must be an absolute URI"),
    uriRule("no duplicates", web, [appRedirect, `${appRedirect}2`], appRedirect, "repeats redirect_uris[0]"),
    uriRule("no user credentials", web, [appRedirect], "https://user:pw@app.example.com/cb", "must not contain user credentials"),
    {
      rule: "implicit web: no loopback host, not even with https",
      accepts: hybrid([appRedirect]),
      refuses: hybrid(["https://localhost/cb", "http://127.0.0.1/cb"]),
      issues: [
        redirect(0, "must not use a loopback host for a web client that uses the implicit grant"),
        redirect(1, "must use https for a web client that uses the implicit grant"),
        redirect(1, "must not use a loopback host for a web client that uses the implicit grant"),
      ],
    },
    {
      rule: "allowedRedirectHosts: exact hosts and *. wildcards",
      policy: { allowedRedirectHosts: ["app.example.com", "*.example.org"] },
      accepts: webClient({ redirect_uris: [appRedirect, "https://login.example.org/cb", "http://127.0.0.1/cb"] }),
      refuses: webClient({ redirect_uris: [appRedirect, "https://example.org/cb", "https://app.example.com.evil.net/cb"] }),
      issues: [
        redirect(1, "must use a host this service allows (app.example.com, *.example.org)"),
        redirect(2, "must use a host this service allows (app.example.com, *.example.org)"),
      ],
    },
    {
      rule: "required for grants that redirect",
      accepts: machineClient(),
      refuses: webClient({ redirect_uris: [] }),
      issues: [issue("redirect_uris", "is required for the authorization_code grant", "invalid_redirect_uri")],
    },
    {
      rule: "required for the implicit grant too, not for the device code grant",
      accepts: machineClient({ grant_types: ["urn:ietf:params:oauth:grant-type:device_code", "refresh_token"] }),
      refuses: { grant_types: ["authorization_code", "implicit"], response_types: ["code id_token"] },
      issues: [issue("redirect_uris", "is required for the authorization_code and implicit grants", "invalid_redirect_uri")],
    },
    {
      rule: "post_logout_redirect_uris follow the same rules with invalid_redirect_uri",
      accepts: webClient({ post_logout_redirect_uris: ["https://app.example.com/bye"] }),
      refuses: webClient({ post_logout_redirect_uris: ["https://app.example.com/bye#x", "http://app.example.com/bye"] }),
      issues: [
        redirect(0, "must not contain a fragment", "post_logout_redirect_uris"),
        redirect(1, "must use https (http is allowed only on loopback hosts)", "post_logout_redirect_uris"),
      ],
    },
  ]);

  describe.each(["web", "native"])("%s client", (applicationType) => {
    it.each([
      ["javascript:alert(document.cookie)"],
      ["vbscript:msgbox(1)"],
      ["data:text/html,<script>alert(1)</script>"],
      ["blob:https://app.example.com/9115d58c-bcda-ff47-86e5-083e9a215304"],
      ["file:///etc/passwd"],
      ["about:blank"],
      ["JavaScript:alert(1)"],
    ])("[CORE][METADATA]: %s is a forbidden scheme", (uri) => {
      const scheme = uri.slice(0, uri.indexOf(":")).toLowerCase();
      expect(forbiddenRedirectSchemes).toContain(scheme);
      const client = webClient({ application_type: applicationType });
      expect(issuesOf({ ...client, redirect_uris: [appRedirect, uri] })).toEqual([redirect(1, `must not use the ${scheme}: scheme`)]);
      expect(issuesOf({ ...client, post_logout_redirect_uris: [uri] })).toEqual([redirect(0, `must not use the ${scheme}: scheme`, "post_logout_redirect_uris")]);
    });
  });

  it("[CORE][METADATA]: errors on redirect members use invalid_redirect_uri, every other member invalid_client_metadata", () => {
    const issues = issuesOf(webClient({ redirect_uris: ["/cb"], post_logout_redirect_uris: ["/bye"], client_uri: "/home" }));
    expect(Object.fromEntries(issues.map((i) => [i.path[0], i.code]))).toEqual({
      redirect_uris: "invalid_redirect_uri",
      post_logout_redirect_uris: "invalid_redirect_uri",
      client_uri: "invalid_client_metadata",
    });
  });
});

describe("[CORE][METADATA] keys and client authentication", () => {
  const withKey = (key: Doc) => machineClient({ token_endpoint_auth_method: "private_key_jwt", jwks: jwksWith(key) });

  proveRules([
    {
      rule: "jwks and jwks_uri never together",
      accepts: webClient({ jwks_uri: "https://app.example.com/jwks.json" }),
      refuses: webClient({ jwks_uri: "https://app.example.com/jwks.json", jwks: jwksWith(ecKey) }),
      issues: [issue("jwks", "must not be given together with jwks_uri")],
    },
    ...["d", "p", "q", "dp", "dq", "qi", "oth", "k"].map(
      (member): RuleCase => ({
        rule: `jwks holds public keys only: no "${member}"`,
        accepts: withKey(ecKey),
        refuses: withKey({ ...ecKey, [member]: "c2VjcmV0" }),
        issues: [issue(`jwks.keys[0].${member}`, "must not be present: jwks holds public keys only")],
      }),
    ),
    {
      rule: "jwks holds no symmetric (oct) key",
      accepts: withKey(ecKey),
      refuses: withKey({ kty: "oct", k: "c2VjcmV0" }),
      issues: [issue("jwks.keys[0]", "must not be a symmetric (oct) key")],
    },
    {
      rule: "jwks holds at least one key",
      accepts: withKey(ecKey),
      refuses: machineClient({ token_endpoint_auth_method: "private_key_jwt", jwks: { keys: [] } }),
      issues: [issue("jwks.keys", "must hold at least one key")],
    },
    {
      rule: "a key has its public members",
      accepts: withKey(ecKey),
      refuses: withKey({ kty: "RSA", e: "AQAB" }),
      issues: [issue("jwks.keys[0].n", "is required for a RSA key")],
    },
    ...["private_key_jwt", "self_signed_tls_client_auth"].map(
      (method): RuleCase => ({
        rule: `${method} needs jwks or jwks_uri`,
        accepts: machineClient({ token_endpoint_auth_method: method, jwks_uri: "https://app.example.com/jwks.json" }),
        refuses: machineClient({ token_endpoint_auth_method: method }),
        issues: [issue("token_endpoint_auth_method", `"${method}" needs the client's public keys in jwks or jwks_uri`)],
      }),
    ),
    {
      rule: "tls_client_auth needs a subject member",
      accepts: tlsClient({ tls_client_auth_san_dns: "app.example.com" }),
      refuses: machineClient({ token_endpoint_auth_method: "tls_client_auth" }),
      issues: [issue("token_endpoint_auth_method", `"tls_client_auth" needs exactly one of ${tlsClientAuthSubjectMembers.join(", ")} (0 given)`)],
    },
    {
      rule: "tls_client_auth takes exactly one subject member",
      accepts: tlsClient({ tls_client_auth_subject_dn: "CN=app" }),
      refuses: tlsClient({ tls_client_auth_subject_dn: "CN=app", tls_client_auth_san_dns: "app.example.com" }),
      issues: [issue("token_endpoint_auth_method", `"tls_client_auth" needs exactly one of ${tlsClientAuthSubjectMembers.join(", ")} (2 given)`)],
    },
    {
      rule: "a subject member only with tls_client_auth",
      accepts: tlsClient({ tls_client_auth_san_email: "app@example.com" }),
      refuses: machineClient({ tls_client_auth_san_email: "app@example.com" }),
      issues: [issue("tls_client_auth_san_email", 'is only used with token_endpoint_auth_method "tls_client_auth"')],
    },
    {
      rule: "none is not a method for client_credentials",
      accepts: webClient({ token_endpoint_auth_method: "none" }),
      refuses: machineClient({ token_endpoint_auth_method: "none" }),
      issues: [issue("token_endpoint_auth_method", 'must not be "none" with the client_credentials grant, which needs client authentication')],
    },
  ]);
});

describe("[CORE][METADATA] algorithms", () => {
  proveRules([
    ...encryptionPairs.map(
      ([alg, enc]): RuleCase => ({
        rule: `${enc} needs ${alg}`,
        accepts: webClient({ [alg]: "RSA-OAEP", [enc]: "A128GCM" }),
        refuses: webClient({ [enc]: "A128GCM" }),
        issues: [issue(enc, `requires ${alg}`)],
      }),
    ),
    {
      rule: "id_token_signed_response_alg none only without an ID token from the authorization endpoint",
      accepts: webClient({ id_token_signed_response_alg: "none" }),
      refuses: hybridClient({ id_token_signed_response_alg: "none" }),
      issues: [issue("id_token_signed_response_alg", 'must not be "none" when response_types can return an ID token from the authorization endpoint')],
    },
    {
      rule: "client_secret_jwt signs with HMAC",
      accepts: webClient({ token_endpoint_auth_method: "client_secret_jwt", token_endpoint_auth_signing_alg: "HS256" }),
      refuses: webClient({ token_endpoint_auth_method: "client_secret_jwt", token_endpoint_auth_signing_alg: "RS256" }),
      issues: [issue("token_endpoint_auth_signing_alg", "must be an HMAC algorithm (HS256, HS384, HS512) for client_secret_jwt")],
    },
    {
      rule: "private_key_jwt signs with an asymmetric algorithm",
      accepts: webClient({ token_endpoint_auth_method: "private_key_jwt", jwks: jwksWith(ecKey), token_endpoint_auth_signing_alg: "ES256" }),
      refuses: webClient({ token_endpoint_auth_method: "private_key_jwt", jwks: jwksWith(ecKey), token_endpoint_auth_signing_alg: "HS256" }),
      issues: [issue("token_endpoint_auth_signing_alg", "must be an asymmetric algorithm for private_key_jwt")],
    },
    {
      rule: "token_endpoint_auth_signing_alg only with a JWT method",
      accepts: webClient({ token_endpoint_auth_method: "client_secret_jwt", token_endpoint_auth_signing_alg: "HS512" }),
      refuses: webClient({ token_endpoint_auth_signing_alg: "RS256" }),
      issues: [issue("token_endpoint_auth_signing_alg", 'is only used with token_endpoint_auth_method "private_key_jwt" or "client_secret_jwt"')],
    },
    {
      rule: "request objects are signed when require_signed_request_object",
      accepts: webClient({ request_object_signing_alg: "none" }),
      refuses: webClient({ request_object_signing_alg: "none", require_signed_request_object: true }),
      issues: [issue("request_object_signing_alg", 'must not be "none" when require_signed_request_object is true')],
    },
  ]);
});

describe("[CORE][METADATA] language-tagged members (RFC 7591 §2.2)", () => {
  proveRules([
    {
      rule: "the tag is a BCP 47 language tag",
      accepts: webClient({ "client_name#en-GB": "Colour picker", "client_name#zh-Hant-TW": "選色器" }),
      refuses: webClient({ "client_name#en_GB!": "Colour picker" }),
      issues: [issue("client_name#en_GB!", `must use a BCP 47 language tag after '#' ("en_GB!" is not one)`)],
    },
    {
      rule: "the value is validated like the base member",
      accepts: webClient({ "logo_uri#fr": "https://app.example.com/logo-fr.png" }),
      refuses: webClient({ "logo_uri#fr": "logo-fr.png", "client_name#de": "" }),
      issues: [issue("logo_uri#fr", "must be an absolute http or https URL"), issue("client_name#de", "must not be empty")],
    },
    {
      rule: "tags are case-insensitive: the same tag twice is a repeat",
      accepts: webClient({ "tos_uri#en": "https://app.example.com/tos", "tos_uri#de": "https://app.example.com/agb" }),
      refuses: webClient({ "tos_uri#en-gb": "https://app.example.com/tos", "tos_uri#EN-GB": "https://app.example.com/tos" }),
      issues: [issue("tos_uri#EN-GB", "repeats tos_uri#en-gb (language tags are case-insensitive)")],
    },
  ]);

  it("[CORE][METADATA]: tagged values are kept and echoed with the tag as given, beside the base member", () => {
    const tagged = { client_name: "Colour picker", "client_name#en-US": "Color picker", "client_uri#ja-Jpan-JP": "https://app.example.com/ja", "policy_uri#de": "https://app.example.com/datenschutz" };
    expect(validMetadata(webClient(tagged))).toMatchObject(tagged);
  });
});

describe("[CORE][METADATA] the service's policy", () => {
  proveRules([
    {
      rule: "allowedGrantTypes",
      policy: { allowedGrantTypes: ["authorization_code"] },
      accepts: webClient({ grant_types: ["authorization_code"] }),
      refuses: webClient({ grant_types: ["authorization_code", "refresh_token"] }),
      issues: [issue("grant_types[1]", '"refresh_token" is not allowed by this service')],
    },
    {
      rule: "the password grant is not allowed by default",
      accepts: machineClient(),
      refuses: machineClient({ grant_types: ["password"] }),
      issues: [issue("grant_types[0]", '"password" is not allowed by this service')],
    },
    {
      rule: "allowedTokenEndpointAuthMethods",
      policy: { allowedTokenEndpointAuthMethods: ["private_key_jwt", "client_secret_post"] },
      accepts: webClient({ token_endpoint_auth_method: "client_secret_post" }),
      refuses: webClient({ token_endpoint_auth_method: "client_secret_basic" }),
      issues: [issue("token_endpoint_auth_method", '"client_secret_basic" is not allowed by this service')],
    },
    {
      rule: "allowedSigningAlgorithms",
      policy: { allowedSigningAlgorithms: ["ES256", "PS256", "none"] },
      accepts: webClient({ id_token_signed_response_alg: "ES256", userinfo_signed_response_alg: "PS256", request_object_signing_alg: "none" }),
      refuses: webClient({ id_token_signed_response_alg: "ES256", userinfo_signed_response_alg: "RS256", request_object_signing_alg: "HS256" }),
      issues: [
        issue("userinfo_signed_response_alg", '"RS256" is not allowed by this service'),
        issue("request_object_signing_alg", '"HS256" is not allowed by this service'),
      ],
    },
    {
      rule: "allowedEncryptionAlgorithms (RSA1_5 is not allowed by default)",
      accepts: webClient({ userinfo_encrypted_response_alg: "RSA-OAEP-256" }),
      refuses: webClient({ userinfo_encrypted_response_alg: "RSA1_5" }),
      issues: [issue("userinfo_encrypted_response_alg", '"RSA1_5" is not allowed by this service')],
    },
  ]);
});

describe("[CORE][METADATA] limits", () => {
  const uris = (n: number) => Array.from({ length: n }, (_, i) => `https://app.example.com/cb/${i}`);
  const contacts = (n: number) => Array.from({ length: n }, (_, i) => `ops${i}@example.com`);
  const keys = (n: number) => Array.from({ length: n }, (_, i) => ({ ...ecKey, kid: `k${i}` }));

  proveRules([
    {
      rule: "maxRedirectUris",
      policy: { limits: { maxRedirectUris: 3 } },
      accepts: webClient({ redirect_uris: uris(3) }),
      refuses: webClient({ redirect_uris: uris(4) }),
      issues: [issue("redirect_uris", "must have at most 3 entries", "invalid_redirect_uri")],
    },
    {
      rule: "maxContacts",
      policy: { limits: { maxContacts: 2 } },
      accepts: webClient({ contacts: contacts(2) }),
      refuses: webClient({ contacts: contacts(3) }),
      issues: [issue("contacts", "must have at most 2 entries")],
    },
    {
      rule: "maxJwksKeys",
      policy: { limits: { maxJwksKeys: 2 } },
      accepts: webClient({ jwks: jwksWith(...keys(2)) }),
      refuses: webClient({ jwks: jwksWith(...keys(3)) }),
      issues: [issue("jwks.keys", "must have at most 2 keys")],
    },
    {
      rule: "maxStringLength",
      policy: { limits: { maxStringLength: 64 } },
      accepts: webClient({ client_name: "n".repeat(64) }),
      refuses: webClient({ client_name: "n".repeat(65), "client_name#de": "n".repeat(65) }),
      issues: [issue("client_name", "must be at most 64 characters"), issue("client_name#de", "must be at most 64 characters")],
    },
    {
      rule: "maxArrayItems",
      policy: { limits: { maxArrayItems: 2 } },
      accepts: webClient({ default_acr_values: ["a", "b"] }),
      refuses: webClient({ default_acr_values: ["a", "b", "c"] }),
      issues: [issue("default_acr_values", "must have at most 2 entries")],
    },
  ]);

  it("[CORE][METADATA]: maxMetadataBytes bounds the normalized document", () => {
    const document = webClient({ client_name: "n".repeat(600), client_uri: `https://app.example.com/${"p".repeat(600)}` });
    const size = Buffer.byteLength(JSON.stringify(validMetadata(document)));
    expect(size).toBeGreaterThan(1024);
    validMetadata(document, { limits: { maxMetadataBytes: size } });
    expect(issuesOf(document, { limits: { maxMetadataBytes: 1024 } })).toEqual([issue("metadata", `must be at most 1024 bytes of JSON (it is ${size})`)]);
  });
});

describe("[CORE][METADATA] text the database can store", () => {
  proveRules([
    {
      rule: "no unpaired surrogate, no NUL character, in any member or inside jwks",
      accepts: webClient({ client_name: "Café 🎉 \u2028", jwks: jwksWith({ ...ecKey, kid: "clé-🔑" }) }),
      refuses: webClient({ client_name: "Caf\ud800", jwks: jwksWith({ ...ecKey, kid: "a\u0000b", x5c: ["\udfff"] }) }),
      issues: [
        issue("client_name", "must be valid Unicode text (no NUL characters or unpaired surrogates)"),
        issue("jwks.keys[0].kid", "must be valid Unicode text (no NUL characters or unpaired surrogates)"),
      ],
    },
    {
      rule: "no NUL character in a member name inside jwks",
      accepts: webClient({ jwks: jwksWith({ ...ecKey, x_note: "ok" }) }),
      refuses: webClient({ jwks: jwksWith({ ...ecKey, "x\u0000": "ok" }) }),
      issues: [issue("jwks.keys[0]", "must be valid Unicode text (no NUL characters or unpaired surrogates)")],
    },
  ]);
});

describe("[CORE][METADATA] reporting", () => {
  it("[CORE][METADATA]: all problems of a document are reported together", () => {
    const document = {
      redirect_uris: ["https://app.example.com/cb#frag"],
      client_uri: "not a url",
      contacts: ["nobody"],
      id_token_encrypted_response_enc: "A128GCM",
      grant_types: ["authorization_code"],
      response_types: ["code", "token"],
      x_unknown: "ignored",
    };
    expect(issuesOf(document)).toEqual([
      issue("client_uri", "must be an absolute http or https URL"),
      issue("contacts[0]", "must be an e-mail address"),
      issue("response_types[1]", '"token" needs "implicit" in grant_types'),
      issue("redirect_uris[0]", "must not contain a fragment", "invalid_redirect_uri"),
      issue("id_token_encrypted_response_enc", "requires id_token_encrypted_response_alg"),
    ]);
  });

  it("[CORE][METADATA]: a member that is itself invalid is reported once, not again by the rules that depend on it", () => {
    expect(issuesOf(webClient({ application_type: "desktop", redirect_uris: ["myapp:/cb"] }))).toEqual([issue("application_type", oneOf(applicationTypes))]);
    expect(issuesOf(webClient({ grant_types: "authorization_code", response_types: ["code"] }))).toEqual([issue("grant_types", "must be an array of strings")]);
    expect(issuesOf(machineClient({ token_endpoint_auth_method: "private_key_jwt", jwks: "keys" }))).toEqual([
      issue("jwks", 'must be a JSON Web Key Set: {"keys": [...]}'),
    ]);
    expect(issuesOf(webClient({ id_token_encrypted_response_alg: "RSA-OAEP-1024", id_token_encrypted_response_enc: "A128GCM" }))).toEqual([
      issue("id_token_encrypted_response_alg", oneOf(jweAlgorithms)),
    ]);
  });
});

describe("[CORE][METADATA] needsClientSecret", () => {
  it.each([
    [{ token_endpoint_auth_method: "client_secret_basic" }, true],
    [{ token_endpoint_auth_method: "client_secret_post" }, true],
    [{ token_endpoint_auth_method: "client_secret_jwt" }, true],
    [{ token_endpoint_auth_method: "none" }, false],
    [{ token_endpoint_auth_method: "private_key_jwt", jwks: jwksWith(ecKey) }, false],
    [{ token_endpoint_auth_method: "self_signed_tls_client_auth", jwks: jwksWith(ecKey) }, false],
    [{ token_endpoint_auth_method: "none", id_token_signed_response_alg: "HS256" }, true],
    [{ token_endpoint_auth_method: "none", userinfo_signed_response_alg: "HS384" }, true],
    [{ token_endpoint_auth_method: "none", request_object_signing_alg: "HS512" }, true],
    [{ token_endpoint_auth_method: "none", id_token_encrypted_response_alg: "A128KW" }, true],
    [{ token_endpoint_auth_method: "none", userinfo_encrypted_response_alg: "dir" }, true],
    [{ token_endpoint_auth_method: "none", request_object_encryption_alg: "PBES2-HS256+A128KW" }, true],
    [{ token_endpoint_auth_method: "none", request_object_encryption_alg: "RSA-OAEP-256", userinfo_signed_response_alg: "ES256" }, false],
  ])("[CORE][METADATA]: %j needs a client secret: %s", (members, expected) => {
    expect(needsClientSecret(validMetadata(webClient(members)))).toBe(expected);
  });
});

describe("[CORE][METADATA] the schemas the console uses", () => {
  it("[CORE][METADATA]: clientMetadataSchema gives the same issues, with the RFC code in params.code", () => {
    const document = webClient({ redirect_uris: [appRedirect, "https://app.example.com/cb#x"], contacts: ["nobody"] });
    const result = clientMetadataSchema().safeParse(document);
    expect(result.success).toBe(false);
    const issues = result.error!.issues as (z.core.$ZodIssueCustom & { params: { code: string } })[];
    expect(issues.map(({ path, message, params }) => ({ path, message, code: params.code }))).toEqual(issuesOf(document));
  });

  it("[CORE][METADATA]: clientMetadataSchema gives the same metadata and follows the policy", () => {
    const document = webClient({ client_name: "Example", "client_name#fr": "Exemple" });
    expect(clientMetadataSchema().parse(document)).toEqual(validMetadata(document));
    const strict = policyWith({ allowedGrantTypes: ["client_credentials"] });
    expect(clientMetadataSchema(strict).safeParse(document).error?.issues.map((i) => i.message)).toEqual(issuesOf(document, strict).map((i) => i.message));
  });

  it("[CORE][METADATA]: metadataJsonSchema is derived from the member schemas and the policy's limits", () => {
    const schema = metadataJsonSchema(policyWith({ limits: { maxRedirectUris: 7 } })) as {
      properties: Record<string, { enum?: string[]; maxItems?: number; description?: string; items?: { enum?: string[] } }>;
      additionalProperties: boolean;
    };
    expect(Object.keys(schema.properties)).toEqual([...knownMembers]); // one schema per member, in the members' order
    expect(schema.properties.token_endpoint_auth_method!.enum).toEqual([...tokenEndpointAuthMethods]);
    expect(schema.properties.grant_types!.items!.enum).toEqual([...grantTypes]);
    expect(schema.properties.application_type!.enum).toEqual([...applicationTypes]);
    expect(schema.properties.redirect_uris!.maxItems).toBe(7);
    expect(schema.properties.client_name!.description).toBe("Name shown to end-users");
    expect(schema.additionalProperties).toBe(true); // language-tagged members and unknown members are not errors
  });
});
