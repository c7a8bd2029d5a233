// Every security header Registrar sends, set by the launcher (listener.ts, page-headers.ts) before a response
// leaves: the machine-facing protocol answers, the console's pages, and what else Next.js serves.

/** Protocol answers (JSON for client software): nothing in them may be rendered, framed or followed. */
export const protocolSecurityHeaders: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
};

/** Everything Next.js serves: assets, the auth API, the health check, and (with pageSecurityHeaders) pages. */
export const baseSecurityHeaders: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
};

/**
 * The console's content security policy. Scripts run only with the per-request nonce Next.js puts on its own
 * inline scripts; nothing may frame the console; forms post only to it.
 */
export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts the nonced ones load are trusted; 'unsafe-eval' only for React's dev tooling.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React and Radix set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    // Client logos are https URLs chosen by each client.
    "img-src 'self' data: blob: https:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}

/** Headers for every console page besides its policy; HSTS only when the console is served over https. */
export function pageSecurityHeaders(https: boolean): Record<string, string> {
  const headers: Record<string, string> = Object.assign({}, baseSecurityHeaders, {
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    "Cross-Origin-Opener-Policy": "same-origin",
  });
  if (https) headers["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains";
  return headers;
}
