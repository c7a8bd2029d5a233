import type { IncomingMessage, ServerResponse } from "node:http";
import { config, type ProxyTrust } from "@/lib/config";
import { servicePath, unscopedConsolePath } from "@/lib/console-paths";
import { countRequest } from "@/lib/metrics";
import { answerProtocolRequest, protocolRoute } from "@/lib/protocols/routes";
import { requestId } from "@/lib/protocols/request";
import type { HttpResponse } from "@/lib/protocols/response";
import { runRequest } from "@/lib/request-context";
import { requestIdHeader } from "@/lib/request-headers";
import { pinClientAddress } from "./client-address";
import { answerMetrics, metricsPath, requestRoute } from "./metrics";
import { preparePageRequest } from "./page-headers";
import { protocolSecurityHeaders } from "./security-headers";

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

/**
 * The process's HTTP entry point. It decides the client's address and the request's id, then answers the
 * machine-facing protocol paths straight from the protocols (lib/protocols/routes.ts), because Next.js's request
 * path costs several times what the work itself does (docs/BENCHMARKS.md); everything else — the console, its
 * server actions, /api/auth, /api/health — goes to Next.js with the page concerns prepared. Every request is
 * counted in the metrics (lib/metrics.ts), and everything done for it runs in its request scope, so each line
 * it logs carries its id (lib/request-context.ts). `proxyTrust` defaults to the configuration's
 * (TRUSTED_PROXY_HOPS, TRUSTED_PROXIES, TRUSTED_IP_HEADER).
 */
export function createRequestListener(next: Handler, proxyTrust?: ProxyTrust): Handler {
  return (req, res) => {
    const started = process.hrtime.bigint();
    const ip = pinClientAddress(req, proxyTrust);
    // The caller's sane X-Request-Id, or a new one: pinned for Next.js (lib/request-headers.ts) and answered.
    const id = requestId(req);
    req.headers[requestIdHeader] = id;
    const path = (req.url ?? "/").split("?")[0]!;
    const route = protocolRoute(path);
    const labels = requestRoute(path, route);
    res.once("close", () => {
      const status = res.writableFinished ? res.statusCode : "aborted";
      countRequest({ interface: labels.interface, route: labels.route, method: req.method ?? "GET", status }, Number(process.hrtime.bigint() - started) / 1e9);
    });
    return runRequest({ requestId: id }, async () => {
      if (route) return send(res, await answerProtocolRequest(req, route, path, ip));
      if (path === metricsPath) return send(res, await answerMetrics(req), id);
      if (unscopedConsolePath.test(path) && (req.method === "GET" || req.method === "HEAD")) {
        // Addresses from before services had their own (bookmarks, links in tickets): the default service's page.
        req.resume();
        const query = req.url!.slice(path.length);
        return send(res, { status: 307, headers: { Location: servicePath(config().serviceId, path) + query, "Cache-Control": "no-store" }, body: null }, id);
      }
      res.setHeader("X-Request-Id", id);
      preparePageRequest(req, res, path);
      return next(req, res);
    });
  };
}

/** Writes a response the launcher answers itself, with the security headers (and its X-Request-Id, unless the protocols set it). */
function send(res: ServerResponse, response: HttpResponse, id?: string) {
  const headers: Record<string, string | number> = Object.assign({}, protocolSecurityHeaders, response.headers);
  if (id) headers["X-Request-Id"] = id;
  if (response.body !== null) headers["Content-Length"] = Buffer.byteLength(response.body);
  res.writeHead(response.status, headers);
  res.end(response.body ?? undefined);
}
