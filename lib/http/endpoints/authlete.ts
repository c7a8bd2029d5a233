import { z } from "zod";
import { apiResultCodes, authleteFailure, authleteResponse, type AuthleteOperation } from "@/lib/registration/authlete";
import type { HttpResponse } from "@/lib/registration/protocol";
import * as registration from "@/lib/registration/service";
import { bearerToken, isJsonContentType, parseJsonBody, readBody, RequestError } from "../request";
import { errorToResponse, jsonResponse, rfcFailure } from "../respond";
import type { RequestContext } from "./context";

// `POST /api/{serviceId}/client/registration[/get|/update|/delete]`: Authlete's client registration API.
// The service API key authenticates the authorization server; the body carries the client's request.

const ApiRequest = z.looseObject({
  json: z.string({ error: "json must be a string holding the client's JSON request body" }).optional(),
  // A blank token is no token (as an empty Authorization header is none at the RFC endpoint).
  token: z
    .string({ error: "token must be a string" })
    .optional()
    .transform((token) => token?.trim() || undefined),
  clientId: z.string({ error: "clientId must be a string" }).optional(),
  client_id: z.string({ error: "client_id must be a string" }).optional(),
});

const apiError = (status: number, { code, message }: { code: string; message: string }, detail?: string) =>
  jsonResponse(status, { resultCode: code, resultMessage: `[${code}] ${detail ?? message}` });

/** The API-level answer for a request that could not be processed (HTTP status, not an action). */
export const authleteApiFailure = (status: number, _error: string, description: string): HttpResponse => {
  if (status === 405) return apiError(405, apiResultCodes.methodNotAllowed, description);
  if (status === 413) return apiError(413, apiResultCodes.tooLarge, description);
  if (status === 503) return { ...apiError(503, apiResultCodes.unavailable), headers: { ...jsonResponse(503, {}).headers, "Retry-After": "5" } };
  if (status >= 500) return apiError(500, apiResultCodes.internal, description);
  return apiError(400, apiResultCodes.malformed, description);
};

export async function authleteRegistration(ctx: RequestContext, operation: AuthleteOperation): Promise<HttpResponse> {
  const caller: registration.Caller = { interface: "authlete_api", actor: `api:${ctx.params.serviceId}`, ip: ctx.ip, requestId: ctx.requestId };
  const check = await registration.authorizeApiCall(ctx.params.serviceId!, bearerToken(ctx.req), caller);
  if (!check.ok) {
    ctx.req.resume();
    if (check.reason === "unknown_service") return apiError(404, apiResultCodes.unknownService, `No service "${ctx.params.serviceId}"`);
    if (check.reason === "throttled") return { ...apiError(429, apiResultCodes.throttled, `Too many failed attempts from this address; try again in ${check.retryAfter} seconds`), headers: { ...jsonResponse(429, {}).headers, "Retry-After": String(check.retryAfter) } };
    return { ...apiError(401, apiResultCodes.unauthorized), headers: { ...jsonResponse(401, {}).headers, "WWW-Authenticate": 'Bearer realm="registrar-api"' } };
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
        const document = body.token ? clientDocument() : {};
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
