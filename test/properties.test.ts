import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { knownMembers } from "@/lib/registration/members";
import { validateClientMetadata, type MetadataIssue } from "@/lib/registration/metadata";
import { register } from "@/lib/registration/service";
import {
  credentialMembers,
  grantTypes,
  jweAlgorithms,
  jwsAlgorithms,
  localizableMembers,
  tokenEndpointAuthMethods,
} from "@/lib/registration/vocabulary";
import { appRedirect, ecKey, jwksWith, policyWith, webClient } from "./support/metadata";
import { anonymous, clientRow } from "./support/registrations";
import { createTestService, measureRowChanges, type TestService } from "./support/services";

// Whatever arrives at the registration endpoint, the core answers with a client or with structured
// errors: never a throw, never a partial write.

const errorCodes = ["invalid_client_metadata", "invalid_redirect_uri", "invalid_software_statement", "unapproved_software_statement", "invalid_request"];

/** `["jwks", "keys", 0, "d"]` → `jwks.keys[0].d`; the root is "metadata". */
const pathText = (path: (string | number)[]) =>
  path.length ? path.map((key, i) => (typeof key === "number" ? `[${key}]` : i ? `.${key}` : key)).join("") : "metadata";

function expectStructuredIssues(issues: MetadataIssue[]) {
  expect(issues.length).toBeGreaterThan(0);
  for (const { path, code, message } of issues) {
    expect(errorCodes).toContain(code);
    expect(message.startsWith(`${pathText(path)} `)).toBe(true);
    expect(message.length).toBeGreaterThan(pathText(path).length + 1);
  }
}

// ---- generators -------------------------------------------------------------------------------------

/** Values a real client might send, valid or not, so that documents reach the cross-member rules. */
const plausibleText = fc.constantFrom(
  appRedirect,
  "https://app.example.com/cb#",
  "http://127.0.0.1:8080/cb",
  "http://app.example.com/cb",
  "https://localhost/cb",
  "com.example.app:/cb",
  "myapp:/cb",
  "javascript:alert(1)",
  "data:text/html,x",
  "/relative",
  "",
  "ops@example.com",
  "CN=app",
  "192.0.2.1",
  "web",
  "native",
  "public",
  "pairwise",
  "code",
  "token",
  "id_token",
  "code id_token",
  "id_token code",
  "none",
  "openid profile",
  ...tokenEndpointAuthMethods,
  ...grantTypes,
  ...jwsAlgorithms,
  ...jweAlgorithms,
  "A128GCM",
);
const plausibleValue = fc.oneof(
  plausibleText,
  fc.array(plausibleText, { maxLength: 4 }),
  fc.constantFrom(true, false, 0, -1, 3600, 1.5, null),
  fc.constantFrom(jwksWith(ecKey), jwksWith({ ...ecKey, d: "private" }), jwksWith({ kty: "oct", k: "c2VjcmV0" }), { keys: [] }),
  fc.jsonValue({ maxDepth: 2, stringUnit: "binary" }),
);
const memberName = fc.oneof(
  fc.constantFrom(...knownMembers),
  fc.constantFrom(...localizableMembers).chain((member) => fc.constantFrom(`${member}#en`, `${member}#EN`, `${member}#de-CH`, `${member}#not a tag`, `${member}#`)),
  fc.constantFrom(...credentialMembers, "x_vendor_extension", "__proto__"),
);
/** Objects built from the real member names with arbitrary values. */
const memberDocument = fc.dictionary(memberName, plausibleValue, { maxKeys: 10 });
/** Any short text, with a fair share of what PostgreSQL refuses to store: NUL and unpaired surrogates. */
const anyText = fc.string({
  unit: fc.oneof({ weight: 1, arbitrary: fc.constantFrom("\u0000", "\ud800", "\udfff") }, { weight: 30, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }) }),
  minLength: 1,
  maxLength: 8,
});
/** Documents that are mostly valid: a web client with a few members of any text. */
const mostlyValidDocument = fc
  .record(
    {
      client_name: anyText,
      "client_name#fr": anyText,
      software_version: anyText,
      jwks: anyText.map((kid) => jwksWith({ ...ecKey, kid })),
      contacts: fc.array(fc.constantFrom("ops@example.com", "dev@example.org"), { maxLength: 2 }),
    },
    { requiredKeys: [] },
  )
  .map((members) => webClient(members));
/** Any JSON value at all, with any Unicode (lone surrogates and NUL included). */
const anyJson = fc.oneof(fc.jsonValue(), fc.jsonValue({ stringUnit: "binary" }));

const policies = fc.constantFrom(
  policyWith(),
  policyWith({ allowHttpLoopbackRedirectsForWeb: false, requireReverseDnsNativeSchemes: true, allowedRedirectHosts: ["app.example.com"] }),
  policyWith({ allowedGrantTypes: ["client_credentials"], allowedTokenEndpointAuthMethods: ["private_key_jwt"], allowedSigningAlgorithms: ["ES256"] }),
  policyWith({ limits: { maxStringLength: 64, maxRedirectUris: 1, maxMetadataBytes: 1024, maxArrayItems: 2 } }),
);

// ---- properties -------------------------------------------------------------------------------------

describe("[CORE][PROPERTIES] validateClientMetadata never throws", () => {
  it.each([
    ["any JSON value", anyJson],
    ["objects of real member names with arbitrary values", memberDocument],
    ["mostly valid documents with any Unicode text", mostlyValidDocument],
  ])("[CORE][PROPERTIES]: %s yields valid metadata or structured issues", (_what, documents) => {
    fc.assert(
      fc.property(documents, policies, (document, policy) => {
        const result = validateClientMetadata(document, policy);
        if (!result.ok) return expectStructuredIssues(result.issues);
        // What a client reads back it may send back unchanged (RFC 7592 §2.2): normalized metadata is a fixed point.
        expect(validateClientMetadata(result.metadata, policy)).toEqual(result);
      }),
      { numRuns: 400 },
    );
  });
});

describe("[CORE][PROPERTIES] register against PostgreSQL", () => {
  let service: TestService;
  beforeAll(async () => {
    service = await createTestService("properties");
  });

  it("[CORE][PROPERTIES]: any document gives a stored client or a 400 with structured errors; never a throw or a partial write", async () => {
    let registered = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyJson, memberDocument, { weight: 3, arbitrary: mostlyValidDocument }), async (document) => {
        const { result: outcome, added } = await measureRowChanges(service.id, () => register(service.id, { document }, anonymous));
        if (outcome.ok) {
          registered++;
          expect(added).toEqual({ clients: 1, revisions: 1, audits: 1 });
          expect(await clientRow(outcome.value.clientId)).toMatchObject({ metadata: outcome.value.metadata, version: 1 });
        } else {
          expect(added).toEqual({ clients: 0, revisions: 0, audits: 0 });
          expect(outcome.failure.status).toBe(400);
          expectStructuredIssues(outcome.failure.issues);
        }
      }),
      { numRuns: 100 },
    );
    expect(registered).toBeGreaterThanOrEqual(10); // the property also reached the database's side
  });
});
