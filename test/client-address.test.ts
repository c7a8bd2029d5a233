import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { pinClientAddress } from "@/lib/launcher/client-address";

/** The x-registrar-client-ip that Next.js (and so the sign-in rate limiter and the audit log) sees. */
function clientAddressSeen(headers: Record<string, string>, socketAddress: string, proxyHeader?: string) {
  const req = { headers, socket: { remoteAddress: socketAddress } } as unknown as IncomingMessage;
  const decided = pinClientAddress(req, proxyHeader);
  expect(req.headers["x-registrar-client-ip"]).toBe(decided);
  return decided;
}

describe("[AUTH] client address for the sign-in rate limit, the throttle and the audit log", () => {
  it("is the socket's address when no proxy is declared, whatever the client sends", () => {
    expect(clientAddressSeen({ "x-registrar-client-ip": "198.51.100.1" }, "203.0.113.9")).toBe("203.0.113.9");
    expect(clientAddressSeen({ "x-forwarded-for": "198.51.100.1" }, "203.0.113.9")).toBe("203.0.113.9");
    expect(clientAddressSeen({}, "203.0.113.9")).toBe("203.0.113.9");
  });

  it("is the trusted proxy's header when TRUSTED_IP_HEADER declares one, and a client-sent x-registrar-client-ip is replaced", () => {
    expect(clientAddressSeen({ "x-forwarded-for": "198.51.100.1" }, "10.0.0.2", "x-forwarded-for")).toBe("198.51.100.1");
    expect(clientAddressSeen({ "x-forwarded-for": "198.51.100.1", "x-registrar-client-ip": "192.0.2.66" }, "10.0.0.2", "x-forwarded-for")).toBe("198.51.100.1");
  });

  it("behind a proxy that appends to X-Forwarded-For, is the entry the proxy wrote, not one the client sent before it", () => {
    expect(clientAddressSeen({ "x-forwarded-for": "192.0.2.66, 198.51.100.1" }, "10.0.0.2", "x-forwarded-for")).toBe("198.51.100.1");
    expect(clientAddressSeen({ "x-forwarded-for": "spoofed,192.0.2.66 ,  198.51.100.1" }, "10.0.0.2", "x-forwarded-for")).toBe("198.51.100.1");
  });

  it("falls back to the socket's address when the trusted proxy sent no header", () => {
    expect(clientAddressSeen({}, "10.0.0.2", "x-forwarded-for")).toBe("10.0.0.2");
  });
});
