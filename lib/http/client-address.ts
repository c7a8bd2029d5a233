import type { IncomingMessage } from "node:http";

/** The request header better-auth reads the client address from (lib/auth/auth.ts), unless TRUSTED_IP_HEADER names another. */
export const clientAddressHeader = "x-registrar-client-ip";

/**
 * Without a proxy that vouches for the client address (TRUSTED_IP_HEADER), the address is the socket's:
 * a client-sent header would let it dodge the per-address sign-in limit and put any address in the audit log.
 */
export function pinClientAddress(req: IncomingMessage, behindProxy = Boolean(process.env.TRUSTED_IP_HEADER)) {
  if (!behindProxy) req.headers[clientAddressHeader] = req.socket.remoteAddress ?? "";
}
