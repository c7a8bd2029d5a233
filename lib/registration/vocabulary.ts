// The registered values of RFC 7591, OpenID Connect Dynamic Client Registration 1.0 and the later RFCs
// that this service understands. Browser-safe: no Node.js imports.

export const tokenEndpointAuthMethods = [
  "client_secret_basic",
  "client_secret_post",
  "client_secret_jwt",
  "private_key_jwt",
  "tls_client_auth",
  "self_signed_tls_client_auth",
  "none",
] as const;
export type TokenEndpointAuthMethod = (typeof tokenEndpointAuthMethods)[number];

export const grantTypes = [
  "authorization_code",
  "implicit",
  "refresh_token",
  "client_credentials",
  "password",
  "urn:ietf:params:oauth:grant-type:device_code",
  "urn:ietf:params:oauth:grant-type:jwt-bearer",
  "urn:ietf:params:oauth:grant-type:saml2-bearer",
  "urn:ietf:params:oauth:grant-type:token-exchange",
  "urn:openid:params:grant-type:ciba",
] as const;

/** Grant types that send the user agent to a redirect URI: a client that uses one needs redirect_uris. */
export const grantTypesWithRedirect = ["authorization_code", "implicit"] as const;

export const responseTypeWords = ["code", "token", "id_token"] as const;

export const applicationTypes = ["web", "native"] as const;
export const subjectTypes = ["public", "pairwise"] as const;

export const jwsAlgorithms = [
  "RS256", "RS384", "RS512",
  "PS256", "PS384", "PS512",
  "ES256", "ES384", "ES512", "ES256K",
  "EdDSA", "Ed25519",
  "HS256", "HS384", "HS512",
] as const;

/**
 * The `alg` values a client may register for its ID tokens, UserInfo responses and request objects: the JWS
 * algorithms and "none" (unsigned, RFC 7518 §3.6), which a service's policy allows or refuses like any other.
 */
export const signingAlgorithms = [...jwsAlgorithms, "none"] as const;
export type SigningAlgorithm = (typeof signingAlgorithms)[number];
export const symmetricJwsAlgorithms = ["HS256", "HS384", "HS512"] as const;

export const jweAlgorithms = [
  "RSA-OAEP", "RSA-OAEP-256", "RSA-OAEP-384", "RSA-OAEP-512", "RSA1_5",
  "ECDH-ES", "ECDH-ES+A128KW", "ECDH-ES+A192KW", "ECDH-ES+A256KW",
  "A128KW", "A192KW", "A256KW", "A128GCMKW", "A192GCMKW", "A256GCMKW",
  "PBES2-HS256+A128KW", "PBES2-HS384+A192KW", "PBES2-HS512+A256KW",
  "dir",
] as const;
/** JWE key management algorithms that derive the key from the client secret. */
export const symmetricJweAlgorithms = [
  "A128KW", "A192KW", "A256KW", "A128GCMKW", "A192GCMKW", "A256GCMKW",
  "PBES2-HS256+A128KW", "PBES2-HS384+A192KW", "PBES2-HS512+A256KW", "dir",
] as const;

export const jweEncryptions = ["A128CBC-HS256", "A192CBC-HS384", "A256CBC-HS512", "A128GCM", "A192GCM", "A256GCM"] as const;
export const defaultJweEncryption = "A128CBC-HS256";

/** Members whose values may be given per language as `member#tag` (RFC 7591 §2.2). */
export const localizableMembers = ["client_name", "client_uri", "logo_uri", "tos_uri", "policy_uri"] as const;
export type LocalizableMember = (typeof localizableMembers)[number];

/** Pairs of `*_alg` / `*_enc` members (OIDC DCR §2). */
export const encryptionPairs = [
  ["id_token_encrypted_response_alg", "id_token_encrypted_response_enc"],
  ["userinfo_encrypted_response_alg", "userinfo_encrypted_response_enc"],
  ["request_object_encryption_alg", "request_object_encryption_enc"],
] as const;

export const tlsClientAuthSubjectMembers = [
  "tls_client_auth_subject_dn",
  "tls_client_auth_san_dns",
  "tls_client_auth_san_uri",
  "tls_client_auth_san_ip",
  "tls_client_auth_san_email",
] as const;

/** Members that identify or authenticate a registration; never part of the client's metadata. */
export const credentialMembers = [
  "client_id",
  "client_secret",
  "client_id_issued_at",
  "client_secret_expires_at",
  "registration_access_token",
  "registration_client_uri",
] as const;

/** URI schemes that are never acceptable in a redirect URI. */
export const forbiddenRedirectSchemes = ["javascript", "vbscript", "data", "blob", "file", "about"] as const;

/** What made a revision: the schema's revision_kind enum (prisma/schema.prisma). */
export type { RevisionKind } from "@/generated/prisma/enums";
