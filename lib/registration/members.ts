import type { ClientMetadata } from "./metadata";
import { encryptionPairs, localizableMembers, symmetricJweAlgorithms, symmetricJwsAlgorithms, type LocalizableMember } from "./vocabulary";

// The client metadata members this service understands, and what can be told of a document without their
// rules (metadata.ts): the members' order, a path in words, the language-tagged variants, whether a secret is
// needed. Browser-safe and light (no zod): console pages load this with the page and the rules on demand.

/** Every member this service understands, in the order of the specifications; metadata.ts has a schema for each. */
export const knownMembers = [
  "redirect_uris",
  "token_endpoint_auth_method",
  "grant_types",
  "response_types",
  "client_name",
  "client_uri",
  "logo_uri",
  "scope",
  "contacts",
  "tos_uri",
  "policy_uri",
  "jwks_uri",
  "jwks",
  "software_id",
  "software_version",
  "software_statement",
  "application_type",
  "sector_identifier_uri",
  "subject_type",
  "id_token_signed_response_alg",
  "id_token_encrypted_response_alg",
  "id_token_encrypted_response_enc",
  "userinfo_signed_response_alg",
  "userinfo_encrypted_response_alg",
  "userinfo_encrypted_response_enc",
  "request_object_signing_alg",
  "request_object_encryption_alg",
  "request_object_encryption_enc",
  "token_endpoint_auth_signing_alg",
  "default_max_age",
  "require_auth_time",
  "default_acr_values",
  "initiate_login_uri",
  "request_uris",
  "post_logout_redirect_uris",
  "backchannel_logout_uri",
  "backchannel_logout_session_required",
  "frontchannel_logout_uri",
  "frontchannel_logout_session_required",
  "tls_client_auth_subject_dn",
  "tls_client_auth_san_dns",
  "tls_client_auth_san_uri",
  "tls_client_auth_san_ip",
  "tls_client_auth_san_email",
  "tls_client_certificate_bound_access_tokens",
  "require_pushed_authorization_requests",
  "dpop_bound_access_tokens",
  "require_signed_request_object",
  "authorization_details_types",
] as const;
export type KnownMember = (typeof knownMembers)[number];

/** `["redirect_uris", 1]` → `redirect_uris[1]`; `["jwks", "keys", 0, "d"]` → `jwks.keys[0].d`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === "number" ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), "");
}

/** Splits `client_name#en-GB` into its member and tag; null for anything else. */
export function splitLocalizedMember(key: string): { member: LocalizableMember; tag: string } | null {
  const hash = key.indexOf("#");
  if (hash < 0) return null;
  const member = key.slice(0, hash);
  if (!(localizableMembers as readonly string[]).includes(member)) return null;
  return { member: member as LocalizableMember, tag: key.slice(hash + 1) };
}

/** The metadata with members in the order of the specifications, each language-tagged variant after its member. */
export function inCanonicalOrder<T extends Record<string, unknown>>(metadata: T): T {
  return Object.fromEntries(Object.entries(metadata).sort(([a], [b]) => canonicalRank(a) - canonicalRank(b) || a.localeCompare(b))) as T;
}

const memberIndex = new Map<string, number>(knownMembers.map((member, i) => [member, i]));

/** A key's place in the canonical order: its member's, a language-tagged variant just after it, unknown keys last. */
function canonicalRank(key: string): number {
  const base = splitLocalizedMember(key)?.member ?? key;
  return (memberIndex.get(base) ?? knownMembers.length) * 2 + (base === key ? 0 : 1);
}

/** Whether the metadata needs a client secret (a secret-based method or a symmetric algorithm). */
export function needsClientSecret(m: ClientMetadata): boolean {
  if (["client_secret_basic", "client_secret_post", "client_secret_jwt"].includes(m.token_endpoint_auth_method)) return true;
  const signing = [m.id_token_signed_response_alg, m.userinfo_signed_response_alg, m.request_object_signing_alg];
  if (signing.some((alg) => alg && (symmetricJwsAlgorithms as readonly string[]).includes(alg))) return true;
  return encryptionPairs.some(([alg]) => !!m[alg] && (symmetricJweAlgorithms as readonly string[]).includes(m[alg]!));
}

/**
 * The client's name (OpenID Connect Registration §2, RFC 7591 §2.2): `client_name`, else its first
 * language-tagged variant, else null. The clients list stores it, and every page that names a client shows it.
 */
export function clientName(m: Partial<Record<string, unknown>>): string | null {
  if (typeof m.client_name === "string" && m.client_name) return m.client_name;
  for (const key of Object.keys(m)) if (key.startsWith("client_name#") && typeof m[key] === "string") return m[key] as string;
  return null;
}

/** The default of `application_type` (OpenID Connect Registration §2): a client that names none is a web client. */
export const defaultApplicationType = "web";

/**
 * The default of `token_endpoint_auth_method` (RFC 7591 §2: client_secret_basic), or the first method the
 * service allows when it does not allow that one, so that omitting the member is never refused.
 */
export function defaultTokenEndpointAuthMethod<M extends string>(policy: { allowedTokenEndpointAuthMethods: readonly M[] }): M | "client_secret_basic" {
  return (policy.allowedTokenEndpointAuthMethods as readonly string[]).includes("client_secret_basic") ? "client_secret_basic" : (policy.allowedTokenEndpointAuthMethods[0] ?? "client_secret_basic");
}

/**
 * Whether an update or revert issues a new registration access token (RFC 7592 §2.2 allows either): the core
 * rotates by this, and the console's review warns by it before a save. Here, not in policy.ts, so that the
 * browser gets it without the policy's schemas.
 */
export function rotatesRegistrationAccessToken(policy: { rotateRegistrationAccessTokenOnUpdate: boolean }): boolean {
  return policy.rotateRegistrationAccessTokenOnUpdate;
}
