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

// RFC 3986's character classes (§2.1 pct-encoded, §2.2 sub-delims, §2.3 unreserved), as regex fragments.
const unreserved = "A-Za-z0-9\\-._~";
const subDelims = "!$&'()*+,;=";
const pctEncoded = "%[0-9A-Fa-f]{2}";
const pchar = `(?:[${unreserved}${subDelims}:@]|${pctEncoded})`;
const regName = new RegExp(`^(?:[${unreserved}${subDelims}]|${pctEncoded})*$`);
const userinfo = new RegExp(`^(?:[${unreserved}${subDelims}:]|${pctEncoded})*$`);
const pathChars = new RegExp(`^(?:${pchar}|/)*$`);
const queryChars = new RegExp(`^(?:${pchar}|[/?])*$`);
const ipvFuture = new RegExp(`^v[0-9A-Fa-f]+\\.[${unreserved}${subDelims}:]+$`);

/** RFC 3986 Appendix B: scheme, authority, path, query, fragment of any string. */
const components = /^(?:([^:/?#]+):)?(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/s;

const characterNames = new Map([[" ", "a space"], ["\t", "a tab"], ["\n", "a line break"], ["\r", "a line break"], ["\\", "a backslash"]]);

/** Schemes whose URIs must name a host (RFC 9110 §4.2: an empty host is invalid for http and https). */
const schemesWithHost = ["http", "https"];

/** What uriSyntaxProblem says of a text without a scheme (a relative reference, or no URI at all). */
export const noScheme = "it has no scheme (RFC 3986 §3.1)";

/**
 * What keeps the text from being an absolute URI (RFC 3986 §4.3) whose http(s) form has a host, as a clause
 * (`it contains a backslash …`), or null when it is one. The raw text is checked against the grammar, component by component: the WHATWG URL
 * parser that browsers use repairs many invalid inputs (backslashes, missing slashes, spaces, tabs and
 * newlines, ports past 65535) into valid URLs, and that repair must not decide what a client registered.
 */
export function uriSyntaxProblem(text: string): string | null {
  if (!/^[^:/?#]+:/.test(text)) return noScheme;
  const bad = /[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/.exec(text);
  if (bad) {
    const ch = bad[0];
    const what = characterNames.get(ch) ?? (/[\u0000-\u001f\u007f]/.test(ch) ? "a control character" : `"${ch}"`);
    return `it contains ${what} (RFC 3986 §2: only ASCII letters, digits and the URI delimiters, anything else percent-encoded)`;
  }
  if (/%(?![0-9A-Fa-f]{2})/.test(text)) return "it has a % that does not start a percent-encoded octet such as %20 (RFC 3986 §2.1)";
  const [, scheme, authority, path = "", query, fragment] = components.exec(text)!;
  if (scheme === undefined || !/^[A-Za-z][A-Za-z0-9+.-]*$/.test(scheme)) return noScheme;
  const needsHost = schemesWithHost.includes(scheme.toLowerCase());
  if (authority === undefined) {
    if (needsHost) return `it has no "//" and host after "${scheme}:" (RFC 3986 §3.2)`;
  } else {
    const problem = authorityProblem(authority, needsHost);
    if (problem) return problem;
  }
  if (!pathChars.test(path)) return "its path contains [ or ] (RFC 3986 §3.3)";
  if (query !== undefined && !queryChars.test(query)) return "its query contains [, ] or # (RFC 3986 §3.4)";
  if (fragment !== undefined && !queryChars.test(fragment)) return "its fragment contains [, ] or a second # (RFC 3986 §3.5)";
  return null;
}

/** The problem of an authority (`[userinfo@]host[:port]`, RFC 3986 §3.2), or null. */
function authorityProblem(authority: string, needsHost: boolean): string | null {
  const at = authority.lastIndexOf("@");
  if (at >= 0 && !userinfo.test(authority.slice(0, at))) return "its user information contains @, [ or ] (RFC 3986 §3.2.1)";
  const hostPort = authority.slice(at + 1);
  const literal = /^\[([^\]]*)\](.*)$/.exec(hostPort);
  let host: string;
  let port: string | undefined;
  if (literal) {
    host = literal[1]!;
    if (!ipv6Groups(host) && !ipvFuture.test(host)) return "its host between [ and ] is not an IPv6 address (RFC 3986 §3.2.2)";
    if (literal[2] !== "" && !literal[2]!.startsWith(":")) return "it has something other than :port after the ] of its host (RFC 3986 §3.2)";
    port = literal[2] === "" ? undefined : literal[2]!.slice(1);
  } else {
    const colon = hostPort.indexOf(":");
    host = colon < 0 ? hostPort : hostPort.slice(0, colon);
    port = colon < 0 ? undefined : hostPort.slice(colon + 1);
    if (!regName.test(host)) return "its host is not a host name or IP address (RFC 3986 §3.2.2)";
  }
  if (needsHost && host === "") return "its host is empty (RFC 3986 §3.2.2)";
  if (port !== undefined && (!/^\d*$/.test(port) || Number(port) > 65535)) return "its port is not a number from 0 to 65535 (RFC 3986 §3.2.3)";
  return null;
}

/** Parses an absolute URI; null when the string is not one by RFC 3986 (uriSyntaxProblem) or by the URL parser. */
export function parseAbsoluteUri(value: string): URL | null {
  if (uriSyntaxProblem(value)) return null;
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
