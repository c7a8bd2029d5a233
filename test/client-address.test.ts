import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { parseConfig, type ProxyTrust } from "@/lib/config";
import { pinClientAddress } from "@/lib/launcher/client-address";
import { throttledAddress } from "@/lib/registration/throttle";

/** The x-registrar-client-ip that Next.js (and so the sign-in rate limiter and the audit log) sees. */
function clientAddressSeen(headers: Record<string, string>, socketAddress: string, trust: ProxyTrust) {
  const req = { headers, socket: { remoteAddress: socketAddress } } as unknown as IncomingMessage;
  const decided = pinClientAddress(req, trust);
  expect(req.headers["x-registrar-client-ip"]).toBe(decided ?? "");
  return decided;
}

const noProxy: ProxyTrust = { kind: "hops", hops: 0, header: "x-forwarded-for" };
const oneHop: ProxyTrust = { kind: "hops", hops: 1, header: "x-forwarded-for" };
const twoHops: ProxyTrust = { kind: "hops", hops: 2, header: "x-forwarded-for" };
const trustedList: ProxyTrust = { kind: "proxies", proxies: ["10.0.0.0/8", "::1", "2001:db8:ffff::/48"], header: "x-forwarded-for" };

describe("[AUTH] client address for the sign-in rate limit, the throttle and the audit log", () => {
  it("is the socket's address when no proxy is trusted, whatever the client sends", () => {
    expect(clientAddressSeen({ "x-registrar-client-ip": "198.51.100.1" }, "203.0.113.9", noProxy)).toBe("203.0.113.9");
    expect(clientAddressSeen({ "x-forwarded-for": "198.51.100.1" }, "203.0.113.9", noProxy)).toBe("203.0.113.9");
    expect(clientAddressSeen({ forwarded: "for=198.51.100.1" }, "203.0.113.9", noProxy)).toBe("203.0.113.9");
    expect(clientAddressSeen({}, "203.0.113.9", noProxy)).toBe("203.0.113.9");
  });

  it("behind one proxy, is the entry that proxy appended, not one the client sent before it; a client-sent x-registrar-client-ip is replaced", () => {
    expect(clientAddressSeen({ "x-forwarded-for": "198.51.100.1" }, "10.0.0.2", oneHop)).toBe("198.51.100.1");
    expect(clientAddressSeen({ "x-forwarded-for": "198.51.100.1", "x-registrar-client-ip": "192.0.2.66" }, "10.0.0.2", oneHop)).toBe("198.51.100.1");
    expect(clientAddressSeen({ "x-forwarded-for": "192.0.2.66, 198.51.100.1" }, "10.0.0.2", oneHop)).toBe("198.51.100.1");
    expect(clientAddressSeen({ "x-forwarded-for": "spoofed,192.0.2.66 ,  198.51.100.1" }, "10.0.0.2", oneHop)).toBe("198.51.100.1");
    expect(clientAddressSeen({}, "10.0.0.2", oneHop)).toBe("10.0.0.2");
  });

  it("behind two proxies, is the second entry from the right (the first proxy's view of the client)", () => {
    expect(clientAddressSeen({ "x-forwarded-for": "192.0.2.66, 198.51.100.1, 10.1.1.1" }, "10.0.0.2", twoHops)).toBe("198.51.100.1");
    // Fewer entries than hops: the leftmost one there is.
    expect(clientAddressSeen({ "x-forwarded-for": "198.51.100.1" }, "10.0.0.2", twoHops)).toBe("198.51.100.1");
  });

  it("with a list of trusted proxies, walks X-Forwarded-For from the right past trusted addresses, only when the socket's peer is trusted", () => {
    expect(clientAddressSeen({ "x-forwarded-for": "192.0.2.66, 198.51.100.1, 10.1.1.1, 10.2.2.2" }, "10.0.0.2", trustedList)).toBe("198.51.100.1");
    expect(clientAddressSeen({ "x-forwarded-for": "192.0.2.66, 2001:db8::7, 2001:db8:ffff::1" }, "::1", trustedList)).toBe("2001:db8::7");
    // An untrusted peer's header is not read at all.
    expect(clientAddressSeen({ "x-forwarded-for": "192.0.2.66" }, "203.0.113.9", trustedList)).toBe("203.0.113.9");
    // An IPv4-mapped peer matches its IPv4 rule.
    expect(clientAddressSeen({ "x-forwarded-for": "198.51.100.1" }, "::ffff:10.0.0.2", trustedList)).toBe("198.51.100.1");
    // Every entry trusted: the leftmost.
    expect(clientAddressSeen({ "x-forwarded-for": "10.9.9.9, 10.1.1.1" }, "10.0.0.2", trustedList)).toBe("10.9.9.9");
  });

  it("never takes an entry that is not an IP address: the walk stops at the last address a trusted hop vouched for", () => {
    expect(clientAddressSeen({ "x-forwarded-for": "198.51.100.1, not-an-ip" }, "10.0.0.2", oneHop)).toBe("10.0.0.2");
    expect(clientAddressSeen({ "x-forwarded-for": "198.51.100.1, unknown" }, "10.0.0.2", oneHop)).toBe("10.0.0.2");
    expect(clientAddressSeen({ "x-forwarded-for": "198.51.100.1, 999.1.1.1" }, "10.0.0.2", oneHop)).toBe("10.0.0.2");
    expect(clientAddressSeen({ "x-forwarded-for": "<script>, 10.1.1.1" }, "10.0.0.2", trustedList)).toBe("10.1.1.1");
    expect(clientAddressSeen({ "x-forwarded-for": "" }, "10.0.0.2", oneHop)).toBe("10.0.0.2");
  });

  it("reads an address with a port or in brackets, as some proxies write it", () => {
    expect(clientAddressSeen({ "x-forwarded-for": "198.51.100.1:53122" }, "10.0.0.2", oneHop)).toBe("198.51.100.1");
    expect(clientAddressSeen({ "x-forwarded-for": "[2001:DB8::7]:443" }, "10.0.0.2", oneHop)).toBe("2001:db8::7");
  });

  it("reads the standard Forwarded header's for= parameters when it is the configured header (RFC 7239)", () => {
    const forwarded = (hops: number): ProxyTrust => ({ kind: "hops", hops, header: "forwarded" });
    const headers = { forwarded: 'for=192.0.2.66;proto=https, for="[2001:db8::7]:4711";by=10.1.1.1, for=10.1.1.1' };
    expect(clientAddressSeen(headers, "10.0.0.2", forwarded(1))).toBe("10.1.1.1");
    expect(clientAddressSeen(headers, "10.0.0.2", forwarded(2))).toBe("2001:db8::7");
    expect(clientAddressSeen({ forwarded: "for=_hidden, for=198.51.100.1" }, "10.0.0.2", forwarded(2))).toBe("198.51.100.1");
    expect(clientAddressSeen({ forwarded: "for=unknown" }, "10.0.0.2", forwarded(1))).toBe("10.0.0.2");
  });
});

describe("[CONFIG] TRUSTED_PROXY_HOPS, TRUSTED_PROXIES and TRUSTED_IP_HEADER", () => {
  const base = { DATABASE_URL: "postgresql://u:p@localhost/db", REGISTRAR_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"), AUTH_SECRET: "x".repeat(32) };
  const trust = (env: Record<string, string>) => parseConfig({ ...base, ...env }).proxyTrust;

  it("trusts no proxy by default, and TRUSTED_IP_HEADER alone keeps its meaning: one proxy that appends to that header", () => {
    expect(trust({})).toEqual({ kind: "hops", hops: 0, header: "x-forwarded-for" });
    expect(trust({ TRUSTED_IP_HEADER: "X-Real-IP" })).toEqual({ kind: "hops", hops: 1, header: "x-real-ip" });
    expect(trust({ TRUSTED_PROXY_HOPS: "2" })).toEqual({ kind: "hops", hops: 2, header: "x-forwarded-for" });
    expect(trust({ TRUSTED_PROXY_HOPS: "0", TRUSTED_IP_HEADER: "x-forwarded-for" })).toEqual({ kind: "hops", hops: 0, header: "x-forwarded-for" });
    expect(trust({ TRUSTED_PROXIES: "10.0.0.0/8, ::1", TRUSTED_IP_HEADER: "forwarded" })).toEqual({ kind: "proxies", proxies: ["10.0.0.0/8", "::1"], header: "forwarded" });
  });

  it("refuses a bad value, naming the variable and the rule", () => {
    expect(() => trust({ TRUSTED_PROXY_HOPS: "one" })).toThrow(/TRUSTED_PROXY_HOPS must be a whole number of proxies/);
    expect(() => trust({ TRUSTED_PROXY_HOPS: "-1" })).toThrow(/TRUSTED_PROXY_HOPS must be a whole number of proxies/);
    expect(() => trust({ TRUSTED_PROXIES: "10.0.0.0/33,proxy.internal" })).toThrow(/TRUSTED_PROXIES must be IP addresses or CIDR blocks separated by commas \(not "10.0.0.0\/33", "proxy.internal"\)/);
    expect(() => trust({ TRUSTED_PROXIES: " , " })).toThrow(/TRUSTED_PROXIES must list at least one address/);
    expect(() => trust({ TRUSTED_IP_HEADER: "x-forwarded-for, x-real-ip" })).toThrow(/TRUSTED_IP_HEADER must be one HTTP header name/);
    expect(() => trust({ TRUSTED_PROXY_HOPS: "1", TRUSTED_PROXIES: "10.0.0.1" })).toThrow(/TRUSTED_PROXY_HOPS and TRUSTED_PROXIES must not both be set/);
  });
});

describe("[GUESSING] what the throttle counts by", () => {
  it("an IPv4 address as it is, an IPv4-mapped IPv6 address as its IPv4 address", () => {
    expect(throttledAddress("198.51.100.7")).toBe("198.51.100.7");
    expect(throttledAddress("::ffff:198.51.100.7")).toBe("198.51.100.7");
    expect(throttledAddress("::FFFF:c633:6407")).toBe("198.51.100.7");
  });

  it("an IPv6 address by its /64, however it is written", () => {
    expect(throttledAddress("2001:db8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(throttledAddress("2001:0DB8:0001:0002:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:1:2::/64");
    expect(throttledAddress("2001:db8:1:3::1")).not.toBe(throttledAddress("2001:db8:1:2::1"));
    expect(throttledAddress("::1")).toBe("0:0:0:0::/64");
    expect(throttledAddress("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
  });
});
