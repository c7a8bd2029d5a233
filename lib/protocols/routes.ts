import type { IncomingMessage } from "node:http";
import { config } from "@/lib/config";
import { logger } from "@/lib/logger";
import { loadService } from "@/lib/registration/store";
import { registrationEndpointPath, serviceIdPattern, servicePathPrefix } from "@/lib/registration/uris";
import { authleteApiFailure, authleteRegistration } from "./authlete";
import { serverMetadata } from "./discovery";
import { deleteClient, readClient, registerClient, updateClient } from "./registration";
import { requestId, type RequestContext } from "./request";
import { errorToResponse, rfcFailure, type FailureShape, type HttpResponse } from "./response";

// The machine-facing paths and which endpoint answers each method: the one list of protocol paths. The
// launcher (lib/launcher/listener.ts) sends a request here when protocolRoute finds its path, and hands every
// other path to Next.js.

type Endpoint = (ctx: RequestContext) => Promise<HttpResponse>;
export type ProtocolRoute = {
  pattern: RegExp;
  /** The pattern as operators read it in metrics (`/register/{clientId}`): never the path itself, which names clients. */
  label: string;
  /** The interface it belongs to, in metrics: the RFC endpoints and discovery, or the Authlete-compatible API. */
  interface: "rfc" | "authlete";
  methods: Partial<Record<string, Endpoint>>;
  /** Browser-based clients (single-page apps, MCP clients) register themselves: allow cross-origin calls. */
  cors: boolean;
  failure: FailureShape;
  /**
   * The path names a service (`serviceId`) that must be live and not the default one, which is served at the
   * root; otherwise the answer is 404 before any endpoint runs. Paths without it serve the default service.
   */
  namesService?: true;
};

const escaped = (path: string) => path.replace(/[/.]/g, "\\$&");
const registration = escaped(registrationEndpointPath);
// Any segment: a malformed id is answered as an unknown service, not handed to Next.js.
const service = `${escaped(servicePathPrefix)}(?<serviceId>[^/]+)`;

const rfc7591 = { methods: { POST: registerClient }, cors: true, failure: rfcFailure, interface: "rfc" } as const;
const rfc7592 = { methods: { GET: readClient, PUT: updateClient, DELETE: deleteClient }, cors: true, failure: rfcFailure, interface: "rfc" } as const;
const discovery = { methods: { GET: serverMetadata }, cors: true, failure: rfcFailure, interface: "rfc" } as const;
const serviceLabel = `${servicePathPrefix}{serviceId}`;

const routes: ProtocolRoute[] = [
  // The default service, at the root.
  { pattern: new RegExp(`^${registration}$`), label: registrationEndpointPath, ...rfc7591 },
  { pattern: new RegExp(`^${registration}/(?<clientId>[^/]+)$`), label: `${registrationEndpointPath}/{clientId}`, ...rfc7592 },
  { pattern: /^\/\.well-known\/(?:oauth-authorization-server|openid-configuration)$/, label: "/.well-known/{metadata}", ...discovery },
  // Every other service under its issuer `{issuer}/s/{serviceId}` (uris.ts, serviceIssuer): RFC 8414 §3 inserts
  // the well-known path before the issuer's path; OpenID Connect Discovery §4 appends it to the issuer.
  { pattern: new RegExp(`^${service}${registration}$`), label: `${serviceLabel}${registrationEndpointPath}`, ...rfc7591, namesService: true },
  { pattern: new RegExp(`^${service}${registration}/(?<clientId>[^/]+)$`), label: `${serviceLabel}${registrationEndpointPath}/{clientId}`, ...rfc7592, namesService: true },
  { pattern: new RegExp(`^/\\.well-known/oauth-authorization-server${service}$`), label: `/.well-known/oauth-authorization-server${serviceLabel}`, ...discovery, namesService: true },
  { pattern: new RegExp(`^${service}/\\.well-known/openid-configuration$`), label: `${serviceLabel}/.well-known/openid-configuration`, ...discovery, namesService: true },
  ...(["register", "get", "update", "delete"] as const).map((operation) => {
    const rest = `/client/registration${operation === "register" ? "" : `/${operation}`}`;
    return {
      pattern: new RegExp(`^/api/(?<serviceId>[A-Za-z0-9._-]{1,64})${rest}$`),
      label: `/api/{serviceId}${rest}`,
      interface: "authlete" as const,
      methods: { POST: (ctx: RequestContext) => authleteRegistration(ctx, operation) },
      cors: false,
      failure: authleteApiFailure,
    };
  }),
];

/** The route answering `path` (without its query), or undefined for a path that is not a protocol's. */
export function protocolRoute(path: string): ProtocolRoute | undefined {
  return routes.find((r) => r.pattern.test(path));
}

const corsHeaders = (route: ProtocolRoute): Record<string, string> =>
  route.cors ? { "Access-Control-Allow-Origin": "*", "Access-Control-Expose-Headers": "WWW-Authenticate" } : {};

/** What each route answers with, worked out once rather than on every request. */
const answers = new Map(routes.map((route) => [route, { allowed: [...Object.keys(route.methods), ...(route.cors ? ["OPTIONS"] : [])].join(", "), cors: corsHeaders(route) }]));

/**
 * Answers a request on a protocol path: a CORS preflight, a method the path does not take (405), or the
 * endpoint's response; an exception becomes the route's failure shape. The X-Request-Id and CORS headers are
 * in the response.
 */
export async function answerProtocolRequest(req: IncomingMessage, route: ProtocolRoute, path: string, ip: string | null): Promise<HttpResponse> {
  const method = req.method ?? "GET";
  const { allowed, cors } = answers.get(route)!;
  if (method === "OPTIONS" && route.cors) {
    return {
      status: 204,
      headers: Object.assign({}, cors, { "Access-Control-Allow-Methods": allowed, "Access-Control-Allow-Headers": "Authorization, Content-Type", "Access-Control-Max-Age": "600" }),
      body: null,
    };
  }
  const endpoint = route.methods[method === "HEAD" ? "GET" : method];
  const groups = route.pattern.exec(path)?.groups;
  const params = groups ? Object.fromEntries(Object.entries(groups).map(([k, v]) => [k, safeDecode(v)])) : {};
  const ctx: RequestContext = { req, requestId: requestId(req), ip, params };
  let response: HttpResponse;
  const unknown = route.namesService ? await unknownService(params.serviceId!, ctx.requestId, route) : null;
  if (unknown) {
    req.resume();
    response = unknown;
  } else if (!endpoint) {
    req.resume();
    const refused = route.failure(405, "invalid_request", `${method} is not allowed here; use ${allowed}`);
    response = { status: 405, headers: Object.assign({}, refused.headers, { Allow: allowed }), body: refused.body };
  } else {
    try {
      response = await endpoint(ctx);
    } catch (error) {
      response = errorToResponse(error, ctx.requestId, route.failure);
    }
  }
  // The request's id is on the line already (lib/logger.ts).
  if (response.status >= 400) logger.debug({ method, path, status: response.status, body: response.body }, "request refused");
  return { status: response.status, headers: Object.assign({}, response.headers, cors, { "X-Request-Id": ctx.requestId }), body: method === "HEAD" ? null : response.body };
}

/**
 * The 404 for a path that names no live service other than the default one (which is served at the root, so
 * `/s/{default}/…` is not its address either); null when the service is there. A malformed id needs no database
 * read; a live service's is cached (store.ts, loadService), so serving a service costs no read per request.
 */
async function unknownService(serviceId: string, requestId: string, route: ProtocolRoute): Promise<HttpResponse | null> {
  const wellFormed = serviceIdPattern.test(serviceId);
  try {
    if (wellFormed && serviceId !== config().serviceId && (await loadService(serviceId))) return null;
  } catch (error) {
    return errorToResponse(error, requestId, route.failure);
  }
  return route.failure(404, "invalid_request", wellFormed ? `No such service "${serviceId}"` : "No such service");
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
