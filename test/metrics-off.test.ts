import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProtocolServer, type ProtocolServer } from "./support/protocol-server";

// Without METRICS_TOKEN there is no /metrics (test/metrics.test.ts: with it).

let server: ProtocolServer;
beforeAll(async () => {
  delete process.env.METRICS_TOKEN;
  server = await startProtocolServer();
});
afterAll(async () => {
  await server.close();
});

describe("[OPERATIONS][METRICS] /metrics without METRICS_TOKEN", () => {
  it("is not there: 404 with or without a bearer token, and no metrics in the body", async () => {
    for (const headers of [{}, { Authorization: "Bearer anything-at-all-0123456789abcdef0123" }] as Record<string, string>[]) {
      const response = await fetch(`${server.url}/metrics`, { headers });
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain("registrar_");
    }
  });
});
