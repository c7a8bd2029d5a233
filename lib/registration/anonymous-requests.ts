// Requests to a client's configuration endpoint (RFC 7592 §2) that present no registration access token are
// answered 401 without touching the client's row or writing an audit event of their own: anyone can send them,
// as many as they like. They are counted here instead, in this process, per service and per method, for a
// metrics endpoint to expose. The counts start at zero when the process starts.

/** The RFC 7592 method a request without a token used (read, update, delete). */
export type ManagementMethod = "GET" | "PUT" | "DELETE";

export type AnonymousRequestCount = { serviceId: string; method: ManagementMethod; count: number };

// On globalThis, like the pool (lib/db.ts): the launcher's protocol endpoints and Next.js's bundle (where a
// metrics route would read them) load this module separately.
const globalForCounts = globalThis as unknown as { registrarAnonymousRequests?: Map<string, AnonymousRequestCount> };
const counts = (globalForCounts.registrarAnonymousRequests ??= new Map());

/** Counts one request without a token. Only live services reach the core, so the map grows with services, not with requests. */
export function countAnonymousRequest(serviceId: string, method: ManagementMethod) {
  const key = `${method} ${serviceId}`;
  const entry = counts.get(key);
  if (entry) entry.count++;
  else counts.set(key, { serviceId, method, count: 1 });
}

/** The counts since this process started, per service and method (a copy). */
export function anonymousRequestCounts(): AnonymousRequestCount[] {
  return [...counts.values()].map((entry) => Object.assign({}, entry));
}
