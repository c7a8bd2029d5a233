import { NextResponse, type NextRequest } from "next/server";
import { requestPathHeader } from "@/lib/auth/return-path";
import { contentSecurityPolicy, pageSecurityHeaders } from "@/lib/http/security-headers";

// Every page request: the path for server components (they cannot see the URL; sign-in needs it for
// `next` — any value a client sends is replaced), a fresh CSP nonce that Next.js puts on its own inline
// scripts, and the security headers.
export function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set(requestPathHeader, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  for (const [name, value] of Object.entries(pageSecurityHeaders(https))) response.headers.set(name, value);
  return response;
}

export const config = {
  // Pages only: not the auth API, assets, or the machine-facing protocol paths.
  matcher: ["/((?!api/|_next/|register|\\.well-known/|favicon\\.ico|demo-logos/).*)"],
};
