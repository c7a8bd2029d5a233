import type { ClientMetadata } from "@/lib/registration/metadata";
import type { ClientInformation } from "@/lib/registration/service";

// Authlete's Client model (the `client` of its API responses and the `clients` of its client list), and how
// Registrar's client maps onto it. The names follow Authlete's SDK (models/client.ts): enum values in upper
// case, a numeric `clientId` beside the OAuth client_id in `clientIdAlias`, times in milliseconds.

type Tagged = { tag: string; value: string };
export type AuthleteClient = Record<string, unknown>;

export const upper = (v: string) => v.toUpperCase().replace(/[-+ ]/g, "_");
export const grantNames: Record<string, string> = {
  authorization_code: "AUTHORIZATION_CODE",
  implicit: "IMPLICIT",
  password: "PASSWORD",
  client_credentials: "CLIENT_CREDENTIALS",
  refresh_token: "REFRESH_TOKEN",
  "urn:openid:params:grant-type:ciba": "CIBA",
  "urn:ietf:params:oauth:grant-type:device_code": "DEVICE_CODE",
  "urn:ietf:params:oauth:grant-type:token-exchange": "TOKEN_EXCHANGE",
  "urn:ietf:params:oauth:grant-type:jwt-bearer": "JWT_BEARER",
};
export const responseTypeOrder = ["code", "id_token", "token"];
export const jwsNames = new Set(["NONE", "HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "ES256", "ES384", "ES512", "PS256", "PS384", "PS512", "ES256K", "EdDSA"]);
export const jweNames = new Set(["RSA1_5", "RSA_OAEP", "RSA_OAEP_256", "A128KW", "A192KW", "A256KW", "DIR", "ECDH_ES", "ECDH_ES_A128KW", "ECDH_ES_A192KW", "ECDH_ES_A256KW", "A128GCMKW", "A192GCMKW", "A256GCMKW", "PBES2_HS256_A128KW", "PBES2_HS384_A192KW", "PBES2_HS512_A256KW"]);

const jws = (alg: string | undefined) => (alg === undefined ? undefined : alg === "none" ? "NONE" : jwsNames.has(alg) ? alg : undefined);
const jwe = (alg: string | undefined) => (alg === undefined ? undefined : jweNames.has(upper(alg)) ? upper(alg) : undefined);
const enc = (value: string | undefined) => (value === undefined ? undefined : upper(value));

export function responseTypeName(value: string): string {
  if (value === "none") return "NONE";
  const words = value.split(" ").sort((a, b) => responseTypeOrder.indexOf(a) - responseTypeOrder.indexOf(b));
  return words.map(upper).join("_");
}

function tagged(m: ClientMetadata, member: string): Tagged[] | undefined {
  const values = Object.entries(m)
    .filter(([k]) => k.startsWith(`${member}#`))
    .map(([k, v]) => ({ tag: k.slice(member.length + 1), value: String(v) }));
  return values.length ? values : undefined;
}

/** The client in Authlete's model (its `clientId` is a number; our client_id is its `clientIdAlias`). */
export function authleteClient(info: ClientInformation): AuthleteClient {
  const m = info.metadata;
  const client: AuthleteClient = {
    clientId: info.number,
    clientIdAlias: info.clientId,
    clientIdAliasEnabled: true,
    clientName: m.client_name,
    clientNames: tagged(m, "client_name"),
    clientSecret: info.clientSecret ?? undefined,
    clientType: m.token_endpoint_auth_method === "none" ? "PUBLIC" : "CONFIDENTIAL",
    applicationType: upper(m.application_type),
    logoUri: m.logo_uri,
    logoUris: tagged(m, "logo_uri"),
    contacts: m.contacts,
    tlsClientCertificateBoundAccessTokens: m.tls_client_certificate_bound_access_tokens,
    dynamicallyRegistered: true,
    softwareId: m.software_id,
    softwareVersion: m.software_version,
    createdAt: info.clientIdIssuedAt * 1000,
    grantTypes: m.grant_types.map((g) => grantNames[g]).filter(Boolean),
    responseTypes: m.response_types.map(responseTypeName),
    redirectUris: m.redirect_uris,
    tokenAuthMethod: upper(m.token_endpoint_auth_method),
    tokenAuthSignAlg: jws(m.token_endpoint_auth_signing_alg),
    tlsClientAuthSubjectDn: m.tls_client_auth_subject_dn,
    tlsClientAuthSanDns: m.tls_client_auth_san_dns,
    tlsClientAuthSanUri: m.tls_client_auth_san_uri,
    tlsClientAuthSanIp: m.tls_client_auth_san_ip,
    tlsClientAuthSanEmail: m.tls_client_auth_san_email,
    parRequired: m.require_pushed_authorization_requests,
    requestObjectRequired: m.require_signed_request_object,
    requestSignAlg: jws(m.request_object_signing_alg),
    requestEncryptionAlg: jwe(m.request_object_encryption_alg),
    requestEncryptionEnc: enc(m.request_object_encryption_enc),
    requestUris: m.request_uris,
    defaultMaxAge: m.default_max_age,
    defaultAcrs: m.default_acr_values,
    idTokenSignAlg: jws(m.id_token_signed_response_alg),
    idTokenEncryptionAlg: jwe(m.id_token_encrypted_response_alg),
    idTokenEncryptionEnc: enc(m.id_token_encrypted_response_enc),
    authTimeRequired: m.require_auth_time,
    subjectType: m.subject_type ? upper(m.subject_type) : undefined,
    sectorIdentifierUri: m.sector_identifier_uri,
    jwksUri: m.jwks_uri,
    jwks: m.jwks ? JSON.stringify(m.jwks) : undefined,
    userInfoSignAlg: jws(m.userinfo_signed_response_alg),
    userInfoEncryptionAlg: jwe(m.userinfo_encrypted_response_alg),
    userInfoEncryptionEnc: enc(m.userinfo_encrypted_response_enc),
    loginUri: m.initiate_login_uri,
    tosUri: m.tos_uri,
    tosUris: tagged(m, "tos_uri"),
    policyUri: m.policy_uri,
    policyUris: tagged(m, "policy_uri"),
    clientUri: m.client_uri,
    clientUris: tagged(m, "client_uri"),
    authorizationDetailsTypes: m.authorization_details_types,
    dpopRequired: m.dpop_bound_access_tokens,
  };
  return Object.fromEntries(Object.entries(client).filter(([, v]) => v !== undefined));
}
