import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { TLSSocket } from "node:tls";
import { requestPathHeader } from "@/lib/auth/return-path";
import { contentSecurityPolicy, pageSecurityHeaders } from "./security-headers";

// Every console page request, before Next.js sees it: the path for server components (they cannot see the
// URL; sign-in needs it for `next` — any value a client sends is replaced), a fresh CSP nonce that Next.js
// puts on its own inline scripts, and the security headers. Done here rather than in a Next.js proxy
// (middleware), whose per-request machinery cost the clients list about 8 % of its server time (measured
// against the same build with the proxy, requests alternating).

/** Paths that are not pages: the auth API and health check, assets, the machine-facing protocol paths. */
const notPages = /^\/(?:api\/|_next\/|register(?:\/|$)|\.well-known\/|favicon\.ico$|demo-logos\/)/;

export function preparePageRequest(req: IncomingMessage, res: ServerResponse, path: string) {
  if (notPages.test(path)) {
    delete req.headers[requestPathHeader];
    return;
  }
  const nonce = Buffer.from(randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  req.headers[requestPathHeader] = req.url ?? path;
  req.headers["x-nonce"] = nonce;
  // Next.js takes the nonce for its inline scripts from the request's policy.
  req.headers["content-security-policy"] = csp;
  res.setHeader("Content-Security-Policy", csp);
  const https = Boolean((req.socket as TLSSocket).encrypted) || req.headers["x-forwarded-proto"] === "https";
  for (const [name, value] of Object.entries(pageSecurityHeaders(https))) res.setHeader(name, value);
}
