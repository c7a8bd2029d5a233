import { z } from "zod";
import * as registration from "@/lib/registration/service";
import type { ClientInformation, Outcome } from "@/lib/registration/service";
import { authleteClient, type AuthleteClient } from "./authlete-client";
import { clientInformationResponse, deletedResponse } from "./registration";
import { bearerToken, maxBodyBytes, mediaType, parseFormBody, parseJsonBody, readBody, RequestError, type RequestContext } from "./request";
import { errorToResponse, jsonResponse, rfcFailure, type HttpResponse } from "./response";

// `POST /api/{serviceId}/client/registration[/get|/update|/delete]`: Authlete's client registration API, so
// that an authorization server written against Authlete can call Registrar unchanged. The service API key
// authenticates the authorization server; the body `{ json, token, clientId }` carries the client's request.
// The answer is Authlete's ClientRegistrationResponse: `responseContent` is exactly the body the RFC endpoint
// (registration.ts) sends for the same request, and `action` tells the authorization server what to answer.
//
// resultCode scheme: R-<area>-<HTTP status of the client's answer><digit>. Area DCR = the client's request was
// processed (the action says what to answer); area API = the API call itself failed (HTTP-level status).
// docs/API.md lists every action and result code.

// ---- the requests ---------------------------------------------------------------------------------------

/** Absent, as Authlete reads it: a member that is missing or null. */
const absent = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? undefined);

/** The members of Authlete's ClientRegistrationRequest; others are ignored, as Authlete ignores them. */
const ApiRequest = z.looseObject({
  json: absent(z.string({ error: "json must be a string holding the client's JSON request body" })),
  // As presented: what a blank token means is the core's rule, the same as at the RFC endpoint.
  token: absent(z.string({ error: "token must be a string" })),
  // Authlete's numeric client ID may come as a JSON number; the OAuth client_id (clientIdAlias) as a string.
  clientId: absent(z.union([z.string(), z.number().int().nonnegative()], { error: "clientId must be a string or a number" })),
  client_id: absent(z.string({ error: "client_id must be a string" })),
});
type ApiRequest = z.infer<typeof ApiRequest>;

/**
 * How large the API request may be: any client request body the RFC endpoint accepts, escaped as a JSON string
 * (at most 2 characters per byte) and then form-encoded (at most 3 per character), plus the other members.
 */
const envelopeLimit = () => 6 * maxBodyBytes() + 16 * 1024;

/** The API request, JSON or form-encoded as Authlete accepts it; a problem with it is the API call's own (HTTP 400). */
async function readApiRequest(ctx: RequestContext): Promise<ApiRequest> {
  const type = mediaType(ctx.req);
  if (type !== "application/json" && type !== "application/x-www-form-urlencoded") {
    ctx.req.resume();
    throw new RequestError(400, "invalid_request", "The API request body must be application/json or application/x-www-form-urlencoded");
  }
  const body = await readBody(ctx.req, envelopeLimit());
  const parsed = ApiRequest.safeParse(type === "application/json" ? parseJsonBody(body) : parseFormBody(body));
  if (!parsed.success) throw new RequestError(400, "invalid_request", parsed.error.issues.map((i) => i.message).join("; ") || "The API request must be a JSON object");
  return parsed.data;
}

/**
 * The client's own request body from `json`, read exactly as the RFC endpoint reads a body: the same size limit
 * (on the metadata, not on its escaped form in the envelope), strict UTF-8 and JSON. A problem is the client's.
 */
function clientDocument(json: string | undefined): unknown {
  const body = Buffer.from(json ?? "", "utf8");
  const limit = maxBodyBytes();
  if (body.length > limit) throw new RequestError(413, "invalid_request", `The request body must be at most ${limit} bytes`);
  return parseJsonBody(body);
}

const apiError = (status: number, { code, message }: { code: string; message: string }, detail?: string, headers: Record<string, string> = {}) =>
  jsonResponse(status, { resultCode: code, resultMessage: `[${code}] ${detail ?? message}` }, headers);

/** The API-level answer for a request that could not be processed (HTTP status, not an action). */
export const authleteApiFailure = (status: number, _error: string, description: string): HttpResponse => {
  if (status === 405) return apiError(405, apiResultCodes.methodNotAllowed, description);
  if (status === 413) return apiError(413, apiResultCodes.tooLarge, description);
  if (status === 503) return apiError(503, apiResultCodes.unavailable, undefined, { "Retry-After": "5" });
  if (status >= 500) return apiError(500, apiResultCodes.internal, description);
  return apiError(400, apiResultCodes.malformed, description);
};

export async function authleteRegistration(ctx: RequestContext, operation: AuthleteOperation): Promise<HttpResponse> {
  const caller: registration.Caller = { interface: "authlete_api", actor: `api:${ctx.params.serviceId}`, ip: ctx.ip, requestId: ctx.requestId };
  const check = await registration.authorizeApiCall(ctx.params.serviceId!, bearerToken(ctx.req), caller);
  if (!check.ok) {
    ctx.req.resume();
    if (check.reason === "unknown_service") return apiError(404, apiResultCodes.unknownService, `No service "${ctx.params.serviceId}"`);
    if (check.reason === "throttled")
      return apiError(429, apiResultCodes.throttled, `Too many failed attempts from this address; try again in ${check.retryAfter} seconds`, { "Retry-After": String(check.retryAfter) });
    return apiError(401, apiResultCodes.unauthorized, undefined, { "WWW-Authenticate": 'Bearer realm="registrar-api"' });
  }
  const serviceId = check.serviceId;
  const body = await readApiRequest(ctx);
  const named = body.clientId ?? body.client_id;
  if (operation !== "register" && named === undefined) return apiError(400, apiResultCodes.malformed, "clientId is required");
  try {
    // Either of the client's identifiers names it (Authlete's numeric clientId, or the OAuth client_id).
    const clientId = named === undefined ? "" : await registration.clientIdNamedBy(serviceId, String(named));
    switch (operation) {
      case "register":
        return ok(authleteResponse("register", await registration.register(serviceId, { document: clientDocument(body.json), initialAccessToken: body.token }, caller), serviceId));
      case "get":
        return ok(authleteResponse("get", await registration.read(serviceId, { clientId, registrationAccessToken: body.token }, caller), serviceId));
      case "update": {
        // Without a token there is nothing to check the body against: UNAUTHORIZED before reading it.
        const document = registration.presentedToken(body.token) ? clientDocument(body.json) : {};
        return ok(authleteResponse("update", await registration.update(serviceId, { clientId, registrationAccessToken: body.token, document }, caller), serviceId));
      }
      case "delete":
        return ok(authleteResponse("delete", await registration.remove(serviceId, { clientId, registrationAccessToken: body.token }, caller), serviceId));
    }
  } catch (error) {
    // The client's malformed request, or a fault while processing it: still an answer for the AS to relay,
    // with the action Authlete documents for it (BAD_REQUEST, or INTERNAL_SERVER_ERROR).
    return ok(authleteFailure(operation, errorToResponse(error, ctx.requestId, rfcFailure)));
  }
}

const ok = (body: unknown): HttpResponse => jsonResponse(200, body);

// ---- the answers ----------------------------------------------------------------------------------------

export type AuthleteAction = "CREATED" | "OK" | "UPDATED" | "DELETED" | "BAD_REQUEST" | "UNAUTHORIZED" | "INTERNAL_SERVER_ERROR";

export const apiResultCodes = {
  malformed: { code: "R-API-4000", message: "The API request is malformed" },
  unauthorized: { code: "R-API-4010", message: "The service API key is missing or wrong" },
  unknownService: { code: "R-API-4040", message: "No such service" },
  methodNotAllowed: { code: "R-API-4050", message: "Use POST" },
  tooLarge: { code: "R-API-4130", message: "The API request is too large" },
  throttled: { code: "R-API-4290", message: "Too many failed attempts from this address" },
  unavailable: { code: "R-API-5030", message: "The service cannot reach its database; try again shortly" },
  internal: { code: "R-API-5000", message: "An unexpected error occurred" },
} as const;

const successes = {
  register: { action: "CREATED", code: "R-DCR-2010", message: "The client was registered" },
  get: { action: "OK", code: "R-DCR-2000", message: "The client's configuration was read" },
  update: { action: "UPDATED", code: "R-DCR-2001", message: "The client's configuration was updated" },
  delete: { action: "DELETED", code: "R-DCR-2040", message: "The client was deleted" },
} as const satisfies Record<string, { action: AuthleteAction; code: string; message: string }>;

export type AuthleteOperation = keyof typeof successes;

/**
 * The actions each operation returns, as Authlete's API reference documents them (its SDK's
 * DynamicClientRegistration methods): register never answers UNAUTHORIZED; get, update and delete do.
 */
export const documentedActions = {
  register: ["CREATED", "BAD_REQUEST", "INTERNAL_SERVER_ERROR"],
  get: ["OK", "BAD_REQUEST", "UNAUTHORIZED", "INTERNAL_SERVER_ERROR"],
  update: ["UPDATED", "BAD_REQUEST", "UNAUTHORIZED", "INTERNAL_SERVER_ERROR"],
  delete: ["DELETED", "BAD_REQUEST", "UNAUTHORIZED", "INTERNAL_SERVER_ERROR"],
} as const satisfies Record<AuthleteOperation, readonly AuthleteAction[]>;

type Result = { action: AuthleteAction; code: string };
const badRequest = (code: string): Result => ({ action: "BAD_REQUEST", code });
const unauthorized = (code: string): Result => ({ action: "UNAUTHORIZED", code });

/**
 * A refusal's action and result code, by the status the RFC endpoint answers it with. A registration refused
 * for its initial access token or by the service's policy is BAD_REQUEST (the AS answers 400 with the same
 * body); a management request refused for its token or its client is UNAUTHORIZED.
 */
const refusals: Record<"register" | "manage", Partial<Record<number, Result>>> = {
  register: { 400: badRequest("R-DCR-4000"), 413: badRequest("R-DCR-4001"), 401: badRequest("R-DCR-4002"), 403: badRequest("R-DCR-4003"), 429: badRequest("R-DCR-4004") },
  manage: { 400: badRequest("R-DCR-4000"), 413: badRequest("R-DCR-4001"), 401: unauthorized("R-DCR-4010"), 403: unauthorized("R-DCR-4011"), 429: unauthorized("R-DCR-4012") },
};

/** Anything else is a fault while processing the request: INTERNAL_SERVER_ERROR (the AS answers 500). */
function failureResult(operation: AuthleteOperation, status: number): Result {
  const refusal = refusals[operation === "register" ? "register" : "manage"][status];
  if (refusal) return refusal;
  return { action: "INTERNAL_SERVER_ERROR", code: status === 503 ? "R-DCR-5001" : "R-DCR-5000" };
}

export type AuthleteResponse = {
  resultCode: string;
  resultMessage: string;
  action: AuthleteAction;
  responseContent?: string;
  client?: AuthleteClient;
};

/** Shapes a core outcome (or the RFC response of a request that failed before the core) for the API. */
export function authleteResponse(operation: AuthleteOperation, outcome: Outcome<ClientInformation | { clientId: string; version: number }>, serviceId: string): AuthleteResponse {
  const rfc: HttpResponse =
    operation === "delete" ? deletedResponse(outcome) : clientInformationResponse(outcome as Outcome<ClientInformation>, operation === "register" ? 201 : 200);
  if (!outcome.ok) return authleteFailure(operation, rfc);
  const { action, code, message } = successes[operation];
  const value = outcome.value;
  const response: AuthleteResponse = { resultCode: code, resultMessage: `[${code}] ${message}`, action };
  if (rfc.body !== null) response.responseContent = rfc.body;
  if ("metadata" in value) response.client = authleteClient(value, serviceId);
  return response;
}

/** A failed request as the API's answer: the RFC error response as responseContent. */
export function authleteFailure(operation: AuthleteOperation, rfc: HttpResponse): AuthleteResponse {
  const { action, code } = failureResult(operation, rfc.status);
  const description = rfc.body ? (JSON.parse(rfc.body) as { error_description?: string }).error_description : undefined;
  const response: AuthleteResponse = { resultCode: code, resultMessage: `[${code}] ${description ?? "The request failed"}`, action };
  if (rfc.body !== null) response.responseContent = rfc.body;
  return response;
}
