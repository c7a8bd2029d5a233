import { inCanonicalOrder } from "./members";
import type { ClientInformation, Failure, Outcome } from "./service";

// Shapes core outcomes into RFC 7591 / 7592 HTTP responses. The Authlete-compatible API sends exactly
// these bodies as its responseContent, so both interfaces answer a client the same way.

export type HttpResponse = { status: number; headers: Record<string, string>; body: string | null };

export const protocolHeaders = { "Content-Type": "application/json", "Cache-Control": "no-store", Pragma: "no-cache" } as const;

/** The client information response (RFC 7591 §3.2.1, RFC 7592 §3). */
export function clientInformationJson(info: ClientInformation): Record<string, unknown> {
  return {
    client_id: info.clientId,
    ...(info.clientSecret && { client_secret: info.clientSecret, client_secret_expires_at: info.clientSecretExpiresAt }),
    client_id_issued_at: info.clientIdIssuedAt,
    ...(info.registrationAccessToken && { registration_access_token: info.registrationAccessToken }),
    registration_client_uri: info.registrationClientUri,
    ...inCanonicalOrder(info.metadata),
  };
}

/** The error response (RFC 7591 §3.2.2, RFC 6750 §3). */
export function errorJson(failure: Failure): Record<string, string> {
  return { error: failure.error, error_description: failure.description };
}

/** The WWW-Authenticate challenge of a 401: no error attribute when no token was presented (RFC 6750 §3.1). */
export function bearerChallenge(failure: Failure): string {
  return failure.tokenPresented ? `Bearer error="invalid_token"` : "Bearer";
}

export function errorResponse(failure: Failure): HttpResponse {
  const headers: Record<string, string> = { ...protocolHeaders };
  if (failure.status === 401) headers["WWW-Authenticate"] = bearerChallenge(failure);
  if (failure.retryAfter) headers["Retry-After"] = String(failure.retryAfter);
  return { status: failure.status, headers, body: JSON.stringify(errorJson(failure)) };
}

/** A core outcome as the RFC endpoint's response; `success` is 201 for registration, 200 otherwise. */
export function clientInformationResponse(outcome: Outcome<ClientInformation>, success: 200 | 201): HttpResponse {
  if (!outcome.ok) return errorResponse(outcome.failure);
  return { status: success, headers: { ...protocolHeaders }, body: JSON.stringify(clientInformationJson(outcome.value)) };
}

export function deletedResponse(outcome: Outcome<unknown>): HttpResponse {
  if (!outcome.ok) return errorResponse(outcome.failure);
  return { status: 204, headers: { "Cache-Control": "no-store", Pragma: "no-cache" }, body: null };
}
