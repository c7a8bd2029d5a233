import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { pinClientAddress } from "@/lib/http/client-address";

/** The x-registrar-client-ip that Next.js (and so the sign-in rate limiter and the audit log) sees. */
function clientAddressSeen(sent: string | undefined, socketAddress: string, behindProxy: boolean) {
  const req = { headers: sent ? { "x-registrar-client-ip": sent } : {}, socket: { remoteAddress: socketAddress } } as unknown as IncomingMessage;
  pinClientAddress(req, behindProxy);
  return req.headers["x-registrar-client-ip"];
}

describe("[AUTH] client address for the sign-in rate limit", () => {
  it("is the socket's address when no proxy is declared, whatever the client sends", () => {
    expect(clientAddressSeen("198.51.100.1", "203.0.113.9", false)).toBe("203.0.113.9");
    expect(clientAddressSeen(undefined, "203.0.113.9", false)).toBe("203.0.113.9");
  });

  it("is the trusted proxy's header when TRUSTED_IP_HEADER declares one", () => {
    expect(clientAddressSeen("198.51.100.1", "10.0.0.2", true)).toBe("198.51.100.1");
  });
});
