import { config } from "@/lib/config";
import type { ServicePolicy } from "@/lib/registration/policy";
import { loadService } from "@/lib/registration/store";
import { registrationEndpoint, serviceIssuer } from "@/lib/registration/uris";
import { jweAlgorithms, jweEncryptions, jwsAlgorithms, subjectTypes } from "@/lib/registration/vocabulary";
import type { RequestContext } from "./request";
import { jsonResponse, type HttpResponse } from "./response";

// Discovery: `/.well-known/oauth-authorization-server` (RFC 8414) and `/.well-known/openid-configuration`
// (OpenID Connect Discovery 1.0) describe the default service's registration endpoint and what its policy accepts;
// `/.well-known/oauth-authorization-server/s/{serviceId}` and `/s/{serviceId}/.well-known/openid-configuration`
// describe another service's, under its own issuer (routes.ts has checked that the service is live).

export async function serverMetadata(ctx: RequestContext): Promise<HttpResponse> {
  const { issuer, serviceId: defaultServiceId } = config();
  const serviceId = ctx.params.serviceId ?? defaultServiceId;
  const service = await loadService(serviceId);
  if (!service) throw new Error(`The service ${serviceId} does not exist`);
  return jsonResponse(200, registrationServerMetadata(serviceIssuer(issuer, serviceId, defaultServiceId), service.policy), { "Cache-Control": "public, max-age=60" });
}

/**
 * Authorization server metadata about registration (RFC 8414 §2, OpenID Connect Discovery §3): the
 * registration endpoint and the values this service's policy accepts: exactly what registration accepts, so
 * "none" is listed for ID tokens, UserInfo responses and request objects when, and only when, the policy allows
 * it, and never for client authentication (RFC 8414 §2).
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
    registration_endpoint: registrationEndpoint(issuer),
    token_endpoint_auth_methods_supported: policy.allowedTokenEndpointAuthMethods,
    token_endpoint_auth_signing_alg_values_supported: signing.filter((a) => (jwsAlgorithms as readonly string[]).includes(a)),
    grant_types_supported: grants,
    response_types_supported: responseTypes,
    subject_types_supported: subjectTypes,
    id_token_signing_alg_values_supported: signing,
    id_token_encryption_alg_values_supported: policy.allowedEncryptionAlgorithms.filter((a) => (jweAlgorithms as readonly string[]).includes(a)),
    id_token_encryption_enc_values_supported: jweEncryptions,
    userinfo_signing_alg_values_supported: signing,
    request_object_signing_alg_values_supported: signing,
  };
}
