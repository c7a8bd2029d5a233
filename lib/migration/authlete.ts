import { grantNames, jweNames, responseTypeName, responseTypeOrder, upper, type AuthleteClient } from "@/lib/protocols/authlete-client";
import { applicationTypes, jweAlgorithms, jweEncryptions, subjectTypes, tokenEndpointAuthMethods } from "@/lib/registration/vocabulary";

// Authlete's Client model (the `clients` of its client list API) back to RFC 7591 client information: the
// inverse of authleteClient() in lib/protocols/authlete-client.ts, built from the same name tables so each
// enum name is mapped in one place. The member pairs are the ones authleteClient() writes; test/client-migration
// maps clients there and back to keep the two in step.

/** Registrar's value for each of Authlete's upper-case names of `values`. */
const byUpperName = (values: readonly string[], name: (v: string) => string = upper) => new Map(values.map((v) => [name(v), v]));

const grantByName = new Map(Object.entries(grantNames).map(([value, name]) => [name, value]));
const jweByName = new Map([...byUpperName(jweAlgorithms)].filter(([name]) => jweNames.has(name)));
const encByName = byUpperName(jweEncryptions);
const authMethodByName = byUpperName(tokenEndpointAuthMethods);
const applicationTypeByName = byUpperName(applicationTypes);
const subjectTypeByName = byUpperName(subjectTypes);

/** Every response type authleteClient() can name: the non-empty sets of its words, and "none". */
const responseTypeByName = new Map(
  [
    "none",
    ...Array.from({ length: (1 << responseTypeOrder.length) - 1 }, (_, bits) =>
      responseTypeOrder.filter((_, i) => (bits + 1) & (1 << i)).join(" "),
    ),
  ].map((value) => [responseTypeName(value), value]),
);

/** An unknown name is kept as it is: metadata validation then refuses it, naming the member and the rule. */
const from = (names: Map<string, string>) => (name: unknown) => (typeof name === "string" ? (names.get(name) ?? name) : name);
const jws = (name: unknown) => (name === "NONE" ? "none" : name);
const list = (map: (v: unknown) => unknown) => (values: unknown) => (Array.isArray(values) ? values.map(map) : values);

/** Authlete's field → the metadata member and how its value maps back. Fields absent here carry no metadata. */
const members: [field: string, member: string, map?: (value: unknown) => unknown][] = [
  ["clientName", "client_name"],
  ["applicationType", "application_type", from(applicationTypeByName)],
  ["logoUri", "logo_uri"],
  ["contacts", "contacts"],
  ["tlsClientCertificateBoundAccessTokens", "tls_client_certificate_bound_access_tokens"],
  ["softwareId", "software_id"],
  ["softwareVersion", "software_version"],
  ["grantTypes", "grant_types", list(from(grantByName))],
  ["responseTypes", "response_types", list(from(responseTypeByName))],
  ["redirectUris", "redirect_uris"],
  ["tokenAuthMethod", "token_endpoint_auth_method", from(authMethodByName)],
  ["tokenAuthSignAlg", "token_endpoint_auth_signing_alg", jws],
  ["tlsClientAuthSubjectDn", "tls_client_auth_subject_dn"],
  ["tlsClientAuthSanDns", "tls_client_auth_san_dns"],
  ["tlsClientAuthSanUri", "tls_client_auth_san_uri"],
  ["tlsClientAuthSanIp", "tls_client_auth_san_ip"],
  ["tlsClientAuthSanEmail", "tls_client_auth_san_email"],
  ["parRequired", "require_pushed_authorization_requests"],
  ["requestObjectRequired", "require_signed_request_object"],
  ["requestSignAlg", "request_object_signing_alg", jws],
  ["requestEncryptionAlg", "request_object_encryption_alg", from(jweByName)],
  ["requestEncryptionEnc", "request_object_encryption_enc", from(encByName)],
  ["requestUris", "request_uris"],
  // Authlete's 0 is "no default max age".
  ["defaultMaxAge", "default_max_age", (v) => (v === 0 ? undefined : v)],
  ["defaultAcrs", "default_acr_values"],
  ["idTokenSignAlg", "id_token_signed_response_alg", jws],
  ["idTokenEncryptionAlg", "id_token_encrypted_response_alg", from(jweByName)],
  ["idTokenEncryptionEnc", "id_token_encrypted_response_enc", from(encByName)],
  ["authTimeRequired", "require_auth_time"],
  ["subjectType", "subject_type", from(subjectTypeByName)],
  ["sectorIdentifierUri", "sector_identifier_uri"],
  ["jwksUri", "jwks_uri"],
  ["jwks", "jwks", parseJwks],
  ["userInfoSignAlg", "userinfo_signed_response_alg", jws],
  ["userInfoEncryptionAlg", "userinfo_encrypted_response_alg", from(jweByName)],
  ["userInfoEncryptionEnc", "userinfo_encrypted_response_enc", from(encByName)],
  ["loginUri", "initiate_login_uri"],
  ["tosUri", "tos_uri"],
  ["policyUri", "policy_uri"],
  ["clientUri", "client_uri"],
  ["authorizationDetailsTypes", "authorization_details_types"],
  ["dpopRequired", "dpop_bound_access_tokens"],
];

/** Authlete's lists of language-tagged values (`[{ tag, value }]`) → `member#tag` (RFC 7591 §2.2). */
const taggedMembers: [field: string, member: string][] = [
  ["clientNames", "client_name"],
  ["logoUris", "logo_uri"],
  ["tosUris", "tos_uri"],
  ["policyUris", "policy_uri"],
  ["clientUris", "client_uri"],
];

/** Authlete keeps the JWK Set as a JSON string; a string that is not JSON stays a string (and is refused as `jwks`). */
function parseJwks(value: unknown): unknown {
  if (typeof value !== "string" || value === "") return value === "" ? undefined : value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

export type AuthleteRecord = { document: Record<string, unknown>; notes: string[] };

/**
 * One Authlete Client as RFC 7591 client information: `client_id` is its `clientIdAlias` (the OAuth client_id
 * when aliases are in use), else its numeric `clientId` as a string; `createdAt` (milliseconds) becomes
 * `client_id_issued_at`. Authlete's client list gives no secret expiry (0, never, unless the record has
 * `clientSecretExpiresAt`). Its `registrationAccessTokenHash` is not kept: Authlete documents it only as "the
 * hash of the registration access token", not how it is computed, so it cannot be checked against Registrar's
 * SHA-256 (docs/API.md, Client files); such clients need their token re-issued in the console.
 */
export function fromAuthleteClient(client: AuthleteClient): AuthleteRecord {
  const document: Record<string, unknown> = {};
  const notes: string[] = [];
  const alias = client.clientIdAlias;
  const clientId = typeof alias === "string" && alias !== "" ? alias : client.clientId === undefined || client.clientId === null ? undefined : String(client.clientId);
  if (clientId !== undefined) document.client_id = clientId;
  if (typeof client.clientSecret === "string" && client.clientSecret !== "") document.client_secret = client.clientSecret;
  if (typeof client.createdAt === "number") document.client_id_issued_at = Math.floor(client.createdAt / 1000);
  if (client.clientSecretExpiresAt !== undefined && client.clientSecretExpiresAt !== null) document.client_secret_expires_at = client.clientSecretExpiresAt;
  for (const [field, member, map] of members) {
    const raw = client[field];
    if (raw === undefined || raw === null) continue;
    const value = map ? map(raw) : raw;
    if (value !== undefined) document[member] = value;
  }
  for (const [field, member] of taggedMembers) {
    const values = client[field];
    if (!Array.isArray(values)) continue;
    for (const entry of values as { tag?: unknown; value?: unknown }[]) {
      if (entry && typeof entry.tag === "string" && entry.tag !== "") document[`${member}#${entry.tag}`] = entry.value;
    }
  }
  if (typeof client.registrationAccessTokenHash === "string" && client.registrationAccessTokenHash !== "")
    notes.push("registrationAccessTokenHash is not kept (Authlete does not document how it is computed): re-issue the registration access token in the console");
  return { document, notes };
}
