import { config } from "@/lib/config";
import { clientInformationResponse, deletedResponse, type HttpResponse } from "@/lib/registration/protocol";
import * as registration from "@/lib/registration/service";
import { bearerToken, isJsonContentType, parseJsonBody, readBody, RequestError } from "../request";
import type { RequestContext } from "./context";

// RFC 7591 `POST /register` and RFC 7592 `GET|PUT|DELETE /register/{client_id}` for the default service:
// parse, call the core, shape. Nothing else.

async function jsonBody(ctx: RequestContext): Promise<unknown> {
  if (!isJsonContentType(ctx.req)) {
    ctx.req.resume();
    throw new RequestError(400, "invalid_request", "The request body must be application/json");
  }
  return parseJsonBody(await readBody(ctx.req));
}

const caller = (ctx: RequestContext, iface: "rfc7591" | "rfc7592", actor: string): registration.Caller => ({ interface: iface, actor, ip: ctx.ip, requestId: ctx.requestId });

export async function registerClient(ctx: RequestContext): Promise<HttpResponse> {
  const document = await jsonBody(ctx);
  const outcome = await registration.register(config().serviceId, { document, initialAccessToken: bearerToken(ctx.req) }, caller(ctx, "rfc7591", "client"));
  return clientInformationResponse(outcome, 201);
}

export async function readClient(ctx: RequestContext): Promise<HttpResponse> {
  const clientId = ctx.params.clientId!;
  const outcome = await registration.read(config().serviceId, { clientId, registrationAccessToken: bearerToken(ctx.req) }, caller(ctx, "rfc7592", `client:${clientId}`));
  return clientInformationResponse(outcome, 200);
}

export async function updateClient(ctx: RequestContext): Promise<HttpResponse> {
  const clientId = ctx.params.clientId!;
  const token = bearerToken(ctx.req);
  // Without a token there is nothing to check the body against: answer 401 before reading it.
  const document = token ? await jsonBody(ctx) : (ctx.req.resume(), {});
  const outcome = await registration.update(config().serviceId, { clientId, registrationAccessToken: token, document }, caller(ctx, "rfc7592", `client:${clientId}`));
  return clientInformationResponse(outcome, 200);
}

export async function deleteClient(ctx: RequestContext): Promise<HttpResponse> {
  const clientId = ctx.params.clientId!;
  const outcome = await registration.remove(config().serviceId, { clientId, registrationAccessToken: bearerToken(ctx.req) }, caller(ctx, "rfc7592", `client:${clientId}`));
  return deletedResponse(outcome);
}
