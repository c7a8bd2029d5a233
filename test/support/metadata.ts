import { expect } from "vitest";
import { validateClientMetadata, type ClientMetadata, type MetadataIssue, type RegistrationErrorCode } from "@/lib/registration/metadata";
import { ServicePolicySchema, type ServicePolicy, type ServicePolicyInput } from "@/lib/registration/policy";

// Factories for client metadata documents and the issues a client is told about. Shared by the pure
// validation tests and the service tests, so both speak of the same clients.

export type Doc = Record<string, unknown>;

/** A complete policy from the members a test cares about (every other member has its default). */
export const policyWith = (input: ServicePolicyInput = {}): ServicePolicy => ServicePolicySchema.parse(input);

export const appRedirect = "https://app.example.com/cb";

/** A web client with the authorization code grant that passes every rule. */
export const webClient = (extra: Doc = {}): Doc => ({ redirect_uris: [appRedirect], ...extra });

/** A native (RFC 8252) client with the given redirect URIs. */
export const nativeClient = (redirectUris: string[], extra: Doc = {}): Doc => ({ application_type: "native", redirect_uris: redirectUris, ...extra });

/** A client that never sends a user agent anywhere: no redirect URIs needed. */
export const machineClient = (extra: Doc = {}): Doc => ({ grant_types: ["client_credentials"], ...extra });

/** An implicit-capable web client (OpenID Connect hybrid flow). */
export const hybridClient = (extra: Doc = {}): Doc =>
  webClient({ grant_types: ["authorization_code", "implicit"], response_types: ["code id_token"], ...extra });

/** A public EC signing key (RFC 7517 appendix A.1). */
export const ecKey = {
  kty: "EC",
  crv: "P-256",
  x: "MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4",
  y: "4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM",
  use: "sig",
  kid: "ec-1",
};
export const jwksWith = (...keys: Doc[]) => ({ keys });

/**
 * The issue a client is told about: `issue("redirect_uris[1]", "must not contain a fragment", "invalid_redirect_uri")`
 * is the issue at path `["redirect_uris", 1]` with the message `redirect_uris[1] must not contain a fragment`.
 */
export function issue(at: string, rule: string, code: RegistrationErrorCode = "invalid_client_metadata"): MetadataIssue {
  const path = [...at.matchAll(/\[(\d+)\]|([^.[\]]+)/g)].map(([, index, name]) => (index !== undefined ? Number(index) : name!));
  return { path: at === "metadata" ? [] : path, code, message: `${at} ${rule}` };
}

/** Every issue of a document (empty when it is valid). */
export function issuesOf(document: unknown, policy?: ServicePolicyInput): MetadataIssue[] {
  const result = validateClientMetadata(document, policyWith(policy));
  return result.ok ? [] : result.issues;
}

/** The normalized metadata of a document that must be valid (its issues are shown when it is not). */
export function validMetadata(document: unknown, policy?: ServicePolicyInput): ClientMetadata {
  const result = validateClientMetadata(document, policyWith(policy));
  expect(result.ok ? [] : result.issues).toEqual([]);
  return (result as { metadata: ClientMetadata }).metadata;
}
