import { execFileSync } from "node:child_process";
import fs from "node:fs";
import https from "node:https";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { sectorFetchSettings } from "@/lib/registration/sector-fetch";
import { startProtocolServer, type ProtocolServer } from "./support/protocol-server";

// OpenID Connect Dynamic Client Registration 1.0 §5 over real HTTP: the service fetches the client's
// sector_identifier_uri from a real https server (a certificate made for this test; the test-only override lets
// the fetch reach this machine) and refuses a registration or update whose redirect URIs it does not list.

process.env.REGISTRAR_SECTOR_FETCH_ALLOW_PRIVATE = "1";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "registrar-sector-"));
execFileSync("openssl", [
  "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1",
  "-keyout", path.join(dir, "key.pem"), "-out", path.join(dir, "cert.pem"),
  "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
], { stdio: "ignore" });
const cert = fs.readFileSync(path.join(dir, "cert.pem"), "utf8");

/** What the sector host serves at each path, and how often each was fetched. */
const documents = new Map<string, { status?: number; headers?: Record<string, string>; body?: string; hang?: boolean }>();
const fetches = new Map<string, number>();
const sectorHost = https.createServer({ key: fs.readFileSync(path.join(dir, "key.pem")), cert }, (req, res) => {
  fetches.set(req.url!, (fetches.get(req.url!) ?? 0) + 1);
  const document = documents.get(req.url!);
  if (!document) return res.writeHead(404).end();
  if (document.hang) return; // never answers
  res.writeHead(document.status ?? 200, Object.assign({ "Content-Type": "application/json" }, document.headers)).end(document.body);
});

let server: ProtocolServer;
let sectorBase: string;
beforeAll(async () => {
  server = await startProtocolServer();
  await new Promise<void>((resolve) => sectorHost.listen(0, "127.0.0.1", resolve));
  sectorBase = `https://localhost:${(sectorHost.address() as AddressInfo).port}`;
  sectorFetchSettings.ca = cert;
});
afterAll(async () => {
  sectorHost.closeAllConnections();
  await new Promise<void>((resolve) => sectorHost.close(() => resolve()));
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  sectorFetchSettings.timeoutMs = 5_000;
});

const app = "https://app.example.com/callback";
const silent = "https://app.example.com/silent";

async function call(method: string, path: string, body: unknown, token?: string) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { "Content-Type": "application/json", ...(token && { Authorization: `Bearer ${token}` }) },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

/** Serves `body` at a fresh path of the sector host; returns its URL. */
function serve(body: unknown, extra: { status?: number; headers?: Record<string, string>; hang?: boolean } = {}): string {
  const at = `/sector-${documents.size}.json`;
  documents.set(at, Object.assign({ body: typeof body === "string" ? body : JSON.stringify(body) }, extra));
  return `${sectorBase}${at}`;
}
const fetchesOf = (url: string) => fetches.get(new URL(url).pathname) ?? 0;
const clientCount = () => db().client.count({ where: { serviceId: server.serviceId } });

/** A refused registration: 400 invalid_client_metadata naming sector_identifier_uri, and nothing written. */
async function expectRefused(metadata: Record<string, unknown>, saying: string) {
  const before = await clientCount();
  const response = await call("POST", "/register", metadata);
  expect(response.status).toBe(400);
  expect(response.json.error).toBe("invalid_client_metadata");
  expect(response.json.error_description).toContain("sector_identifier_uri");
  expect(response.json.error_description).toContain(saying);
  expect(await clientCount()).toBe(before);
}

describe("[PROTOCOL][OIDC-DCR §5] sector_identifier_uri on registration", () => {
  it("a document listing every redirect URI: registered, after one fetch", async () => {
    const sector = serve([app, silent, "https://other.example.com/cb"]);
    const response = await call("POST", "/register", { redirect_uris: [app, silent], subject_type: "pairwise", sector_identifier_uri: sector });
    expect(response.status).toBe(201);
    expect(response.json.sector_identifier_uri).toBe(sector);
    expect(fetchesOf(sector)).toBe(1);
  });

  it("a redirect URI the document does not list: refused, naming it", async () => {
    await expectRefused({ redirect_uris: [app, silent], sector_identifier_uri: serve([app]) }, `does not list "${silent}"`);
  });

  it("a document that is not a JSON array of strings, or not JSON: refused, saying so", async () => {
    await expectRefused({ redirect_uris: [app], sector_identifier_uri: serve({ redirect_uris: [app] }) }, "must be a JSON array of strings");
    await expectRefused({ redirect_uris: [app], sector_identifier_uri: serve([app, 7]) }, "must be a JSON array of strings");
    await expectRefused({ redirect_uris: [app], sector_identifier_uri: serve("<html>not json</html>") }, "its document is not JSON");
  });

  it("an answer other than 200, a redirect, a document over 64 kB: refused, saying which", async () => {
    await expectRefused({ redirect_uris: [app], sector_identifier_uri: serve("", { status: 500 }) }, "answered HTTP 500");
    const redirect = serve("", { status: 302, headers: { Location: serve([app]) } });
    await expectRefused({ redirect_uris: [app], sector_identifier_uri: redirect }, "answered with a redirect (HTTP 302)");
    const huge = [app, ...Array.from({ length: 3000 }, (_, i) => `https://padding.example.com/${i}`)];
    expect(JSON.stringify(huge).length).toBeGreaterThan(64 * 1024);
    await expectRefused({ redirect_uris: [app], sector_identifier_uri: serve(huge) }, "is larger than 65536 bytes");
  });

  it("a host that does not answer in time, or cannot be reached: refused, saying which", async () => {
    sectorFetchSettings.timeoutMs = 300;
    await expectRefused({ redirect_uris: [app], sector_identifier_uri: serve("", { hang: true }) }, "did not answer within 0.3 seconds");
    const closed = https.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expectRefused({ redirect_uris: [app], sector_identifier_uri: `https://127.0.0.1:${port}/sector.json` }, "could not be fetched (ECONNREFUSED)");
  });

  it("a certificate the service does not trust: refused as unreachable", async () => {
    sectorFetchSettings.ca = undefined;
    try {
      await expectRefused({ redirect_uris: [app], sector_identifier_uri: serve([app]) }, "could not be fetched");
    } finally {
      sectorFetchSettings.ca = cert;
    }
  });
});

describe("[PROTOCOL][OIDC-DCR §5] sector_identifier_uri on update", () => {
  it("RFC 7592 PUT: fetched again only when the URI or the redirect URIs change", async () => {
    const sector = serve([app]);
    const registered = await call("POST", "/register", { redirect_uris: [app], sector_identifier_uri: sector });
    expect(registered.status).toBe(201);
    const { client_id } = registered.json as { client_id: string };
    // The policy may rotate the token on every update (RFC 7592 §2.2): always use the latest.
    let token = registered.json.registration_access_token as string;
    const put = async (document: Record<string, unknown>) => {
      const response = await call("PUT", `/register/${client_id}`, document, token);
      if (response.status === 200) token = response.json.registration_access_token as string;
      return response;
    };
    const metadata = { client_id, redirect_uris: [app], sector_identifier_uri: sector };

    // Unchanged URI and redirect URIs: not fetched, even though the document no longer lists them.
    documents.set(new URL(sector).pathname, { body: "[]" });
    const renamed = await put({ ...metadata, client_name: "Renamed" });
    expect(renamed.status).toBe(200);
    expect(fetchesOf(sector)).toBe(1);

    // A new redirect URI the document does not list: fetched and refused, nothing written.
    documents.set(new URL(sector).pathname, { body: JSON.stringify([app]) });
    const refused = await put({ ...metadata, redirect_uris: [app, silent] });
    expect(refused.status).toBe(400);
    expect(refused.json).toMatchObject({ error: "invalid_client_metadata" });
    expect(refused.json.error_description).toBe(`sector_identifier_uri must list every redirect URI of the client; its document does not list "${silent}"`);
    expect(fetchesOf(sector)).toBe(2);
    expect((await db().client.findUniqueOrThrow({ where: { clientId: client_id } })).version).toBe(2);

    // A new URI whose document lists them both: accepted.
    const moved = serve([app, silent]);
    const accepted = await put({ ...metadata, redirect_uris: [app, silent], sector_identifier_uri: moved });
    expect(accepted.status).toBe(200);
    expect(accepted.json).toMatchObject({ redirect_uris: [app, silent], sector_identifier_uri: moved });
    expect(fetchesOf(moved)).toBe(1);
  });

  it("a wrong registration access token: refused before anything is fetched", async () => {
    const sector = serve([app]);
    const registered = await call("POST", "/register", { redirect_uris: [app], sector_identifier_uri: sector });
    const { client_id } = registered.json as { client_id: string };
    const other = serve([app]);
    const response = await call("PUT", `/register/${client_id}`, { client_id, redirect_uris: [app], sector_identifier_uri: other }, "not-the-token");
    expect(response.status).toBe(401);
    expect(fetchesOf(other)).toBe(0);
  });

  it("Authlete-compatible update: a redirect URI the new document does not list is refused (BAD_REQUEST)", async () => {
    const sector = serve([app]);
    const registered = await call("POST", "/register", { redirect_uris: [app], sector_identifier_uri: sector });
    const { client_id, registration_access_token: token } = registered.json as { client_id: string; registration_access_token: string };
    const update = (json: Record<string, unknown>) =>
      fetch(`${server.url}/api/${server.serviceId}/client/registration/update`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${server.apiKey}` },
        body: JSON.stringify({ clientId: client_id, token, json: JSON.stringify(json) }),
      }).then(async (r) => (await r.json()) as { action: string; responseContent: string });
    const refused = await update({ client_id, redirect_uris: [app, silent], sector_identifier_uri: sector });
    expect(refused.action).toBe("BAD_REQUEST");
    expect(JSON.parse(refused.responseContent)).toMatchObject({ error: "invalid_client_metadata", error_description: expect.stringContaining(`does not list "${silent}"`) });
    documents.set(new URL(sector).pathname, { body: JSON.stringify([app, silent]) });
    expect((await update({ client_id, redirect_uris: [app, silent], sector_identifier_uri: sector })).action).toBe("UPDATED");
  });
});
