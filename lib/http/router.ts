import type { IncomingMessage, ServerResponse } from "node:http";
import { logger } from "@/lib/logger";
import type { HttpResponse } from "@/lib/registration/protocol";
import { requestContext, type RequestContext } from "./endpoints/context";
import { authleteApiFailure, authleteRegistration } from "./endpoints/authlete";
import { serverMetadata } from "./endpoints/discovery";
import { deleteClient, readClient, registerClient, updateClient } from "./endpoints/registration";
import { preparePageRequest } from "./page-headers";
import { errorToResponse, rfcFailure, send, type FailureShape } from "./respond";

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;
type Endpoint = (ctx: RequestContext) => Promise<HttpResponse>;
type Route = {
  pattern: RegExp;
  methods: Partial<Record<string, Endpoint>>;
  /** Browser-based clients (single-page apps, MCP clients) register themselves: allow cross-origin calls. */
  cors: boolean;
  failure: FailureShape;
};

const routes: Route[] = [
  { pattern: /^\/register$/, methods: { POST: registerClient }, cors: true, failure: rfcFailure },
  { pattern: /^\/register\/(?<clientId>[^/]+)$/, methods: { GET: readClient, PUT: updateClient, DELETE: deleteClient }, cors: true, failure: rfcFailure },
  { pattern: /^\/\.well-known\/(?:oauth-authorization-server|openid-configuration)$/, methods: { GET: serverMetadata }, cors: true, failure: rfcFailure },
  ...(["register", "get", "update", "delete"] as const).map((operation) => ({
    pattern: new RegExp(`^/api/(?<serviceId>[A-Za-z0-9._-]{1,64})/client/registration${operation === "register" ? "" : `/${operation}`}$`),
    methods: { POST: (ctx: RequestContext) => authleteRegistration(ctx, operation) },
    cors: false,
    failure: authleteApiFailure,
  })),
];

const corsHeaders = (route: Route): Record<string, string> =>
  route.cors ? { "Access-Control-Allow-Origin": "*", "Access-Control-Expose-Headers": "WWW-Authenticate" } : {};

/** What each route answers with, worked out once rather than on every request. */
const answers = new Map(routes.map((route) => [route, { allowed: [...Object.keys(route.methods), ...(route.cors ? ["OPTIONS"] : [])].join(", "), cors: corsHeaders(route) }]));

/**
 * The process's HTTP entry point. Machine-facing protocol paths are answered here, straight from the
 * registration core, because Next.js's request path costs several times what the work itself does
 * (docs/BENCHMARKS.md); everything else — the console, its server actions, /api/auth, /api/health — goes to Next.js.
 */
export function createRequestListener(next: Handler): Handler {
  return async (req, res) => {
    const path = (req.url ?? "/").split("?")[0]!;
    const route = routes.find((r) => r.pattern.test(path));
    if (!route) {
      preparePageRequest(req, res, path);
      return next(req, res);
    }
    const method = req.method ?? "GET";
    const { allowed, cors } = answers.get(route)!;
    if (method === "OPTIONS" && route.cors) {
      return send(res, { status: 204, headers: {}, body: null }, {
        ...cors,
        "Access-Control-Allow-Methods": allowed,
        "Access-Control-Allow-Headers": "Authorization, Content-Type",
        "Access-Control-Max-Age": "600",
      });
    }
    const endpoint = route.methods[method === "HEAD" ? "GET" : method];
    const groups = route.pattern.exec(path)?.groups;
    const params = groups ? Object.fromEntries(Object.entries(groups).map(([k, v]) => [k, safeDecode(v)])) : {};
    const ctx = requestContext(req, params);
    let response: HttpResponse;
    if (!endpoint) {
      req.resume();
      response = { ...route.failure(405, "invalid_request", `${method} is not allowed here; use ${allowed}`), status: 405 };
      response.headers = { ...response.headers, Allow: allowed };
    } else {
      try {
        response = await endpoint(ctx);
      } catch (error) {
        response = errorToResponse(error, ctx.requestId, route.failure);
      }
    }
    if (response.status >= 400) logger.debug({ requestId: ctx.requestId, method, path, status: response.status, body: response.body }, "request refused");
    send(res, method === "HEAD" ? { ...response, body: null } : response, Object.assign({}, cors, { "X-Request-Id": ctx.requestId }));
  };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
