import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { startProtocolServer, type ProtocolServer } from "./support/protocol-server";

// Bad input on the machine-facing interfaces: every body, however malformed, gets a clear JSON error with
// the right status, nothing is written, and the process keeps serving.

let server: ProtocolServer;
let client: { client_id: string; registration_access_token: string };
beforeAll(async () => {
  server = await startProtocolServer();
  await server.setPolicy({ rotateRegistrationAccessTokenOnUpdate: false });
  client = await post("/register", JSON.stringify({ redirect_uris: ["https://hardening.example.com/cb"] })).then((r) => r.json as typeof client);
});
afterAll(async () => {
  await server.close();
});

async function post(path: string, body: string | Uint8Array, { method = "POST", headers = {} as Record<string, string> } = {}) {
  const response = await fetch(`${server.url}${path}`, { method, headers: { "Content-Type": "application/json", ...headers }, body: body as BodyInit });
  const text = await response.text();
  let json: Record<string, unknown> | null = null;
  try {
    json = JSON.parse(text);
  } catch {
    /* asserted below */
  }
  return { status: response.status, json, text, contentType: response.headers.get("content-type") };
}

const counts = async () => ({
  clients: await db().client.count({ where: { serviceId: server.serviceId } }),
  revisions: await db().clientRevision.count({ where: { client: { serviceId: server.serviceId } } }),
});

function expectRfcError(response: Awaited<ReturnType<typeof post>>, status: number, error?: string) {
  expect(response.status).toBe(status);
  expect(response.contentType).toBe("application/json");
  expect(typeof response.json?.error).toBe("string");
  expect(typeof response.json?.error_description).toBe("string");
  if (error) expect(response.json!.error).toBe(error);
}

describe("[HARDENING][INPUT] RFC endpoints", () => {
  it("any JSON body gives a client (201) or a 400 with an RFC error, never a 5xx or a partial write", async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), async (value) => {
        const before = await counts();
        const response = await post("/register", JSON.stringify(value));
        const after = await counts();
        if (response.status === 201) {
          expect(after).toEqual({ clients: before.clients + 1, revisions: before.revisions + 1 });
        } else {
          expectRfcError(response, 400);
          expect(after).toEqual(before);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("any byte string as a body gives a JSON error (or a client), never a 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        const response = await post("/register", bytes);
        if (response.status !== 201) expectRfcError(response, 400);
      }),
      { numRuns: 60 },
    );
  });

  it("any body for an update gives 200 or a 400 that changed nothing", async () => {
    const stored = () => db().client.findUniqueOrThrow({ where: { clientId: client.client_id } });
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom("client_id", "redirect_uris", "client_name", "grant_types", "jwks", "contacts", "__proto__", "constructor"), fc.jsonValue({ maxDepth: 2 })), async (body) => {
        const before = await stored();
        const response = await post(`/register/${client.client_id}`, JSON.stringify(body), { method: "PUT", headers: { Authorization: `Bearer ${client.registration_access_token}` } });
        const after = await stored();
        if (response.status === 200) expect(after.version).toBe(before.version + 1);
        else {
          expectRfcError(response, 400);
          expect({ version: after.version, metadata: after.metadata }).toEqual({ version: before.version, metadata: before.metadata });
        }
      }),
      { numRuns: 40 },
    );
  });

  it("__proto__ and constructor members are dropped without polluting anything", async () => {
    const response = await post("/register", '{"redirect_uris":["https://proto.example.com/cb"],"__proto__":{"polluted":true,"client_name":"evil"},"constructor":{"prototype":{"polluted":true}}}');
    expect(response.status).toBe(201);
    expect(response.json).not.toHaveProperty("client_name");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(response.json!)).not.toContain("__proto__");
  });

  it.each([
    ["a control character", { redirect_uris: ["https://a.example.com/cb"], client_name: "bad\u0007name" }, "client_name must not contain control characters"],
    ["a very long string", { redirect_uris: ["https://a.example.com/cb"], client_name: "x".repeat(5000) }, "client_name must be at most 2048 characters"],
    ["too many redirect URIs", { redirect_uris: Array.from({ length: 51 }, (_, i) => `https://a.example.com/${i}`) }, "redirect_uris must have at most 50 entries"],
    ["too many contacts", { redirect_uris: ["https://a.example.com/cb"], contacts: Array.from({ length: 21 }, (_, i) => `c${i}@a.example.com`) }, "contacts must have at most 20 entries"],
    ["a data: redirect URI", { redirect_uris: ["data:text/html,<script>alert(1)</script>"] }, "redirect_uris[0] must not use the data: scheme"],
    ["a wrong type", { redirect_uris: "https://a.example.com/cb" }, "redirect_uris must be an array of strings"],
  ])("refuses %s, naming the member and the rule", async (_label, body, description) => {
    const before = await counts();
    const response = await post("/register", JSON.stringify(body));
    expectRfcError(response, 400);
    expect(String(response.json!.error_description)).toContain(description);
    expect(await counts()).toEqual(before);
  });

  it("refuses deeply nested JSON and huge bodies cleanly, and keeps serving", async () => {
    const deep = `{"redirect_uris":["https://a.example.com/cb"],"jwks":${"[".repeat(20_000)}${"]".repeat(20_000)}}`;
    expectRfcError(await post("/register", deep), 400);
    expectRfcError(await post("/register", `{"client_name":"${"x".repeat(200_000)}"}`), 413);
    expect((await post("/register", JSON.stringify({ redirect_uris: ["https://still.example.com/cb"] }))).status).toBe(201);
  });
});

describe("[HARDENING][INPUT] the Authlete-compatible API", () => {
  it("any API body gives HTTP 200 with an action register may return, or a 400 {resultCode, resultMessage}, never a 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.record({ json: fc.string(), token: fc.option(fc.string(), { nil: undefined }) })), async (body) => {
        const response = await post(`/api/${server.serviceId}/client/registration`, JSON.stringify(body), { headers: { Authorization: `Bearer ${server.apiKey}` } });
        expect([200, 400]).toContain(response.status);
        // A token presented in open mode is checked as an initial access token (these are not ones) once the
        // client's body has parsed as JSON.
        const tokenPresented = typeof body === "object" && body !== null && "token" in body && typeof body.token === "string" && body.token.trim() !== "";
        if (response.status === 200) expect(tokenPresented ? ["BAD_REQUEST"] : ["CREATED", "BAD_REQUEST"]).toContain(response.json!.action);
        else expect(response.json).toEqual({ resultCode: "R-API-4000", resultMessage: expect.stringMatching(/^\[R-API-4000\] /) });
      }),
      { numRuns: 60 },
    );
  });
});
