import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { config } from "@/lib/config";
import { exposition, type RequestInterface } from "@/lib/metrics";
import type { ProtocolRoute } from "@/lib/protocols/routes";
import type { HttpResponse } from "@/lib/protocols/response";

// /metrics (README, Monitoring): the process's Prometheus metrics, for the operator's scraper only. Off (404)
// unless METRICS_TOKEN is set; then it takes `Authorization: Bearer <METRICS_TOKEN>`, compared in constant time.

export const metricsPath = "/metrics";

const plain = (status: number, body: string, headers: Record<string, string> = {}): HttpResponse => ({
  status,
  headers: Object.assign({ "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" }, headers),
  body,
});

/** Whether the presented header carries the token: both hashed first, so the comparison takes the same time whatever they are. */
function holdsMetricsToken(header: string | undefined, token: string): boolean {
  const presented = /^Bearer\s+(\S+)$/i.exec(header?.trim() ?? "")?.[1] ?? "";
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(presented), digest(token)) && presented.length > 0;
}

export async function answerMetrics(req: IncomingMessage): Promise<HttpResponse> {
  req.resume();
  const token = config().metricsToken;
  if (!token) return plain(404, "Not Found");
  if (req.method !== "GET" && req.method !== "HEAD") return plain(405, "Use GET", { Allow: "GET, HEAD" });
  if (!holdsMetricsToken(req.headers.authorization, token)) return plain(401, "A bearer token is required", { "WWW-Authenticate": 'Bearer realm="metrics"' });
  const { contentType, body } = await exposition();
  return { status: 200, headers: { "Content-Type": contentType, "Cache-Control": "no-store" }, body: req.method === "HEAD" ? null : body };
}

/** The console's addresses (app/) as route patterns; the first that matches names a request's route. */
const consoleRoutes = [
  "/",
  "/sign-in",
  "/services",
  "/services/{serviceId}",
  "/services/{serviceId}/audit",
  "/services/{serviceId}/settings",
  "/services/{serviceId}/clients",
  "/services/{serviceId}/clients/new",
  "/services/{serviceId}/clients/import",
  "/services/{serviceId}/clients/{clientId}",
  "/services/{serviceId}/clients/{clientId}/edit",
  "/services/{serviceId}/clients/{clientId}/history",
  "/services/{serviceId}/clients/{clientId}/revert/{version}",
  "/api/services/{serviceId}/clients/import",
  "/api/services/{serviceId}/clients/export",
  "/api/auth/{...}",
  // Addresses from before services had their own, redirected (lib/console-paths.ts, unscopedConsolePath).
  "/clients",
  "/clients/{...}",
  "/audit",
  "/settings",
];
/** What Next.js serves besides the console, and this endpoint. */
const otherRoutes = ["/api/health", "/_next/{...}", "/favicon.ico", "/demo-logos/{...}", metricsPath];

const matcher = (route: string) =>
  new RegExp(`^${route.replace(/[.]/g, "\\.").replace(/\{\.\.\.\}/g, ".+").replace(/\{[a-zA-Z]+\}/g, "[^/]+")}$`);
const known = [
  ...consoleRoutes.map((route) => ({ route, pattern: matcher(route), interface: "console" as const })),
  ...otherRoutes.map((route) => ({ route, pattern: matcher(route), interface: "other" as const })),
];

/**
 * A request's labels in metrics: its interface and route pattern. A protocol path has its route's label; any
 * other path one of the patterns above, or `unmatched` — so a scan of random paths adds no series.
 */
export function requestRoute(path: string, route: ProtocolRoute | undefined): { interface: RequestInterface; route: string } {
  if (route) return { interface: route.interface, route: route.label };
  const match = known.find((k) => k.pattern.test(path));
  return match ? { interface: match.interface, route: match.route } : { interface: "other", route: "unmatched" };
}
