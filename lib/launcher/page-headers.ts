import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { TLSSocket } from "node:tls";
import { nonceHeader, requestPathHeader } from "@/lib/request-headers";
import { baseSecurityHeaders, contentSecurityPolicy, pageSecurityHeaders } from "./security-headers";

// Every request Next.js answers, before Next.js sees it: the security headers, and for a console page the path
// for server components (they cannot see the URL; sign-in needs it for `next` — any value a client sends is
// replaced) and a fresh CSP nonce that Next.js puts on its own inline scripts. Done here rather than in a
// Next.js proxy (middleware), whose per-request machinery costs every page (docs/BENCHMARKS.md).

/** Paths Next.js serves that are not pages: the auth API and health check, assets. */
const notPages = /^\/(?:api\/|_next\/|favicon\.ico$|demo-logos\/)/;

export function preparePageRequest(req: IncomingMessage, res: ServerResponse, path: string) {
  if (notPages.test(path)) {
    delete req.headers[requestPathHeader];
    for (const [name, value] of Object.entries(baseSecurityHeaders)) res.setHeader(name, value);
    return;
  }
  const nonce = Buffer.from(randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  req.headers[requestPathHeader] = req.url ?? path;
  req.headers[nonceHeader] = nonce;
  // Next.js takes the nonce for its inline scripts from the request's policy.
  req.headers["content-security-policy"] = csp;
  res.setHeader("Content-Security-Policy", csp);
  const https = Boolean((req.socket as TLSSocket).encrypted) || req.headers["x-forwarded-proto"] === "https";
  for (const [name, value] of Object.entries(pageSecurityHeaders(https))) res.setHeader(name, value);
}
