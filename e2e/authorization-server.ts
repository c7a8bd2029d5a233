import http from "node:http";
import type { AddressInfo } from "node:net";
import { Authlete } from "@authlete/typescript-sdk";
import type { ClientRegistrationResponse, ClientRegistrationResponseAction } from "@authlete/typescript-sdk/models";

// A small authorization server written against Authlete's API, for the end-to-end tests: its client
// registration endpoint (RFC 7591 §3, `POST /register`) and client configuration endpoint (RFC 7592 §2,
// `GET|PUT|DELETE /register/{client_id}`) do exactly what the Authlete SDK's documentation of
// `dynamicClientRegistration.register/get/update/delete` tells an authorization server to do: hand the
// client's request to the API, answer with the HTTP status the `action` names, and send `responseContent` as
// the body. It is pointed at Registrar's Authlete-compatible API, and serves nothing else (no discovery).

export type AuthorizationServer = {
  /** Its base URL, e.g. http://127.0.0.1:41234. */
  url: string;
  /** Its client registration endpoint; each client's configuration endpoint is below it. */
  registrationEndpoint: string;
  close(): Promise<void>;
};

type Options = { authleteURL: string; apiKey: string; serviceId: string };

/**
 * The HTTP status for each action, as the SDK's documentation of each method gives it ("The authorization server
 * implementation should generate a response with ..."); DELETED is "204 No Content" without a body.
 */
const statusOf: Record<ClientRegistrationResponseAction, number> = {
  INTERNAL_SERVER_ERROR: 500,
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  CREATED: 201,
  OK: 200,
  UPDATED: 200,
  DELETED: 204,
};

/** Starts the server on a free port of 127.0.0.1. */
export async function startAuthorizationServer({ authleteURL, apiKey, serviceId }: Options): Promise<AuthorizationServer> {
  const authlete = new Authlete({ bearer: apiKey, serverURL: authleteURL });

  async function handle(req: http.IncomingMessage): Promise<{ status: number; headers: Record<string, string>; body?: string }> {
    const path = new URL(req.url ?? "/", "http://as.invalid").pathname;
    const clientPath = /^\/register\/([^/]+)$/.exec(path);
    const allowed = clientPath ? ["GET", "PUT", "DELETE"] : ["POST"];
    if (path !== "/register" && !clientPath) return (req.resume(), { status: 404, headers: {} });
    if (!allowed.includes(req.method ?? "")) return (req.resume(), { status: 405, headers: { Allow: allowed.join(", ") } });

    // RFC 7591 §3 / RFC 7592 §2: the initial access token or the registration access token, as a Bearer token.
    const token = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? "")?.[1];
    const api = authlete.dynamicClientRegistration;
    let response: ClientRegistrationResponse;
    if (!clientPath) {
      response = await api.register({ serviceId, requestBody: { json: await text(req), token } });
    } else {
      // The SDK's types want a token string for RFC 7592 calls: none presented is an empty one, which the API
      // takes as no token (an UNAUTHORIZED action).
      const requestBody = { clientId: decodeURIComponent(clientPath[1]!), token: token ?? "" };
      if (req.method === "PUT") response = await api.update({ serviceId, requestBody: { ...requestBody, json: await text(req) } });
      else {
        req.resume();
        response = await (req.method === "GET" ? api.get({ serviceId, requestBody }) : api.delete({ serviceId, requestBody }));
      }
    }

    const status = statusOf[response.action ?? "INTERNAL_SERVER_ERROR"];
    const headers: Record<string, string> = { "Cache-Control": "no-store", Pragma: "no-cache" };
    if (status === 204) return { status, headers };
    headers["Content-Type"] = "application/json";
    // RFC 6750 §3: a 401 from a resource protected by a Bearer token carries its challenge, with
    // error="invalid_token" only when a token was presented (§3.1). Authlete's documentation shows the status
    // and body only; the challenge is the authorization server's part.
    if (status === 401) headers["WWW-Authenticate"] = token ? `Bearer error="invalid_token"` : "Bearer";
    return { status, headers, body: response.responseContent ?? "" };
  }

  const server = http.createServer((req, res) => {
    handle(req)
      .catch(() => ({
        // The API call itself failed (Registrar unreachable, the API key refused): the server's own error, as
        // the documentation's INTERNAL_SERVER_ERROR.
        status: 500,
        headers: { "Content-Type": "application/json", "Cache-Control": "no-store", Pragma: "no-cache" },
        body: JSON.stringify({ error: "server_error", error_description: "The authorization server could not process the request" }),
      }))
      .then(({ status, headers, body }) => res.writeHead(status, headers).end(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    registrationEndpoint: `${url}/register`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections(); // the clients' kept-alive connections
      }),
  };
}

function text(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
