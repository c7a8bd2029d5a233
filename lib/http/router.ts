import type { IncomingMessage, ServerResponse } from "node:http";

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

/**
 * The process's HTTP entry point. Machine-facing protocol paths are answered here, straight from the
 * registration core, because Next.js's request path costs several times what the work itself does
 * (docs/BENCHMARKS.md); everything else — the console, its server actions, /api/auth, /api/health — goes to Next.js.
 */
export function createRequestListener(next: Handler): Handler {
  // Without a proxy that vouches for the client address (TRUSTED_IP_HEADER), the address is the socket's:
  // a client-sent x-registrar-client-ip would let it dodge the per-address sign-in limit.
  const behindProxy = Boolean(process.env.TRUSTED_IP_HEADER);
  return (req, res) => {
    if (!behindProxy) req.headers["x-registrar-client-ip"] = req.socket.remoteAddress ?? "";
    return next(req, res);
  };
}
