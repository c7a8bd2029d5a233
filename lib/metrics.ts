import client from "prom-client";
import { poolUsage } from "./db";
import type { CredentialKind } from "./registration/throttle";

// What operators watch (README, Monitoring): Prometheus metrics of this process, served at /metrics by the
// launcher (lib/launcher/metrics.ts). Every label has a bounded set of values — interfaces, route patterns,
// statuses, credential kinds and service ids (bounded by the service table) — never a raw path or a client id.
// The launcher and Next.js's server bundle load this module separately; the registry lives on globalThis so a
// registration through the console counts in the same series as one through the RFC endpoint.

/** Where a request came in: the RFC endpoints (and discovery), the Authlete-compatible API, the console, or anything else. */
export type RequestInterface = "rfc" | "authlete" | "console" | "other";

function createMetrics() {
  const registry = new client.Registry();
  // Process metrics, among them the event loop's delay (nodejs_eventloop_lag_*).
  client.collectDefaultMetrics({ register: registry });
  const requestLabels = ["interface", "route", "method", "status"] as const;
  return {
    registry,
    requests: new client.Counter({ name: "registrar_http_requests_total", help: "HTTP requests answered, by interface, route pattern, method and status", labelNames: requestLabels, registers: [registry] }),
    requestDuration: new client.Histogram({
      name: "registrar_http_request_duration_seconds",
      help: "Time from a request's arrival to the end of its response, by interface, route pattern, method and status",
      labelNames: requestLabels,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    registrations: new client.Counter({ name: "registrar_registrations_total", help: "Clients registered, by service and interface", labelNames: ["service", "interface"], registers: [registry] }),
    credentialFailures: new client.Counter({ name: "registrar_credential_failures_total", help: "Failed credential checks, by kind of credential", labelNames: ["kind"], registers: [registry] }),
    throttled: new client.Counter({ name: "registrar_throttled_requests_total", help: "Requests refused because their address guessed too many credentials of this kind", labelNames: ["kind"], registers: [registry] }),
    tokenless: new client.Counter({
      name: "registrar_tokenless_requests_total",
      help: "Requests to a client's configuration endpoint (RFC 7592) without a registration access token, answered 401 without reading the client, by service and method",
      labelNames: ["service", "method"],
      registers: [registry],
    }),
    pool: new client.Gauge({
      name: "registrar_db_pool_connections",
      help: "The database pool: its connections (total, idle) and the queries waiting for one (waiting)",
      labelNames: ["state"],
      registers: [registry],
      collect() {
        const usage = poolUsage();
        this.set({ state: "total" }, usage.totalCount);
        this.set({ state: "idle" }, usage.idleCount);
        this.set({ state: "waiting" }, usage.waitingCount);
      },
    }),
  };
}

const globalForMetrics = globalThis as unknown as { registrarMetrics?: ReturnType<typeof createMetrics> };
const metrics = (globalForMetrics.registrarMetrics ??= createMetrics());

/**
 * One request: its interface, its route pattern (e.g. `/register/{clientId}`), method, status (`aborted` when the
 * connection closed before the response was written) and duration.
 */
export function countRequest(labels: { interface: RequestInterface; route: string; method: string; status: number | "aborted" }, seconds: number) {
  const values = { interface: labels.interface, route: labels.route, method: labels.method, status: String(labels.status) };
  metrics.requests.inc(values);
  metrics.requestDuration.observe(values, seconds);
}

/** One client registered in `serviceId` through `interfaceName` (the caller's interface). */
export function countRegistration(serviceId: string, interfaceName: string) {
  metrics.registrations.inc({ service: serviceId, interface: interfaceName });
}

/** One failed check of a credential of this kind. */
export function countCredentialFailure(kind: CredentialKind) {
  metrics.credentialFailures.inc({ kind });
}

/** One request refused because its address is throttled for this kind of credential. */
export function countThrottled(kind: CredentialKind) {
  metrics.throttled.inc({ kind });
}

/**
 * One request to a client's configuration endpoint without a token: counted here instead of an audit event of
 * its own, since anyone may send any number of them (refuseAnonymous in lib/registration/service.ts).
 */
export function countTokenlessRequest(serviceId: string, method: "GET" | "PUT" | "DELETE") {
  metrics.tokenless.inc({ service: serviceId, method });
}

/** This process's count of requests without a token, per service and method, since it started. */
export async function tokenlessRequestCounts(): Promise<{ serviceId: string; method: string; count: number }[]> {
  const { values } = await metrics.tokenless.get();
  return values.map((v) => ({ serviceId: String(v.labels.service), method: String(v.labels.method), count: v.value }));
}

/** The exposition (Prometheus text format) and its content type. */
export async function exposition(): Promise<{ contentType: string; body: string }> {
  return { contentType: metrics.registry.contentType, body: await metrics.registry.metrics() };
}
