import { z } from "zod";
import { defaultApplicationType, defaultTokenEndpointAuthMethod, formatPath, knownMembers, splitLocalizedMember, type KnownMember } from "./members";
import { defaultPolicy, type ServicePolicy } from "./policy";
import { hostAllowed, hostOf, isLoopbackHost, noScheme, parseAbsoluteUri, schemeOf, uriSyntaxProblem } from "./uris";
import {
  applicationTypes,
  defaultJweEncryption,
  encryptionPairs,
  forbiddenRedirectSchemes,
  grantTypes,
  grantTypesWithRedirect,
  jweAlgorithms,
  jweEncryptions,
  jwsAlgorithms,
  responseTypeWords,
  signingAlgorithms,
  subjectTypes,
  symmetricJwsAlgorithms,
  tlsClientAuthSubjectMembers,
  tokenEndpointAuthMethods,
  type LocalizableMember,
} from "./vocabulary";

// Client metadata (RFC 7591 §2, OpenID Connect Dynamic Client Registration 1.0 §2, RFC 8705, 9101, 9126,
// 9396, 9449): the one place its rules live. Browser-safe, so the console's editor and forms use the very
// schemas the server uses. Every problem becomes an issue with the member's path, the RFC error code and
// a message that names the member and the rule; all problems of a document are reported together. The
// members' names and order, and what needs no rules, are in members.ts (light enough for any page).

export type RegistrationErrorCode =
  | "invalid_client_metadata"
  | "invalid_redirect_uri"
  | "invalid_software_statement"
  | "unapproved_software_statement"
  | "invalid_request";

export type MetadataIssue = {
  path: (string | number)[];
  code: RegistrationErrorCode;
  /** Names the member and the rule, e.g. `redirect_uris[1] must not contain a fragment`. */
  message: string;
};

/** The RFC error code for a problem at `path` (RFC 7591 §3.2.2). */
export function errorCodeFor(path: readonly PropertyKey[]): RegistrationErrorCode {
  const member = path[0];
  if (member === "redirect_uris" || member === "post_logout_redirect_uris") return "invalid_redirect_uri";
  if (member === "software_statement") return "invalid_software_statement";
  return "invalid_client_metadata";
}

// ---- member schemas ------------------------------------------------------------------------------------

type Limits = ServicePolicy["limits"];

const oneOf = (values: readonly string[]) => `must be one of: ${values.join(", ")}`;
const bool = () => z.boolean({ error: "must be true or false" });

function text(limits: Limits) {
  return z
    .string({ error: "must be a string" })
    .min(1, "must not be empty")
    .max(limits.maxStringLength, `must be at most ${limits.maxStringLength} characters`)
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), "must not contain control characters");
}

/**
 * The rule of every URI member: an absolute URI by RFC 3986's grammar, checked on the text as given (with a host
 * for http and https; uriSyntaxProblem in uris.ts), then of the schemes the member takes. Redirect URIs add their
 * own rules (redirectUriProblems).
 */
export function uriProblem(value: string, schemes?: readonly ("http" | "https")[]): string | null {
  const what = schemes ? `must be an absolute ${schemes.join(" or ")} URL` : "must be an absolute URI";
  const syntax = uriSyntaxProblem(value);
  if (syntax) return syntax === noScheme ? what : `${what}: ${syntax}`;
  const url = parseAbsoluteUri(value);
  if (!url || (schemes && !(schemes as readonly string[]).includes(schemeOf(url)))) return what;
  return null;
}

const uri = (limits: Limits, schemes?: readonly ("http" | "https")[]) =>
  text(limits).superRefine((value, ctx) => {
    const problem = uriProblem(value, schemes);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
const webUrl = (limits: Limits) => uri(limits, ["http", "https"]);
const httpsUrl = (limits: Limits) => uri(limits, ["https"]);
const absoluteUri = (limits: Limits) => uri(limits);

function list<T extends z.ZodType>(item: T, max: number, what = "strings") {
  return z.array(item, { error: `must be an array of ${what}` }).max(max, `must have at most ${max} ${max === 1 ? "entry" : "entries"}`);
}

const enumOf = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: oneOf(values) });

const scopeToken = /^[\x21\x23-\x5B\x5D-\x7E]+$/;
const jwsCompact = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** The JSON shape of every member of `knownMembers` (members.ts), without cross-member rules. The editor's JSON Schema is derived from it. */
export function metadataShape(policy: ServicePolicy = defaultPolicy) {
  const l = policy.limits;
  return z.object({
    redirect_uris: list(text(l), l.maxRedirectUris).describe("Redirection URIs (RFC 6749 §3.1.2)"),
    token_endpoint_auth_method: enumOf(tokenEndpointAuthMethods).describe("How the client authenticates at the token endpoint; default client_secret_basic"),
    grant_types: list(enumOf(grantTypes), l.maxArrayItems).describe("OAuth grant types; default [\"authorization_code\"]"),
    response_types: list(text(l), l.maxArrayItems).describe("Response types, each a space-separated set of code, token, id_token; default [\"code\"]"),
    client_name: text(l).describe("Name shown to end-users"),
    client_uri: webUrl(l).describe("Home page of the client"),
    logo_uri: webUrl(l).describe("Logo of the client"),
    scope: text(l)
      .refine((s) => s.split(" ").every((t) => scopeToken.test(t)), "must be scope tokens separated by single spaces")
      .describe("Space-separated scope values the client may request"),
    contacts: list(z.email({ error: "must be an e-mail address" }).max(l.maxStringLength), l.maxContacts, "e-mail addresses").describe(
      "E-mail addresses of people responsible for the client",
    ),
    tos_uri: webUrl(l).describe("Terms of service"),
    policy_uri: webUrl(l).describe("Privacy policy"),
    jwks_uri: httpsUrl(l).describe("URL of the client's JSON Web Key Set"),
    jwks: z
      .object({ keys: z.array(z.record(z.string(), z.unknown(), { error: "must be a JSON Web Key object" }), { error: "must be an array of keys" }) }, { error: "must be a JSON Web Key Set: {\"keys\": [...]}" })
      .describe("The client's public JSON Web Key Set"),
    software_id: text(l).describe("Identifier of the client software, the same for every instance"),
    software_version: text(l).describe("Version of the client software"),
    software_statement: text(l).regex(jwsCompact, "must be a signed JWT (compact JWS)").describe("Signed statement of the software's metadata"),
    application_type: enumOf(applicationTypes).describe("web (default) or native"),
    sector_identifier_uri: httpsUrl(l).describe("https URL listing the redirect URIs for pairwise subject identifiers"),
    subject_type: enumOf(subjectTypes).describe("public or pairwise subject identifiers"),
    id_token_signed_response_alg: enumOf(signingAlgorithms).describe("ID token signing algorithm; default RS256"),
    id_token_encrypted_response_alg: enumOf(jweAlgorithms),
    id_token_encrypted_response_enc: enumOf(jweEncryptions),
    userinfo_signed_response_alg: enumOf(signingAlgorithms),
    userinfo_encrypted_response_alg: enumOf(jweAlgorithms),
    userinfo_encrypted_response_enc: enumOf(jweEncryptions),
    request_object_signing_alg: enumOf(signingAlgorithms),
    request_object_encryption_alg: enumOf(jweAlgorithms),
    request_object_encryption_enc: enumOf(jweEncryptions),
    token_endpoint_auth_signing_alg: enumOf(jwsAlgorithms).describe("Algorithm of the client's authentication JWT"),
    default_max_age: z.number({ error: "must be a number of seconds" }).int("must be a whole number of seconds").min(0, "must not be negative"),
    require_auth_time: bool(),
    default_acr_values: list(text(l), l.maxArrayItems),
    initiate_login_uri: httpsUrl(l).describe("https URL a third party can use to start a login at the client"),
    request_uris: list(httpsUrl(l), l.maxArrayItems, "https URLs"),
    post_logout_redirect_uris: list(text(l), l.maxRedirectUris).describe("Where to send the user after logout"),
    backchannel_logout_uri: absoluteUri(l),
    backchannel_logout_session_required: bool(),
    frontchannel_logout_uri: absoluteUri(l),
    frontchannel_logout_session_required: bool(),
    tls_client_auth_subject_dn: text(l),
    tls_client_auth_san_dns: text(l),
    tls_client_auth_san_uri: absoluteUri(l),
    tls_client_auth_san_ip: text(l).refine((s) => /^[0-9a-fA-F:.]+$/.test(s), "must be an IPv4 or IPv6 address"),
    tls_client_auth_san_email: z.email({ error: "must be an e-mail address" }),
    tls_client_certificate_bound_access_tokens: bool(),
    require_pushed_authorization_requests: bool(),
    dpop_bound_access_tokens: bool(),
    require_signed_request_object: bool(),
    authorization_details_types: list(text(l), l.maxArrayItems),
  } satisfies Record<KnownMember, z.ZodType>).partial();
}

type Shape = z.output<ReturnType<typeof metadataShape>>;
/** A client's metadata as stored and returned: defaults applied, language-tagged variants kept. */
export type ClientMetadata = Shape & {
  token_endpoint_auth_method: NonNullable<Shape["token_endpoint_auth_method"]>;
  grant_types: NonNullable<Shape["grant_types"]>;
  response_types: NonNullable<Shape["response_types"]>;
  application_type: NonNullable<Shape["application_type"]>;
} & { [tagged: `${LocalizableMember}#${string}`]: string };

const knownMemberSet = new Set<string>(knownMembers);

// ---- language-tagged members (RFC 7591 §2.2) -----------------------------------------------------------

const languageTag =
  /^(?:(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4,8})(?:-[a-z]{4})?(?:-(?:[a-z]{2}|\d{3}))?(?:-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*(?:-[\da-wy-z](?:-[a-z\d]{2,8})+)*(?:-x(?:-[a-z\d]{1,8})+)?|x(?:-[a-z\d]{1,8})+)$/i;

// ---- the document ---------------------------------------------------------------------------------------

/** How deep arrays and objects may nest inside one member's value (a JWK Set's deepest keys are at level 4). */
export const maxNestingDepth = 32;

/**
 * Whether the value nests arrays and objects more than `max` levels deep. Measured without recursion, so a
 * value nested 20,000 levels deep is refused as a member's problem instead of exhausting the stack in the
 * rules (and JSON.stringify) that would walk it.
 */
function nestsDeeperThan(value: unknown, max: number): boolean {
  if (typeof value !== "object" || value === null) return false;
  const pending: [unknown, number][] = [[value, 1]];
  while (pending.length) {
    const [item, depth] = pending.pop()!;
    if (typeof item !== "object" || item === null) continue;
    if (depth > max) return true;
    for (const child of Array.isArray(item) ? item : Object.values(item)) if (typeof child === "object" && child !== null) pending.push([child, depth + 1]);
  }
  return false;
}

/** Keeps the members this service understands; unknown members are dropped (RFC 7591 §2), null means absent. */
function keepKnownMembers(input: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === null || value === undefined) continue;
    if (knownMemberSet.has(key) || splitLocalizedMember(key)) kept[key] = value;
  }
  return kept;
}

/** RFC 7591 / OIDC defaults; a member that was given but invalid gets none (its problem is reported instead). */
function applyDefaults(m: Record<string, unknown> & Shape, invalid: ReadonlySet<string>, policy: ServicePolicy): Record<string, unknown> & Shape {
  // Object.assign rather than a spread copy, as everywhere on the request path (docs/ARCHITECTURE.md, Conventions).
  const out = Object.assign({}, m);
  if (!invalid.has("application_type")) out.application_type ??= defaultApplicationType;
  if (!invalid.has("token_endpoint_auth_method")) out.token_endpoint_auth_method ??= defaultTokenEndpointAuthMethod(policy);
  if (invalid.has("grant_types") || invalid.has("response_types")) {
    // Leave both alone: defaults derived from an invalid member would report problems that are not there.
  } else if (!out.grant_types && !out.response_types) {
    out.grant_types = ["authorization_code"];
    out.response_types = ["code"];
  } else if (!out.response_types) {
    // Only a grant that goes through the authorization endpoint implies a response type (RFC 7591 §2.1).
    out.response_types = [...(out.grant_types!.includes("authorization_code") ? ["code"] : []), ...(out.grant_types!.includes("implicit") ? ["token"] : [])];
  } else if (!out.grant_types) {
    const words = new Set(out.response_types.flatMap((r) => r.split(" ")));
    out.grant_types = [...(words.has("code") ? ["authorization_code" as const] : []), ...(words.has("token") || words.has("id_token") ? ["implicit" as const] : [])];
  }
  if (!invalid.has("id_token_signed_response_alg"))
    out.id_token_signed_response_alg ??= policy.allowedSigningAlgorithms.includes("RS256") ? "RS256" : (policy.allowedSigningAlgorithms.find((a) => !a.startsWith("HS") && a !== "none") ?? "RS256");
  for (const [alg, enc] of encryptionPairs) if (out[alg] && !out[enc] && !invalid.has(enc)) out[enc] = defaultJweEncryption;
  return out;
}

type AddIssue = (path: (string | number)[], message: string) => void;

/** An AddIssue that collects into `issues`, skipping problems of members already reported invalid. */
function collectInto(issues: MetadataIssue[], invalid?: ReadonlySet<string>): AddIssue {
  // Returned unnamed: a closure made on every validation, which tsx's keepNames would otherwise name each time.
  return (path, message) => {
    if (invalid?.has(String(path[0]))) return;
    issues.push({ path, code: errorCodeFor(path), message: `${path.length ? formatPath(path) : "metadata"} ${message}` });
  };
}

// Building zod schemas costs far more than using them: build them once per policy.
const schemaCache = new WeakMap<ServicePolicy, { shape: Record<string, z.ZodType>; localizedValue: Record<LocalizableMember, z.ZodType> }>();
function memberSchemas(policy: ServicePolicy) {
  let cached = schemaCache.get(policy);
  if (!cached) {
    const l = policy.limits;
    cached = {
      shape: metadataShape(policy).shape as Record<string, z.ZodType>,
      localizedValue: { client_name: text(l), client_uri: webUrl(l), logo_uri: webUrl(l), tos_uri: webUrl(l), policy_uri: webUrl(l) },
    };
    schemaCache.set(policy, cached);
  }
  return cached;
}

const utf8 = new TextEncoder();

/** Validates a metadata document: the normalized metadata, or every problem found. Never throws. */
export function validateClientMetadata(input: unknown, policy: ServicePolicy = defaultPolicy): ValidationResult {
  if (typeof input !== "object" || input === null || Array.isArray(input))
    return { ok: false, issues: [{ path: [], code: "invalid_client_metadata", message: "metadata must be a JSON object" }] };
  const l = policy.limits;
  const { shape, localizedValue } = memberSchemas(policy);
  const issues: MetadataIssue[] = [];
  const invalid = new Set<string>();
  const add = collectInto(issues);

  // Each member on its own, so one bad member does not hide the problems of the others.
  const doc: Record<string, unknown> = {};
  const seenTags = new Map<string, string>();
  for (const [key, value] of Object.entries(keepKnownMembers(input as Record<string, unknown>))) {
    if (nestsDeeperThan(value, maxNestingDepth)) {
      add([key], `must not nest arrays and objects more than ${maxNestingDepth} levels deep`);
      invalid.add(key);
      continue;
    }
    const localized = splitLocalizedMember(key);
    const result = (localized ? localizedValue[localized.member] : shape[key]!).safeParse(value);
    if (localized) {
      if (!languageTag.test(localized.tag)) add([key], `must use a BCP 47 language tag after '#' ("${localized.tag}" is not one)`);
      const canonical = `${localized.member}#${localized.tag.toLowerCase()}`;
      if (seenTags.has(canonical)) add([key], `repeats ${seenTags.get(canonical)} (language tags are case-insensitive)`);
      seenTags.set(canonical, key);
    }
    const unstorable = result.success ? unstorableTextAt(result.data, [key]) : null;
    if (unstorable) {
      add(unstorable, "must be valid Unicode text (no NUL characters or unpaired surrogates)");
      invalid.add(key);
    } else if (result.success) doc[key] = result.data;
    else {
      for (const issue of result.error.issues) add([key, ...(issue.path as (string | number)[])], issue.message);
      invalid.add(key);
    }
  }

  const metadata = applyDefaults(doc as Record<string, unknown> & Shape, invalid, policy);
  checkRules(metadata, policy, invalid, collectInto(issues, invalid));
  if (issues.length) return { ok: false, issues: dedupe(issues) };
  const json = JSON.stringify(metadata);
  // A UTF-16 code unit is at most 3 bytes of UTF-8: only a text that could be too long is encoded to measure it.
  const size = json.length * 3 <= l.maxMetadataBytes ? 0 : utf8.encode(json).length;
  if (size > l.maxMetadataBytes)
    return { ok: false, issues: [{ path: [], code: "invalid_client_metadata", message: `metadata must be at most ${l.maxMetadataBytes} bytes of JSON (it is ${size})` }] };
  return { ok: true, metadata: metadata as ClientMetadata };
}

/**
 * Where a value holds text that PostgreSQL cannot store (U+0000, unpaired UTF-16 surrogates: jsonb refuses
 * both), or null. Free-form members such as the keys in jwks would otherwise pass and fail at the insert.
 */
function unstorableTextAt(value: unknown, path: (string | number)[]): (string | number)[] | null {
  const within = unstorableTextWithin(value);
  return within ? [...path, ...within] : null;
}

/** The path inside `value` to text PostgreSQL cannot store (`[]`: the value itself), or null. */
function unstorableTextWithin(value: unknown): (string | number)[] | null {
  if (typeof value === "string") return storableText(value) ? null : [];
  if (typeof value !== "object" || value === null) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const within = unstorableTextWithin(value[i]);
      if (within) return [i, ...within];
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    if (!storableText(key)) return [];
    const within = unstorableTextWithin((value as Record<string, unknown>)[key]);
    if (within) return [key, ...within];
  }
  return null;
}

const storableText = (s: string) => !s.includes("\u0000") && s.isWellFormed();

function dedupe(issues: MetadataIssue[]): MetadataIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => (seen.has(i.message) ? false : (seen.add(i.message), true)));
}

/**
 * The same validation as a zod schema (for react-hook-form's zod resolver and nested form schemas).
 * Its issues carry the full message (member and rule) and the RFC code in `params.code`.
 */
export function clientMetadataSchema(policy: ServicePolicy = defaultPolicy) {
  return z.unknown().transform((input, ctx) => {
    const result = validateClientMetadata(input, policy);
    if (result.ok) return result.metadata;
    for (const issue of result.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message, params: { code: issue.code } });
    return z.NEVER;
  });
}

/** The JSON Schema of the metadata, for the console editor's completion and hover help. */
export function metadataJsonSchema(policy: ServicePolicy = defaultPolicy) {
  const schema = z.toJSONSchema(metadataShape(policy), { unrepresentable: "any", io: "input" }) as Record<string, unknown>;
  return { ...schema, additionalProperties: true };
}

export type ValidationResult = { ok: true; metadata: ClientMetadata } | { ok: false; issues: MetadataIssue[] };

// ---- cross-member rules ---------------------------------------------------------------------------------

/** Whether none of the members is in `invalid` (unnamed, like collectInto's: made on every validation). */
const noneOf = (invalid: ReadonlySet<string>) => (...members: string[]) => members.every((k) => !invalid.has(k));

function checkRules(m: Record<string, unknown> & Shape, policy: ServicePolicy, invalid: ReadonlySet<string>, add: AddIssue) {
  const grants = m.grant_types ?? [];
  const method = m.token_endpoint_auth_method;
  const known = noneOf(invalid);

  // Response types: sets of words; consistency with grant types (RFC 7591 §2.1, OIDC DCR §2).
  const responseSets = (m.response_types ?? []).map((value, i) => {
    const words = value.split(" ");
    if (value !== "none" && (words.some((w) => !(responseTypeWords as readonly string[]).includes(w)) || new Set(words).size !== words.length))
      add(["response_types", i], `"${value}" must be "none" or a space-separated set of code, token and id_token`);
    return new Set(words);
  });
  if (known("grant_types")) responseSets.forEach((words, i) => {
    const value = m.response_types![i];
    if (words.has("code") && !grants.includes("authorization_code"))
      add(["response_types", i], `"${value}" needs "authorization_code" in grant_types`);
    if ((words.has("token") || words.has("id_token")) && !grants.includes("implicit"))
      add(["response_types", i], `"${value}" needs "implicit" in grant_types`);
  });
  const canonicalSets = responseSets.map((s) => [...s].sort().join(" "));
  canonicalSets.forEach((set, i) => {
    const first = canonicalSets.indexOf(set);
    if (first !== i) add(["response_types", i], `repeats response_types[${first}]`);
  });
  const implicitCapable = grants.includes("implicit");
  const idTokenFromAuthorizationEndpoint = responseSets.some((s) => s.has("id_token"));

  // Policy: allowed grant types and methods.
  grants.forEach((grant, i) => {
    if (!policy.allowedGrantTypes.includes(grant)) add(["grant_types", i], `"${grant}" is not allowed by this service`);
    if (grants.indexOf(grant) !== i) add(["grant_types", i], `repeats "${grant}"`);
  });
  if (method && !policy.allowedTokenEndpointAuthMethods.includes(method)) add(["token_endpoint_auth_method"], `"${method}" is not allowed by this service`);
  if (method === "none" && grants.includes("client_credentials"))
    add(["token_endpoint_auth_method"], `must not be "none" with the client_credentials grant, which needs client authentication`);

  // Redirect URIs.
  const needsRedirect = grants.some((g) => (grantTypesWithRedirect as readonly string[]).includes(g));
  if (needsRedirect && known("redirect_uris") && !m.redirect_uris?.length)
  {
    const redirecting = grants.filter((g) => (grantTypesWithRedirect as readonly string[]).includes(g));
    add(["redirect_uris"], `is required for the ${redirecting.join(" and ")} grant${redirecting.length > 1 ? "s" : ""}`);
  }
  for (const member of ["redirect_uris", "post_logout_redirect_uris"] as const) {
    const uris = m[member] ?? [];
    uris.forEach((uri, i) => {
      if (known("application_type", "grant_types")) for (const problem of redirectUriProblems(uri, m.application_type!, implicitCapable, policy)) add([member, i], problem);
      const first = uris.indexOf(uri);
      if (first !== i) add([member, i], `repeats ${member}[${first}]`);
    });
  }
  if (m.subject_type === "pairwise" && !m.sector_identifier_uri) {
    const hosts = new Set((m.redirect_uris ?? []).map((u) => parseAbsoluteUri(u)?.hostname).filter(Boolean));
    if (hosts.size > 1) add(["sector_identifier_uri"], "is required for pairwise subject identifiers when redirect_uris use more than one host");
  }

  // Keys.
  if (m.jwks && m.jwks_uri) add(["jwks"], "must not be given together with jwks_uri");
  if (m.jwks) checkJwks(m.jwks.keys, policy, add);
  if ((method === "private_key_jwt" || method === "self_signed_tls_client_auth") && known("jwks", "jwks_uri") && !m.jwks && !m.jwks_uri)
    add(["token_endpoint_auth_method"], `"${method}" needs the client's public keys in jwks or jwks_uri`);

  // Mutual TLS (RFC 8705 §2.1.2).
  const subjects = tlsClientAuthSubjectMembers.filter((k) => m[k] !== undefined);
  if (method === "tls_client_auth" && known(...tlsClientAuthSubjectMembers) && subjects.length !== 1)
    add(["token_endpoint_auth_method"], `"tls_client_auth" needs exactly one of ${tlsClientAuthSubjectMembers.join(", ")} (${subjects.length} given)`);
  if (method && method !== "tls_client_auth") for (const k of subjects) add([k], `is only used with token_endpoint_auth_method "tls_client_auth"`);

  // Algorithms.
  for (const [alg, enc] of encryptionPairs) {
    if (m[enc] && !m[alg] && known(alg)) add([enc], `requires ${alg}`);
    const a = m[alg];
    if (a && !policy.allowedEncryptionAlgorithms.includes(a)) add([alg], `"${a}" is not allowed by this service`);
  }
  for (const member of ["id_token_signed_response_alg", "userinfo_signed_response_alg", "request_object_signing_alg", "token_endpoint_auth_signing_alg"] as const) {
    const alg = m[member];
    if (alg && !(policy.allowedSigningAlgorithms as readonly string[]).includes(alg)) add([member], `"${alg}" is not allowed by this service`);
  }
  if (m.id_token_signed_response_alg === "none" && idTokenFromAuthorizationEndpoint)
    add(["id_token_signed_response_alg"], `must not be "none" when response_types can return an ID token from the authorization endpoint`);
  if (m.token_endpoint_auth_signing_alg && method) {
    const alg = m.token_endpoint_auth_signing_alg;
    const symmetric = (symmetricJwsAlgorithms as readonly string[]).includes(alg);
    if (method === "client_secret_jwt" && !symmetric) add(["token_endpoint_auth_signing_alg"], `must be an HMAC algorithm (HS256, HS384, HS512) for client_secret_jwt`);
    else if (method === "private_key_jwt" && symmetric) add(["token_endpoint_auth_signing_alg"], `must be an asymmetric algorithm for private_key_jwt`);
    else if (method !== "client_secret_jwt" && method !== "private_key_jwt")
      add(["token_endpoint_auth_signing_alg"], `is only used with token_endpoint_auth_method "private_key_jwt" or "client_secret_jwt"`);
  }
  if (m.request_object_signing_alg === "none" && m.require_signed_request_object)
    add(["request_object_signing_alg"], `must not be "none" when require_signed_request_object is true`);

  // Logout URIs: where the OP sends the browser or calls the client.
  if (m.backchannel_logout_uri) {
    const url = parseAbsoluteUri(m.backchannel_logout_uri);
    if (url && url.hash) add(["backchannel_logout_uri"], "must not contain a fragment");
    if (url && !["https", "http"].includes(schemeOf(url))) add(["backchannel_logout_uri"], "must be an http or https URL");
    else if (url && schemeOf(url) === "http" && !isLoopbackHost(hostOf(url))) add(["backchannel_logout_uri"], "must use https (http only on loopback hosts)");
  }
  if (m.frontchannel_logout_uri) {
    const url = parseAbsoluteUri(m.frontchannel_logout_uri);
    if (url && !["https", "http"].includes(schemeOf(url))) add(["frontchannel_logout_uri"], "must be an http or https URL");
    if (url && m.redirect_uris?.length && m.application_type === "web" && schemeOf(url) === "http" && !isLoopbackHost(hostOf(url)))
      add(["frontchannel_logout_uri"], "must use https (http only on loopback hosts)");
  }
}

/** The problems of one redirect URI (RFC 6749 §3.1.2, OIDC DCR §2, RFC 8252, RFC 9700 §2.1), in words. */
export function redirectUriProblems(uri: string, applicationType: "web" | "native", implicitCapable: boolean, policy: ServicePolicy): string[] {
  // A forbidden scheme is the problem to name, whatever else is wrong with the text.
  const given = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(uri)?.[1]?.toLowerCase();
  if (given && (forbiddenRedirectSchemes as readonly string[]).includes(given)) return [`must not use the ${given}: scheme`];
  const syntax = uriProblem(uri);
  if (syntax) return [syntax];
  const url = parseAbsoluteUri(uri)!;
  const scheme = schemeOf(url);
  const problems: string[] = [];
  if (uri.includes("#")) problems.push("must not contain a fragment");
  const host = hostOf(url);
  const loopback = isLoopbackHost(host);
  if (applicationType === "web") {
    if (scheme === "http") {
      if (implicitCapable) problems.push("must use https for a web client that uses the implicit grant");
      else if (!loopback) problems.push("must use https (http is allowed only on loopback hosts)");
      else if (!policy.allowHttpLoopbackRedirectsForWeb) problems.push("must use https (this service does not allow http on loopback hosts)");
    } else if (scheme !== "https") {
      problems.push(`must use https for a web client (not ${scheme}:); register the client with application_type "native" for a private-use scheme`);
    }
    if (implicitCapable && loopback) problems.push("must not use a loopback host for a web client that uses the implicit grant");
  } else {
    if (scheme === "http") {
      if (!loopback) problems.push("must use http only on a loopback host (127.0.0.1, [::1] or localhost) for a native client");
    } else if (scheme === "https") {
      if (host === "localhost") problems.push("must not use https with localhost for a native client; use http on a loopback address");
    } else if (policy.requireReverseDnsNativeSchemes && !scheme.includes(".")) {
      problems.push(`must use a reverse domain name scheme (e.g. com.example.app:/callback), not "${scheme}:"`);
    }
  }
  if ((scheme === "https" || (scheme === "http" && !loopback)) && policy.allowedRedirectHosts.length && !hostAllowed(host, policy.allowedRedirectHosts))
    problems.push(`must use a host this service allows (${policy.allowedRedirectHosts.join(", ")})`);
  if ((scheme === "http" || scheme === "https") && url.username) problems.push("must not contain user credentials");
  return problems;
}

const privateKeyMembers = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"] as const;
const requiredKeyMembers = new Map([["RSA", ["n", "e"]], ["EC", ["crv", "x", "y"]], ["OKP", ["crv", "x"]]]);

function checkJwks(keys: Record<string, unknown>[], policy: ServicePolicy, add: AddIssue) {
  if (keys.length === 0) add(["jwks", "keys"], "must hold at least one key");
  if (keys.length > policy.limits.maxJwksKeys) add(["jwks", "keys"], `must have at most ${policy.limits.maxJwksKeys} keys`);
  const kids = new Map<string, number>();
  keys.slice(0, policy.limits.maxJwksKeys).forEach((key, i) => {
    const kty = key.kty;
    if (typeof kty !== "string") return add(["jwks", "keys", i, "kty"], "is required (RSA, EC or OKP)");
    if (kty === "oct") return add(["jwks", "keys", i], "must not be a symmetric (oct) key");
    const required = requiredKeyMembers.get(kty);
    if (!required) return add(["jwks", "keys", i, "kty"], `must be RSA, EC or OKP (not "${kty}")`);
    for (const member of privateKeyMembers) if (Object.hasOwn(key, member)) add(["jwks", "keys", i, member], "must not be present: jwks holds public keys only");
    for (const member of required) if (typeof key[member] !== "string" || !key[member]) add(["jwks", "keys", i, member], `is required for a ${kty} key`);
    for (const member of ["kid", "use", "alg"] as const) if (key[member] !== undefined && typeof key[member] !== "string") add(["jwks", "keys", i, member], "must be a string");
    if (key.use !== undefined && key.use !== "sig" && key.use !== "enc") add(["jwks", "keys", i, "use"], `must be "sig" or "enc"`);
    if (typeof key.kid === "string") {
      const first = kids.get(key.kid);
      if (first !== undefined) add(["jwks", "keys", i, "kid"], `repeats the kid of jwks.keys[${first}]`);
      else kids.set(key.kid, i);
    }
  });
}
