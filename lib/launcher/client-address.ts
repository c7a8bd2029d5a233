import type { IncomingMessage } from "node:http";
import { clientAddressHeader } from "@/lib/request-headers";

// The client's address, decided once per request by the launcher and handed to everything that needs it: the
// protocols' throttle and audit events (as an argument), the console's actions and better-auth's sign-in rate
// limit (through clientAddressHeader, pinned on the request).

/** The one header a trusted reverse proxy sets with the client's address (TRUSTED_IP_HEADER), if any. */
const trustedProxyHeader = () => process.env.TRUSTED_IP_HEADER?.split(",")[0]?.trim().toLowerCase() || undefined;

/**
 * The client's address: with TRUSTED_IP_HEADER, the last address in that header — the one the trusted proxy
 * wrote; entries before it (`X-Forwarded-For: <anything>, <client>`) are whatever the client sent, and would let
 * it dodge the per-address limits or forge the audit log. Without a trusted proxy, the socket's address.
 */
export function clientAddress(req: IncomingMessage, proxyHeader = trustedProxyHeader()): string | null {
  const forwarded = proxyHeader ? req.headers[proxyHeader] : undefined;
  const value = Array.isArray(forwarded) ? forwarded[forwarded.length - 1] : forwarded;
  return value?.split(",").pop()?.trim() || req.socket.remoteAddress || null;
}

/** Decides the request's client address and pins it on the request for the code Next.js runs. */
export function pinClientAddress(req: IncomingMessage, proxyHeader = trustedProxyHeader()): string | null {
  const address = clientAddress(req, proxyHeader);
  req.headers[clientAddressHeader] = address ?? "";
  return address;
}
