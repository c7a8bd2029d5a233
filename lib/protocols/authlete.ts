import { z } from "zod";
import * as registration from "@/lib/registration/service";
import type { ClientInformation, Outcome } from "@/lib/registration/service";
import { authleteClient, type AuthleteClient } from "./authlete-client";
import { clientInformationResponse, deletedResponse } from "./registration";
import { bearerToken, isJsonContentType, parseJsonBody, readBody, RequestError, type RequestContext } from "./request";
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

const ApiRequest = z.looseObject({
  json: z.string({ error: "json must be a string holding the client's JSON request body" }).optional(),
  // As presented: what a blank token means is the core's rule, the same as at the RFC endpoint.
  token: z.string({ error: "token must be a string" }).optional(),
  clientId: z.string({ error: "clientId must be a string" }).optional(),
  client_id: z.string({ error: "client_id must be a string" }).optional(),
});

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
  if (!isJsonContentType(ctx.req)) throw new RequestError(400, "invalid_request", "The API request body must be application/json");
  const parsed = ApiRequest.safeParse(parseJsonBody(await readBody(ctx.req)));
  if (!parsed.success) return apiError(400, apiResultCodes.malformed, parsed.error.issues.map((i) => i.message).join("; ") || "The API request must be a JSON object");
  const body = parsed.data;
  const clientId = body.clientId ?? body.client_id;

  // The client's own request body, parsed exactly as the RFC endpoint parses it.
  const clientDocument = (): unknown => parseJsonBody(Buffer.from(body.json ?? "", "utf8"));
  try {
    switch (operation) {
      case "register":
        return ok(authleteResponse("register", await registration.register(serviceId, { document: clientDocument(), initialAccessToken: body.token }, caller)));
      case "get":
        if (!clientId) return apiError(400, apiResultCodes.malformed, "clientId is required");
        return ok(authleteResponse("get", await registration.read(serviceId, { clientId, registrationAccessToken: body.token }, caller)));
      case "update": {
        if (!clientId) return apiError(400, apiResultCodes.malformed, "clientId is required");
        const document = registration.presentedToken(body.token) ? clientDocument() : {};
        return ok(authleteResponse("update", await registration.update(serviceId, { clientId, registrationAccessToken: body.token, document }, caller)));
      }
      case "delete":
        if (!clientId) return apiError(400, apiResultCodes.malformed, "clientId is required");
        return ok(authleteResponse("delete", await registration.remove(serviceId, { clientId, registrationAccessToken: body.token }, caller)));
    }
  } catch (error) {
    // A malformed client request is the client's problem: the action tells the AS to answer it 400.
    if (error instanceof RequestError) return ok(authleteFailure(errorToResponse(error, ctx.requestId, rfcFailure)));
    throw error;
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

/** The action and result code for an RFC response status. 403 has no Authlete action: the AS answers 401. */
function failureResult(status: number): { action: AuthleteAction; code: string } {
  if (status === 400) return { action: "BAD_REQUEST", code: "R-DCR-4000" };
  if (status === 401) return { action: "UNAUTHORIZED", code: "R-DCR-4010" };
  if (status === 403) return { action: "UNAUTHORIZED", code: "R-DCR-4030" };
  if (status === 429) return { action: "UNAUTHORIZED", code: "R-DCR-4290" };
  return { action: "INTERNAL_SERVER_ERROR", code: "R-DCR-5000" };
}

export type AuthleteResponse = {
  resultCode: string;
  resultMessage: string;
  action: AuthleteAction;
  responseContent?: string;
  client?: AuthleteClient;
};

/** Shapes a core outcome (or the RFC response of a request that failed before the core) for the API. */
export function authleteResponse(operation: AuthleteOperation, outcome: Outcome<ClientInformation | { clientId: string; version: number }>): AuthleteResponse {
  const rfc: HttpResponse =
    operation === "delete" ? deletedResponse(outcome) : clientInformationResponse(outcome as Outcome<ClientInformation>, operation === "register" ? 201 : 200);
  if (!outcome.ok) return authleteFailure(rfc);
  const { action, code, message } = successes[operation];
  const value = outcome.value;
  const response: AuthleteResponse = { resultCode: code, resultMessage: `[${code}] ${message}`, action };
  if (rfc.body !== null) response.responseContent = rfc.body;
  if ("metadata" in value) response.client = authleteClient(value);
  return response;
}

/** A failed request as the API's answer: the RFC error response as responseContent. */
export function authleteFailure(rfc: HttpResponse): AuthleteResponse {
  const { action, code } = failureResult(rfc.status);
  const description = rfc.body ? (JSON.parse(rfc.body) as { error_description?: string }).error_description : undefined;
  const response: AuthleteResponse = { resultCode: code, resultMessage: `[${code}] ${description ?? "The request failed"}`, action };
  if (rfc.body !== null) response.responseContent = rfc.body;
  return response;
}
