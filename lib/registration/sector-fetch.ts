import dns from "node:dns";
import https from "node:https";
import net from "node:net";
import tls from "node:tls";
import { config } from "@/lib/config";

// Fetching a client's sector_identifier_uri (OpenID Connect Registration §5), a URL the client chose: only over
// https, without redirects, within a time and a size limit, and never from an address inside the network the
// service runs in (SSRF). The host is resolved once, every address it resolves to is checked, and the
// connection goes to a checked address — a DNS answer that changes between check and connect cannot swap it.
// What the document must say is the core's rule (sector-identifier.ts).

export const sectorFetchSettings = {
  /** The whole fetch, from lookup to the last byte. */
  timeoutMs: 5_000,
  maxBytes: 64 * 1024,
  /** Extra trusted CA certificates (PEM), besides the system's: for tests that serve the document themselves. */
  ca: undefined as string | undefined,
};

/** The document's text, or what went wrong, worded to follow "sector_identifier_uri ". */
export type SectorFetch = { ok: true; text: string } | { ok: false; problem: string };

/**
 * Addresses no fetch may reach: this host, private networks, link-local, unique-local, CGNAT, multicast,
 * documentation and reserved ranges, and IPv6 forms that carry an IPv4 address (NAT64, 6to4, Teredo). BlockList
 * matches an IPv4-mapped IPv6 address (`::ffff:a.b.c.d`) by its IPv4 address.
 */
const internal = new net.BlockList();
for (const [prefix, bits] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.0.2.0", 24], ["192.88.99.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["198.51.100.0", 24],
  ["203.0.113.0", 24], ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const) internal.addSubnet(prefix, bits, "ipv4");
for (const [prefix, bits] of [
  ["::", 128], ["::1", 128], ["64:ff9b::", 96], ["64:ff9b:1::", 48], ["100::", 64], ["2001::", 32],
  ["2001:db8::", 32], ["2002::", 16], ["fc00::", 7], ["fe80::", 10], ["fec0::", 10], ["ff00::", 8],
] as const) internal.addSubnet(prefix, bits, "ipv6");

/** Whether `address` (an IP literal) is one no fetch may reach. */
export function isInternalAddress(address: string): boolean {
  const family = net.isIP(address);
  return family === 0 || internal.check(address, family === 4 ? "ipv4" : "ipv6");
}

class InternalAddress extends Error {}

type LookupResult = { address: string; family: number };

/** A `lookup` for the connection: resolves the host and refuses it when any of its addresses is internal. */
function checkedLookup(allowInternal: boolean) {
  return (hostname: string, options: dns.LookupOptions, callback: (error: Error | null, address: string | LookupResult[], family?: number) => void) => {
    dns.lookup(hostname, { all: true, family: options.family, hints: options.hints }, (error, addresses) => {
      if (error) return callback(error, "");
      if (!allowInternal && addresses.some((a) => isInternalAddress(a.address))) return callback(new InternalAddress(), "");
      if (options.all) callback(null, addresses);
      else callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

/** Fetches the document at `uri` under the limits above; never throws. */
export function fetchSectorDocument(uri: string): Promise<SectorFetch> {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return Promise.resolve({ ok: false, problem: "is not a URL" });
  }
  if (url.protocol !== "https:") return Promise.resolve({ ok: false, problem: "must be an https URL" });
  const allowInternal = config().sectorFetchAllowPrivate;
  const literal = url.hostname.replace(/^\[(.*)\]$/, "$1");
  if (net.isIP(literal) && !allowInternal && isInternalAddress(literal)) return Promise.resolve({ ok: false, problem: "names a private, loopback or link-local address, which the service does not fetch from" });
  const { timeoutMs, maxBytes, ca } = sectorFetchSettings;

  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: SectorFetch) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      resolve(outcome);
    };
    const timer = setTimeout(() => finish({ ok: false, problem: `did not answer within ${timeoutMs / 1000} seconds` }), timeoutMs);
    const request = https.get(
      url,
      {
        agent: false,
        lookup: checkedLookup(allowInternal) as unknown as net.LookupFunction,
        ca: ca ? [...tls.rootCertificates, ca] : undefined,
        headers: { Accept: "application/json" },
      },
      (response) => {
        const status = response.statusCode ?? 0;
        if (status >= 300 && status < 400) return finish({ ok: false, problem: `answered with a redirect (HTTP ${status}); it must be served at this URL itself` });
        if (status !== 200) return finish({ ok: false, problem: `answered HTTP ${status} instead of 200` });
        if (Number(response.headers["content-length"]) > maxBytes) return finish({ ok: false, problem: `is larger than ${maxBytes} bytes` });
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) finish({ ok: false, problem: `is larger than ${maxBytes} bytes` });
          else chunks.push(chunk);
        });
        response.on("end", () => finish({ ok: true, text: Buffer.concat(chunks).toString("utf8") }));
        response.on("error", () => finish({ ok: false, problem: "could not be fetched (the connection failed while reading)" }));
      },
    );
    request.on("error", (error: NodeJS.ErrnoException) =>
      finish({
        ok: false,
        problem:
          error instanceof InternalAddress
            ? "resolves to a private, loopback or link-local address, which the service does not fetch from"
            : `could not be fetched (${error.code ?? error.message})`,
      }),
    );
  });
}
