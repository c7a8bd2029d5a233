// URI checks shared by the metadata rules. Browser-safe (no Node.js modules).

const decOctet = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
const ipv4Literal = new RegExp(`^${decOctet}(?:\\.${decOctet}){3}$`);

/** Whether the text is an IPv4 address in dotted-decimal form (RFC 3986 §3.2.2 IPv4address). */
export const isIPv4Literal = (text: string) => ipv4Literal.test(text);

/**
 * The eight 16-bit groups of an IPv6 address (RFC 4291 §2.2: `::` compression and a trailing dotted IPv4
 * part allowed), or null when the text is not one.
 */
export function ipv6Groups(text: string): number[] | null {
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const parts = halves.map((half) => (half === "" ? [] : half.split(":")));
  const last = parts[parts.length - 1]!;
  const tail = last[last.length - 1];
  if (tail?.includes(".")) {
    if (!isIPv4Literal(tail)) return null;
    const octets = tail.split(".").map(Number);
    last.splice(-1, 1, ((octets[0]! << 8) | octets[1]!).toString(16), ((octets[2]! << 8) | octets[3]!).toString(16));
  }
  const groups = parts.flat();
  if (!groups.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) return null;
  if (halves.length === 1 ? groups.length !== 8 : groups.length > 7) return null;
  const values = groups.map((g) => parseInt(g, 16));
  if (halves.length === 1) return values;
  const head = parts[0]!.length;
  return [...values.slice(0, head), ...Array<number>(8 - values.length).fill(0), ...values.slice(head)];
}

/** Parses an absolute URI; null when the string is not one. */
export function parseAbsoluteUri(value: string): URL | null {
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(value)) return null;
  if (/[\s\u0000-\u001f\u007f]/.test(value)) return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** The URI's scheme, lower-cased, without the colon. */
export function schemeOf(url: URL): string {
  return url.protocol.slice(0, -1).toLowerCase();
}

/** The host without IPv6 brackets, lower-cased. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
}

/** RFC 8252 §7.3 loopback: the IP literals, and `localhost` (§8.3 discourages it but clients use it). */
export function isLoopbackHost(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}

/** Whether a host matches one of the allowed host patterns (`example.com` or `*.example.com`). */
export function hostAllowed(host: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => {
    const p = pattern.toLowerCase();
    return p.startsWith("*.") ? host.endsWith(p.slice(1)) && host.length > p.length - 1 : host === p;
  });
}

/** An absolute http(s) URL with a host. */
export function isWebUrl(value: string): boolean {
  const url = parseAbsoluteUri(value);
  return !!url && (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "";
}

export function isHttpsUrl(value: string): boolean {
  const url = parseAbsoluteUri(value);
  return !!url && url.protocol === "https:" && url.hostname !== "";
}

/** The path under which every service but the default one is served: `/s/{serviceId}/register`, and so on. */
export const servicePathPrefix = "/s/";

/**
 * A service's issuer, the public base URL its endpoints and discovery hang under: the configured issuer for the
 * default service (REGISTRAR_SERVICE_ID), which keeps `/register` and the root `.well-known` documents, and
 * `{issuer}/s/{serviceId}` for every other service. Its registration endpoint, its clients'
 * `registration_client_uri` and its discovery documents all derive from it.
 */
export const serviceIssuer = (baseIssuer: string, serviceId: string, defaultServiceId: string) =>
  serviceId === defaultServiceId ? baseIssuer : `${baseIssuer}${servicePathPrefix}${encodeURIComponent(serviceId)}`;

/** The path of the client registration endpoint (RFC 7591 §3), under the issuer. */
export const registrationEndpointPath = "/register";

/** The client registration endpoint of a service whose public base URL is `issuer` (RFC 7591 §3, RFC 8414 §2). */
export const registrationEndpoint = (issuer: string) => `${issuer}${registrationEndpointPath}`;

/**
 * A client's configuration endpoint, its `registration_client_uri` (RFC 7592 §3): under the service's
 * registration management endpoint when one is set (an authorization server in front of Registrar), else under
 * Registrar's own registration endpoint.
 */
export const clientConfigurationEndpoint = (issuer: string, clientId: string, managementEndpoint?: string | null) =>
  `${managementEndpoint ?? registrationEndpoint(issuer)}/${encodeURIComponent(clientId)}`;

/**
 * A service id: chosen when the service is created and never changed, because it stands in the service's
 * URLs (its endpoints under `/s/{serviceId}`, the Authlete-compatible API's `/api/{serviceId}`, the console's
 * `/services/{serviceId}`). Letters, digits, `.`, `_` and `-`, starting with a letter or digit; numeric ids are
 * allowed, as Authlete's are numbers.
 */
export const serviceIdPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
