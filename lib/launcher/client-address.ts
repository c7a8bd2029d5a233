import type { IncomingMessage } from "node:http";
import { BlockList, isIP } from "node:net";
import { config, type ProxyTrust } from "@/lib/config";
import { clientAddressHeader } from "@/lib/request-headers";

// The client's address, decided once per request by the launcher and handed to everything that needs it: the
// protocols' throttle and audit events (as an argument), the console's actions, the sign-in audit events and
// better-auth's sign-in rate limit (through clientAddressHeader, pinned on the request). A proxy appends the
// address it received the request from to X-Forwarded-For (or the configured header): only the entries the
// trusted proxies wrote, read from the right, are believed; whatever the client sent before them is not, or it
// could dodge the per-address limits, lock out someone else's address or forge the audit log.

/** An entry of the forwarding header as an IP address, or null when it is none (`unknown`, a name, garbage). */
export function forwardedAddress(entry: string): string | null {
  let value = entry.trim();
  if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^[\d.]+:\d{1,5}$/.test(value)) value = value.slice(0, value.indexOf(":"));
  return isIP(value) ? value.toLowerCase() : null;
}

/**
 * The entries of the forwarding header, left to right. `Forwarded` (RFC 7239 §4) gives each hop's `for=`
 * parameter; any other header (X-Forwarded-For and the like) is a comma-separated list of addresses.
 */
function forwardingEntries(req: IncomingMessage, header: string): string[] {
  const raw = req.headers[header];
  const value = Array.isArray(raw) ? raw.join(",") : raw;
  if (!value) return [];
  const entries = value.split(",");
  if (header !== "forwarded") return entries;
  return entries.map((element) => {
    const pair = element.split(";").find((p) => p.trim().toLowerCase().startsWith("for="));
    return pair ? pair.trim().slice(4) : "";
  });
}

const proxyLists = new WeakMap<readonly string[], BlockList>();
/** The trusted proxies as a BlockList (IPv4-mapped IPv6 addresses match their IPv4 rules). */
function trustedProxyList(proxies: readonly string[]): BlockList {
  let list = proxyLists.get(proxies);
  if (!list) {
    list = new BlockList();
    for (const entry of proxies) {
      const [address, prefix] = entry.split("/") as [string, string | undefined];
      const type = isIP(address) === 6 ? "ipv6" : "ipv4";
      if (prefix === undefined) list.addAddress(address, type);
      else list.addSubnet(address, Number(prefix), type);
    }
    proxyLists.set(proxies, list);
  }
  return list;
}

const isTrusted = (list: BlockList, address: string) => list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");

/**
 * The client's address (README, Configuration: TRUSTED_PROXY_HOPS, TRUSTED_PROXIES, TRUSTED_IP_HEADER):
 * - no proxy trusted: the socket's address, whatever the headers say;
 * - `hops` proxies in front: the socket's peer is the last proxy, and each proxy appended the address it was
 *   reached from, so the client is the hops-th entry from the right (fewer entries: the leftmost one);
 * - a list of trusted proxies: when the socket's peer is one of them, the header is walked from the right,
 *   skipping trusted addresses, and the first untrusted address is the client.
 * An entry that is not an IP address ends the walk: the client is then the last address a trusted hop vouched for.
 */
export function clientAddress(req: IncomingMessage, trust: ProxyTrust = config().proxyTrust): string | null {
  const peer = req.socket.remoteAddress ? forwardedAddress(req.socket.remoteAddress) : null;
  if (!peer) return null;
  if (trust.kind === "hops" && trust.hops === 0) return peer;
  const list = trust.kind === "proxies" ? trustedProxyList(trust.proxies) : null;
  if (list && !isTrusted(list, peer)) return peer;
  const entries = forwardingEntries(req, trust.header);
  let address = peer;
  for (let hop = 1; hop <= entries.length; hop++) {
    if (trust.kind === "hops" && hop > trust.hops) break;
    const forwarded = forwardedAddress(entries[entries.length - hop]!);
    if (!forwarded) break;
    address = forwarded;
    if (list && !isTrusted(list, forwarded)) break;
  }
  return address;
}

/** Decides the request's client address and pins it on the request for the code Next.js runs. */
export function pinClientAddress(req: IncomingMessage, trust?: ProxyTrust): string | null {
  const address = clientAddress(req, trust);
  req.headers[clientAddressHeader] = address ?? "";
  return address;
}
