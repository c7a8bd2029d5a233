import { config } from "@/lib/config";
import { inCanonicalOrder } from "@/lib/registration/members";
import * as registration from "@/lib/registration/service";
import type { ClientInformation, Failure, Outcome } from "@/lib/registration/service";
import { bearerToken, isJsonContentType, parseJsonBody, readBody, RequestError, type RequestContext } from "./request";
import { protocolHeaders, type HttpResponse } from "./response";

// RFC 7591 `POST /register` and RFC 7592 `GET|PUT|DELETE /register/{client_id}` for the default service, and the
// same under `/s/{serviceId}` for every other service (routes.ts has checked that the service is live): parse the
// request, call the core, shape its outcome. The Authlete-compatible API (authlete.ts) sends exactly
// these bodies as its responseContent, so both interfaces answer a client the same way.

// ---- the requests ---------------------------------------------------------------------------------------

async function jsonBody(ctx: RequestContext): Promise<unknown> {
  if (!isJsonContentType(ctx.req)) {
    ctx.req.resume();
    throw new RequestError(400, "invalid_request", "The request body must be application/json");
  }
  return parseJsonBody(await readBody(ctx.req));
}

/** The service a request is for: the one its path names, else the default service. */
const serviceOf = (ctx: RequestContext) => ctx.params.serviceId ?? config().serviceId;

const caller = (ctx: RequestContext, iface: "rfc7591" | "rfc7592", actor: string): registration.Caller => ({ interface: iface, actor, ip: ctx.ip, requestId: ctx.requestId });

export async function registerClient(ctx: RequestContext): Promise<HttpResponse> {
  const document = await jsonBody(ctx);
  const outcome = await registration.register(serviceOf(ctx), { document, initialAccessToken: bearerToken(ctx.req) }, caller(ctx, "rfc7591", "client"));
  return clientInformationResponse(outcome, 201);
}

export async function readClient(ctx: RequestContext): Promise<HttpResponse> {
  const clientId = ctx.params.clientId!;
  const outcome = await registration.read(serviceOf(ctx), { clientId, registrationAccessToken: bearerToken(ctx.req) }, caller(ctx, "rfc7592", `client:${clientId}`));
  return clientInformationResponse(outcome, 200);
}

export async function updateClient(ctx: RequestContext): Promise<HttpResponse> {
  const clientId = ctx.params.clientId!;
  const token = bearerToken(ctx.req);
  // Without a token there is nothing to check the body against: answer 401 before reading it.
  const document = registration.presentedToken(token) ? await jsonBody(ctx) : (ctx.req.resume(), {});
  const outcome = await registration.update(serviceOf(ctx), { clientId, registrationAccessToken: token, document }, caller(ctx, "rfc7592", `client:${clientId}`));
  return clientInformationResponse(outcome, 200);
}

export async function deleteClient(ctx: RequestContext): Promise<HttpResponse> {
  const clientId = ctx.params.clientId!;
  const outcome = await registration.remove(serviceOf(ctx), { clientId, registrationAccessToken: bearerToken(ctx.req) }, caller(ctx, "rfc7592", `client:${clientId}`));
  return deletedResponse(outcome);
}

// ---- the answers ----------------------------------------------------------------------------------------

/** The client information response (RFC 7591 §3.2.1, RFC 7592 §3). */
export function clientInformationJson(info: ClientInformation): Record<string, unknown> {
  const json: Record<string, unknown> = { client_id: info.clientId };
  if (info.clientSecret) {
    json.client_secret = info.clientSecret;
    json.client_secret_expires_at = info.clientSecretExpiresAt;
  }
  json.client_id_issued_at = info.clientIdIssuedAt;
  if (info.registrationAccessToken) json.registration_access_token = info.registrationAccessToken;
  json.registration_client_uri = info.registrationClientUri;
  return Object.assign(json, inCanonicalOrder(info.metadata));
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
  const headers: Record<string, string> = Object.assign({}, protocolHeaders);
  if (failure.status === 401) headers["WWW-Authenticate"] = bearerChallenge(failure);
  if (failure.retryAfter) headers["Retry-After"] = String(failure.retryAfter);
  return { status: failure.status, headers, body: JSON.stringify(errorJson(failure)) };
}

/** A core outcome as the RFC endpoint's response; `success` is 201 for registration, 200 otherwise. */
export function clientInformationResponse(outcome: Outcome<ClientInformation>, success: 200 | 201): HttpResponse {
  if (!outcome.ok) return errorResponse(outcome.failure);
  return { status: success, headers: Object.assign({}, protocolHeaders), body: JSON.stringify(clientInformationJson(outcome.value)) };
}

/** RFC 7592 §2.3: 204 without a body once the client is deleted. */
export function deletedResponse(outcome: Outcome<unknown>): HttpResponse {
  if (!outcome.ok) return errorResponse(outcome.failure);
  return { status: 204, headers: { "Cache-Control": "no-store", Pragma: "no-cache" }, body: null };
}
