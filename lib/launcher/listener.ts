import type { IncomingMessage, ServerResponse } from "node:http";
import { config, type ProxyTrust } from "@/lib/config";
import { servicePath, unscopedConsolePath } from "@/lib/console-paths";
import { answerProtocolRequest, protocolRoute } from "@/lib/protocols/routes";
import type { HttpResponse } from "@/lib/protocols/response";
import { pinClientAddress } from "./client-address";
import { preparePageRequest } from "./page-headers";
import { protocolSecurityHeaders } from "./security-headers";

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

/**
 * The process's HTTP entry point. It decides the client's address, then answers the machine-facing protocol
 * paths straight from the protocols (lib/protocols/routes.ts), because Next.js's request path costs several
 * times what the work itself does (docs/BENCHMARKS.md); everything else — the console, its server actions,
 * /api/auth, /api/health — goes to Next.js with the page concerns prepared. `proxyTrust` defaults to the
 * configuration's (TRUSTED_PROXY_HOPS, TRUSTED_PROXIES, TRUSTED_IP_HEADER).
 */
export function createRequestListener(next: Handler, proxyTrust?: ProxyTrust): Handler {
  return async (req, res) => {
    const ip = pinClientAddress(req, proxyTrust);
    const path = (req.url ?? "/").split("?")[0]!;
    const route = protocolRoute(path);
    if (!route && unscopedConsolePath.test(path) && (req.method === "GET" || req.method === "HEAD")) {
      // Addresses from before services had their own (bookmarks, links in tickets): the default service's page.
      req.resume();
      const query = req.url!.slice(path.length);
      return send(res, { status: 307, headers: { Location: servicePath(config().serviceId, path) + query, "Cache-Control": "no-store" }, body: null });
    }
    if (!route) {
      preparePageRequest(req, res, path);
      return next(req, res);
    }
    send(res, await answerProtocolRequest(req, route, path, ip));
  };
}

function send(res: ServerResponse, response: HttpResponse) {
  const headers: Record<string, string | number> = Object.assign({}, protocolSecurityHeaders, response.headers);
  if (response.body !== null) headers["Content-Length"] = Buffer.byteLength(response.body);
  res.writeHead(response.status, headers);
  res.end(response.body ?? undefined);
}
