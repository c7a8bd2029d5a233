import type { IncomingMessage } from "node:http";

// The client's address, decided once per request by the launcher and handed to everything that needs it: the
// protocols' throttle and audit events (as an argument), the console's actions and better-auth's sign-in rate
// limit (through the clientAddressHeader it pins on the request).

/** The request header that carries the address the launcher decided on; any value a client sends is replaced. */
export const clientAddressHeader = "x-registrar-client-ip";

/** The one header a trusted reverse proxy sets with the client's address (TRUSTED_IP_HEADER), if any. */
const trustedProxyHeader = () => process.env.TRUSTED_IP_HEADER?.split(",")[0]?.trim().toLowerCase() || undefined;

/**
 * The client's address: the first address of the trusted proxy's header when TRUSTED_IP_HEADER names one, else
 * the socket's. Without a proxy that vouches for it, a client-sent header would let a client dodge the
 * per-address limits and put any address in the audit log.
 */
export function clientAddress(req: IncomingMessage, proxyHeader = trustedProxyHeader()): string | null {
  const forwarded = proxyHeader ? req.headers[proxyHeader] : undefined;
  const value = Array.isArray(forwarded) ? forwarded[0] : forwarded;
  return value?.split(",")[0]?.trim() || req.socket.remoteAddress || null;
}

/** Decides the request's client address and pins it on the request for the code Next.js runs. */
export function pinClientAddress(req: IncomingMessage, proxyHeader = trustedProxyHeader()): string | null {
  const address = clientAddress(req, proxyHeader);
  req.headers[clientAddressHeader] = address ?? "";
  return address;
}
