import type { ServicePolicy } from "./policy";
import { jweAlgorithms, jweEncryptions, jwsAlgorithms, subjectTypes } from "./vocabulary";

/**
 * Authorization server metadata about registration (RFC 8414 §2, OpenID Connect Discovery §3): the
 * registration endpoint and the values this service's policy accepts.
 */
export function registrationServerMetadata(issuer: string, policy: ServicePolicy) {
  const grants = policy.allowedGrantTypes;
  const responseTypes = [
    ...(grants.includes("authorization_code") ? ["code"] : []),
    ...(grants.includes("implicit") ? ["token", "id_token", "id_token token"] : []),
    ...(grants.includes("authorization_code") && grants.includes("implicit") ? ["code id_token", "code token", "code id_token token"] : []),
    "none",
  ];
  const signing = policy.allowedSigningAlgorithms;
  return {
    issuer,
    registration_endpoint: `${issuer}/register`,
    token_endpoint_auth_methods_supported: policy.allowedTokenEndpointAuthMethods,
    token_endpoint_auth_signing_alg_values_supported: signing,
    grant_types_supported: grants,
    response_types_supported: responseTypes,
    subject_types_supported: subjectTypes,
    id_token_signing_alg_values_supported: signing.filter((a) => (jwsAlgorithms as readonly string[]).includes(a)),
    id_token_encryption_alg_values_supported: policy.allowedEncryptionAlgorithms.filter((a) => (jweAlgorithms as readonly string[]).includes(a)),
    id_token_encryption_enc_values_supported: jweEncryptions,
    userinfo_signing_alg_values_supported: signing,
    request_object_signing_alg_values_supported: [...signing, "none"],
  };
}
