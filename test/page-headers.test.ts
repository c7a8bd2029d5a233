import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestPathHeader } from "@/lib/request-headers";
import { createRequestListener } from "@/lib/launcher/listener";

// What the launcher's request listener hands Next.js for the console's pages (the CSP nonce, the path being
// rendered) and what it answers with, over real HTTP. Next.js is played by a handler that reports the request
// headers it was given. The pages' own rendering under that policy: e2e/ui/security.spec.ts.

let server: http.Server;
let base: string;

beforeAll(async () => {
  const next = (req: http.IncomingMessage, res: http.ServerResponse) => {
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ path: req.headers[requestPathHeader] ?? null, nonce: req.headers["x-nonce"] ?? null, csp: req.headers["content-security-policy"] ?? null }));
  };
  server = http.createServer(createRequestListener(next));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(base + path, { headers });
  return { headers: response.headers, seen: (await response.json()) as { path: string | null; nonce: string | null; csp: string | null } };
}

describe("[SECURITY][HEADERS] console pages through the launcher", () => {
  it("a page gets a nonce-based policy, the same nonce Next.js is given, and the other security headers", async () => {
    const { headers, seen } = await get("/services/default/clients?q=acme");
    const csp = headers.get("content-security-policy")!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(seen.csp).toBe(csp);
    expect(csp).toContain(`'nonce-${seen.nonce}'`);
    expect(headers.get("x-frame-options")).toBe("DENY");
    expect(headers.get("cross-origin-opener-policy")).toBe("same-origin");
    expect(headers.get("strict-transport-security")).toBeNull();
  });

  it("each response has a fresh nonce", async () => {
    const [a, b] = await Promise.all([get("/services/default/clients"), get("/services/default/clients")]);
    expect(a.seen.nonce).not.toBe(b.seen.nonce);
  });

  it("the path being rendered replaces any value the client sent", async () => {
    const { seen } = await get("/services/default/clients/abc/edit?from=list", { [requestPathHeader]: "https://evil.example/" });
    expect(seen.path).toBe("/services/default/clients/abc/edit?from=list");
  });

  it("a path under a protocol's prefix that no protocol answers is handed to Next.js as a page (its not-found page gets a nonce too)", async () => {
    const { headers, seen } = await get("/register/abc/extra");
    expect(seen.nonce).toBeTruthy();
    expect(headers.get("content-security-policy")).toContain(`'nonce-${seen.nonce}'`);
  });

  it("HSTS when the console is reached over https through a proxy", async () => {
    const { headers } = await get("/services/default/clients", { "x-forwarded-proto": "https" });
    expect(headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
  });

  it("the auth API, assets and the health check get no page policy, and a client-sent path header is dropped", async () => {
    for (const path of ["/api/auth/get-session", "/api/health", "/_next/static/chunks/x.js", "/favicon.ico", "/demo-logos/acme.svg"]) {
      const { headers, seen } = await get(path, { [requestPathHeader]: "/services/default/clients" });
      expect(headers.get("content-security-policy"), path).toBeNull();
      expect(seen, path).toEqual({ path: null, nonce: null, csp: null });
      // Not framed as pages, but never sniffed and never leaking the full URL as a referrer either.
      expect(headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(headers.get("referrer-policy"), path).toBe("strict-origin-when-cross-origin");
    }
  });
});
