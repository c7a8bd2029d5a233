import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { db } from "@/lib/db";
import { createRequestListener } from "@/lib/launcher/listener";
import { hashToken } from "@/lib/registration/credentials";
import { ServicePolicySchema, type ServicePolicyInput } from "@/lib/registration/policy";
import { savePolicy } from "@/lib/registration/store";

export type ProtocolServer = {
  url: string;
  serviceId: string;
  apiKey: string;
  setPolicy: (policy?: ServicePolicyInput) => Promise<void>;
  close: () => Promise<void>;
};

/**
 * The process's real HTTP listener (lib/launcher/listener.ts) on a free port, with a default service of its own;
 * paths it does not answer get a plain 404 where the app would hand them to Next.js. Call it before anything
 * reads the configuration: it sets the issuer and service id of this test file's process.
 */
export async function startProtocolServer(): Promise<ProtocolServer> {
  const server = http.createServer(
    createRequestListener((_req, res) => {
      res.writeHead(404).end("next.js");
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const serviceId = `proto-${randomBytes(4).toString("hex")}`;
  const apiKey = randomBytes(32).toString("base64url");
  process.env.REGISTRAR_ISSUER = url;
  process.env.REGISTRAR_SERVICE_ID = serviceId;
  await db().service.create({ data: { id: serviceId, name: "Protocol tests", apiKeyHash: Buffer.from(hashToken(apiKey)).toString("hex") } });
  return {
    url,
    serviceId,
    apiKey,
    async setPolicy(policy = {}) {
      await savePolicy(serviceId, ServicePolicySchema.parse(policy));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A suite's protocol server: started before its tests, closed after them, its policy reset to the default before
 * each test. Read it inside tests (or hooks), once started.
 */
export function protocolServerPerSuite(): ProtocolServer {
  let server: ProtocolServer | undefined;
  beforeAll(async () => {
    server = await startProtocolServer();
  });
  afterAll(async () => {
    await server?.close();
  });
  beforeEach(async () => {
    await server!.setPolicy({});
  });
  const started = () => server ?? (() => { throw new Error("the protocol server is not started yet: use it inside a test or a hook"); })();
  return new Proxy({} as ProtocolServer, { get: (_, key: keyof ProtocolServer) => started()[key] });
}
