// The request headers the launcher (lib/launcher) sets on every request it hands to Next.js, for the pages, server
// actions and better-auth to read. Whatever value a client sends in them is replaced.

/** The client's address, as the launcher decided it (lib/launcher/client-address.ts). */
export const clientAddressHeader = "x-registrar-client-ip";

/** On page requests: the path and query being rendered (server components cannot see the URL). */
export const requestPathHeader = "x-registrar-path";

/** On page requests: the CSP nonce Next.js puts on its inline scripts, and the layout on its own. */
export const nonceHeader = "x-nonce";

/** On every request: its id, as the response's X-Request-Id shows it and every log line of the request carries it. */
export const requestIdHeader = "x-request-id";
