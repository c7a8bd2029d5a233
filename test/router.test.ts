import type { IncomingMessage, ServerResponse } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { createRequestListener } from "@/lib/http/router";

/** The x-registrar-client-ip that Next.js (and so the sign-in rate limiter) sees for one request. */
function clientIpSeen(sent: string | undefined, socketAddress: string) {
  let seen: string | string[] | undefined;
  const listener = createRequestListener((req) => void (seen = req.headers["x-registrar-client-ip"]));
  const req = { headers: sent ? { "x-registrar-client-ip": sent } : {}, socket: { remoteAddress: socketAddress } };
  void listener(req as unknown as IncomingMessage, {} as ServerResponse);
  return seen;
}

afterEach(() => {
  delete process.env.TRUSTED_IP_HEADER;
});

describe("[AUTH] client address for the sign-in rate limit", () => {
  it("is the socket's address when no proxy is declared, whatever the client sends", () => {
    expect(clientIpSeen("198.51.100.1", "203.0.113.9")).toBe("203.0.113.9");
    expect(clientIpSeen(undefined, "203.0.113.9")).toBe("203.0.113.9");
  });

  it("is the trusted proxy's header when TRUSTED_IP_HEADER declares one", () => {
    process.env.TRUSTED_IP_HEADER = "x-registrar-client-ip";
    expect(clientIpSeen("198.51.100.1", "10.0.0.2")).toBe("198.51.100.1");
  });
});
