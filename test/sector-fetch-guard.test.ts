import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isInternalAddress } from "@/lib/registration/sector-fetch";
import { startProtocolServer, type ProtocolServer } from "./support/protocol-server";

// The SSRF guard of the sector_identifier_uri fetch (lib/registration/sector-fetch.ts), without the test-only
// override: a client cannot make the service fetch from this machine or its networks.

let server: ProtocolServer;
beforeAll(async () => {
  delete process.env.REGISTRAR_SECTOR_FETCH_ALLOW_PRIVATE;
  server = await startProtocolServer();
});
afterAll(async () => {
  await server.close();
});

async function register(sector: string) {
  const response = await fetch(`${server.url}/register`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ redirect_uris: ["https://app.example.com/cb"], sector_identifier_uri: sector }),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe("[CORE][OIDC-DCR §5] the sector_identifier_uri fetch reaches only public addresses", () => {
  it("an address literal of this machine or a private network: refused without a connection", async () => {
    for (const host of ["127.0.0.1", "10.0.0.8", "169.254.169.254", "[::1]", "[fd00::1]", "[::ffff:127.0.0.1]"]) {
      const response = await register(`https://${host}/sector.json`);
      expect(response.status, host).toBe(400);
      expect(response.json).toEqual({
        error: "invalid_client_metadata",
        error_description: "sector_identifier_uri names a private, loopback or link-local address, which the service does not fetch from",
      });
    }
  });

  it("a name that resolves to this machine: refused after the lookup", async () => {
    const response = await register("https://localhost/sector.json");
    expect(response.status).toBe(400);
    expect(response.json.error_description).toBe("sector_identifier_uri resolves to a private, loopback or link-local address, which the service does not fetch from");
  });

  it("classifies IPv4 and IPv6 ranges: loopback, private, link-local, unique-local, CGNAT, multicast and mapped forms are internal", () => {
    const internal = ["127.0.0.1", "0.0.0.0", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "100.127.255.254", "224.0.0.1", "255.255.255.255",
      "::", "::1", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "64:ff9b::a00:1", "2002:a00:1::1"];
    const external = ["8.8.8.8", "::ffff:8.8.8.8", "93.184.216.34", "172.32.0.1", "100.128.0.1", "192.169.0.1", "2606:4700:4700::1111", "2a00:1450:4001::200e"];
    for (const address of internal) expect(isInternalAddress(address), address).toBe(true);
    for (const address of external) expect(isInternalAddress(address), address).toBe(false);
  });
});
