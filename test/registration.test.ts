import { randomBytes } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { config } from "@/lib/config";
import { decryptSecret, newToken } from "@/lib/registration/credentials";
import { clientInformationResponse, deletedResponse, errorResponse } from "@/lib/protocols/registration";
import { read, register, reissueRegistrationAccessToken, remove, revert, update, type ClientInformation } from "@/lib/registration/service";
import { appRedirect, issue, machineClient, nativeClient, webClient, type Doc } from "./support/metadata";
import {
  administrator,
  anonymous,
  clientRow,
  expectFailure,
  expectOk,
  failure,
  invalidTokenFailure,
  managing,
  missingTokenFailure,
  registerClient,
  revisions,
  selfManaging,
  sha256,
  storedText,
  updateDocument,
} from "./support/registrations";
import { activeClientCount, auditEvents, createInitialAccessToken, createTestService, expectRowChanges, initialAccessToken, type TestService } from "./support/services";
import { statementIssuer, type StatementIssuer } from "./support/software-statements";

// Registration (RFC 7591), its management (RFC 7592) and the revision history through the core's service
// functions, against the real PostgreSQL: what a client or an administrator gets back, what is stored, and that
// a refused request writes nothing.

let service: TestService;
beforeAll(async () => {
  service = await createTestService("registration");
});
beforeEach(async () => {
  await service.setPolicy({});
});

const urlSafe = (bits: number) => new RegExp(`^[A-Za-z0-9_-]{${Math.ceil(bits / 6)}}$`);
const nowSeconds = () => Math.floor(Date.now() / 1000);
const uniqueSoftwareId = () => `sw-${randomBytes(4).toString("hex")}`;
const registered = (document?: Doc) => registerClient(service.id, document);
const readAs = (client: Pick<ClientInformation, "clientId" | "registrationAccessToken">) => read(service.id, managing(client), selfManaging(client.clientId));
const updateAs = (client: ClientInformation, document: Doc) => update(service.id, { ...managing(client), document }, selfManaging(client.clientId));

describe("[CORE][REGISTER] credentials (RFC 7591 §3.2.1)", () => {
  it("[CORE][REGISTER]: a web client gets a URL-safe client id, a 256-bit secret that never expires and a registration access token", async () => {
    const outcome = await expectRowChanges(service.id, { clients: 1, revisions: 1, audits: 1 }, () =>
      register(service.id, { document: webClient({ client_name: "Example" }) }, anonymous),
    );
    const client = expectOk(outcome);
    expect(client).toMatchObject({
      clientId: expect.stringMatching(urlSafe(128)),
      clientSecret: expect.stringMatching(urlSafe(256)),
      clientSecretExpiresAt: 0,
      registrationAccessToken: expect.stringMatching(urlSafe(256)),
      // Not the default service: under its own issuer, `{issuer}/s/{serviceId}` (test/service-isolation.test.ts).
      registrationClientUri: `http://registrar.test/s/${service.id}/register/${client.clientId}`,
      version: 1,
      metadata: { client_name: "Example", redirect_uris: [appRedirect], token_endpoint_auth_method: "client_secret_basic" },
    });
    expect(Math.abs(client.clientIdIssuedAt - nowSeconds())).toBeLessThanOrEqual(5);

    const response = clientInformationResponse(outcome, 201);
    expect(response.status).toBe(201);
    expect(response.headers).toEqual({ "Content-Type": "application/json", "Cache-Control": "no-store", Pragma: "no-cache" });
    expect(JSON.parse(response.body!)).toEqual({
      client_id: client.clientId,
      client_secret: client.clientSecret,
      client_secret_expires_at: 0,
      client_id_issued_at: client.clientIdIssuedAt,
      registration_access_token: client.registrationAccessToken,
      registration_client_uri: client.registrationClientUri,
      ...client.metadata,
    });
  });

  it("[CORE][REGISTER]: every registration gets different credentials", async () => {
    const [a, b] = await Promise.all([registered(), registered()]);
    expect(a.clientId).not.toBe(b.clientId);
    expect(a.clientSecret).not.toBe(b.clientSecret);
    expect(a.registrationAccessToken).not.toBe(b.registrationAccessToken);
  });

  it.each([
    ["none", webClient({ token_endpoint_auth_method: "none" })],
    ["private_key_jwt", machineClient({ token_endpoint_auth_method: "private_key_jwt", jwks_uri: "https://app.example.com/jwks" })],
    ["tls_client_auth", machineClient({ token_endpoint_auth_method: "tls_client_auth", tls_client_auth_subject_dn: "CN=app" })],
  ])("[CORE][REGISTER]: a client authenticating with %s gets no secret", async (_method, document) => {
    const outcome = await register(service.id, { document }, anonymous);
    expect(expectOk(outcome).clientSecret).toBeNull();
    expect((await clientRow(expectOk(outcome).clientId)).secretCiphertext).toBeNull();
    const body = JSON.parse(clientInformationResponse(outcome, 201).body!);
    expect(body).not.toHaveProperty("client_secret");
    expect(body).not.toHaveProperty("client_secret_expires_at");
  });

  it("[CORE][REGISTER]: a public client that asks for HMAC-signed ID tokens gets a secret", async () => {
    const client = await registered(webClient({ token_endpoint_auth_method: "none", id_token_signed_response_alg: "HS256" }));
    expect(client.clientSecret).toMatch(urlSafe(256));
  });

  it("[CORE][REGISTER]: credentials the client supplies are ignored, never stored or echoed", async () => {
    const client = await registered(
      webClient({ client_id: "my-own-id", client_secret: "my-own-secret", client_secret_expires_at: 1, client_id_issued_at: 1, registration_access_token: "mine", registration_client_uri: "https://evil.example/" }),
    );
    expect(client.clientId).not.toBe("my-own-id");
    expect(client.clientSecret).not.toBe("my-own-secret");
    expect(client.registrationAccessToken).not.toBe("mine");
    expect(client.metadata).toEqual(expectOk(await register(service.id, { document: webClient() }, anonymous)).metadata);
  });

  it("[CORE][REGISTER]: client_secret_expires_at follows the policy's secret lifetime", async () => {
    await service.setPolicy({ clientSecretLifetimeSeconds: 3600 });
    const client = await registered();
    expect(Math.abs(client.clientSecretExpiresAt - (nowSeconds() + 3600))).toBeLessThanOrEqual(5);
    expect((await clientRow(client.clientId)).secretExpiresAt).toBe(client.clientSecretExpiresAt);
  });

  it("[CORE][REGISTER]: the secret is stored encrypted with the environment's key, the token only as its SHA-256", async () => {
    const client = await registered();
    const row = await clientRow(client.clientId);
    expect(row.secretCiphertext).toMatch(/^v1\./);
    expect(decryptSecret(row.secretCiphertext!, config().encryptionKey, `${service.id}/${client.clientId}`)).toBe(client.clientSecret);
    expect(() => decryptSecret(row.secretCiphertext!, Buffer.alloc(32, 1), `${service.id}/${client.clientId}`)).toThrow();
    expect(Buffer.from(row.registrationAccessTokenHash!)).toEqual(sha256(client.registrationAccessToken!));
    const stored = storedText(row, await revisions(client.clientId), await auditEvents(service.id));
    expect(stored).not.toContain(client.clientSecret);
    expect(stored).not.toContain(client.registrationAccessToken);
  });

  it("[CORE][REGISTER]: revision 1 'created' holds the metadata and a change set adding every member; the audit event says client.registered", async () => {
    const client = await registered(webClient({ client_name: "Example" }));
    const [revision, ...more] = await revisions(client.clientId);
    expect(more).toEqual([]);
    expect(revision).toMatchObject({ version: 1, kind: "created", metadata: client.metadata, actor: "anonymous", interface: "rfc7591", requestId: "req-register" });
    expect(revision!.changeSet).toEqual(
      Object.keys(client.metadata)
        .sort()
        .map((member) => ({ path: [member], after: client.metadata[member as keyof typeof client.metadata] })),
    );
    const [event] = (await auditEvents(service.id, "client.registered")).filter((e) => e.clientId === client.clientId);
    expect(event).toMatchObject({ actor: "anonymous", outcome: "success", interface: "rfc7591", ip: "192.0.2.10", requestId: "req-register", details: { origin: "dynamic" } });
  });

  it("[CORE][REGISTER]: invalid metadata is a 400 with every issue, the worst code first, and nothing is written", async () => {
    const document = webClient({ redirect_uris: ["https://app.example.com/cb#x"], contacts: ["nobody"] });
    const outcome = await expectRowChanges(service.id, {}, () => register(service.id, { document }, anonymous));
    const issues = [issue("contacts[0]", "must be an e-mail address"), issue("redirect_uris[0]", "must not contain a fragment", "invalid_redirect_uri")];
    expect(expectFailure(outcome)).toEqual({ status: 400, error: "invalid_redirect_uri", description: issues.map((i) => i.message).join("; "), issues });
    const response = errorResponse(expectFailure(outcome));
    expect(response).toEqual({
      status: 400,
      headers: { "Content-Type": "application/json", "Cache-Control": "no-store", Pragma: "no-cache" },
      body: JSON.stringify({ error: "invalid_redirect_uri", error_description: issues.map((i) => i.message).join("; ") }),
    });
  });

  it("[CORE][REGISTER]: a document that is not a JSON object is a 400 and nothing is written", async () => {
    const outcome = await expectRowChanges(service.id, {}, () => register(service.id, { document: "client_name=x" }, anonymous));
    expect(expectFailure(outcome)).toMatchObject({ status: 400, error: "invalid_client_metadata", description: "metadata must be a JSON object" });
  });
});

describe("[CORE][REGISTER] registration modes and limits (RFC 7591 §3, the service policy)", () => {
  const registerWith = (initialAccessToken: string | null, document: Doc = webClient()) => register(service.id, { document, initialAccessToken }, anonymous);

  it("[CORE][REGISTER]: initial-access-token mode without a token: 401 without an error attribute, nothing written", async () => {
    await service.setPolicy({ registrationMode: "initial_access_token" });
    const outcome = await expectRowChanges(service.id, {}, () => registerWith(null));
    expect(expectFailure(outcome)).toEqual(missingTokenFailure);
    expect(errorResponse(expectFailure(outcome)).headers["WWW-Authenticate"]).toBe("Bearer");
  });

  it.each([
    ["unknown", async () => ({ token: newToken() })],
    ["expired", () => createInitialAccessToken(service.id, { expiresAt: new Date(Date.now() - 1000) })],
    ["revoked", () => createInitialAccessToken(service.id, { revokedAt: new Date() })],
    ["used up", () => createInitialAccessToken(service.id, { usesLeft: 0 })],
    ["another service's", async () => createInitialAccessToken((await createTestService("other")).id)],
  ])("[CORE][REGISTER]: an %s initial access token: 401 invalid_token, no client written, the failed check audited", async (_kind, make) => {
    await service.setPolicy({ registrationMode: "initial_access_token" });
    const { token } = await make();
    const outcome = await expectRowChanges(service.id, { audits: 1 }, () => registerWith(token));
    expect(expectFailure(outcome)).toEqual(invalidTokenFailure);
    expect(errorResponse(expectFailure(outcome)).headers["WWW-Authenticate"]).toBe('Bearer error="invalid_token"');
    expect((await auditEvents(service.id)).at(-1)).toMatchObject({ action: "initial_access_token.check", outcome: "failure", interface: "rfc7591" });
  });

  it("[CORE][REGISTER]: a good initial access token registers the client and counts the use", async () => {
    await service.setPolicy({ registrationMode: "initial_access_token" });
    const limited = await createInitialAccessToken(service.id, { usesLeft: 3, expiresAt: new Date(Date.now() + 60_000) });
    const unlimited = await createInitialAccessToken(service.id);
    expectOk(await expectRowChanges(service.id, { clients: 1, revisions: 1, audits: 1 }, () => registerWith(limited.token)));
    expectOk(await registerWith(unlimited.token));
    expect(await initialAccessToken(limited.id)).toMatchObject({ useCount: 1, usesLeft: 2 });
    expect(await initialAccessToken(unlimited.id)).toMatchObject({ useCount: 1, usesLeft: null });
  });

  it("[CORE][REGISTER]: a refused document does not use up the initial access token", async () => {
    await service.setPolicy({ registrationMode: "initial_access_token" });
    const { token, id } = await createInitialAccessToken(service.id, { usesLeft: 1 });
    expectFailure(await registerWith(token, webClient({ redirect_uris: ["javascript:alert(1)"] })));
    expect(await initialAccessToken(id)).toMatchObject({ useCount: 0, usesLeft: 1 });
    expectOk(await registerWith(token));
  });

  it("[CORE][REGISTER]: the last use of an initial access token, raced by 8 registrations, registers exactly one client", async () => {
    await service.setPolicy({ registrationMode: "initial_access_token" });
    const { token, id } = await createInitialAccessToken(service.id, { usesLeft: 1 });
    const outcomes = await expectRowChanges(service.id, { clients: 1, revisions: 1, audits: 8 }, () =>
      Promise.all(Array.from({ length: 8 }, () => registerWith(token))),
    );
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    for (const outcome of outcomes.filter((o) => !o.ok)) expect(expectFailure(outcome)).toEqual(invalidTokenFailure);
    expect(await initialAccessToken(id)).toMatchObject({ useCount: 1, usesLeft: 0 });
    expect(await auditEvents(service.id, "initial_access_token.check").then((events) => events.slice(-7).map((e) => e.outcome))).toEqual(Array(7).fill("failure"));
  });

  it("[CORE][REGISTER]: console-only mode refuses dynamic registration with 403 and writes nothing; the console still registers", async () => {
    await service.setPolicy({ registrationMode: "console_only" });
    const outcome = await expectRowChanges(service.id, {}, () => registerWith(null));
    expect(expectFailure(outcome)).toEqual(failure(403, "access_denied", "Dynamic registration is disabled for this service; clients are registered by an administrator"));
    const client = expectOk(await register(service.id, { document: webClient(), origin: "console" }, administrator));
    expect(await clientRow(client.clientId)).toMatchObject({ origin: "console", selfManaged: true });
  });

  it("[CORE][REGISTER]: a console client with self-management off cannot read, update or delete itself (403), the console can", async () => {
    await service.setPolicy({ consoleClientsSelfManaged: false });
    const client = expectOk(await register(service.id, { document: webClient(), origin: "console" }, administrator));
    const refused = failure(403, "access_denied", "This client may not manage its own registration");
    expect(expectFailure(await readAs(client))).toEqual(refused);
    expect(expectFailure(await updateAs(client, updateDocument(client)))).toEqual(refused);
    expect(expectFailure(await remove(service.id, managing(client), selfManaging(client.clientId)))).toEqual(refused);
    expectOk(await read(service.id, managing(client), administrator));
  });

  it("[CORE][REGISTER]: maxClients refuses one client too many with 403 and writes nothing; a deleted client frees its place", async () => {
    const client = await registered();
    const active = await activeClientCount(service.id);
    await service.setPolicy({ maxClients: active });
    const outcome = await expectRowChanges(service.id, {}, () => registerWith(null));
    expect(expectFailure(outcome)).toEqual(failure(403, "access_denied", `This service accepts at most ${active} clients`));
    expectOk(await remove(service.id, { clientId: client.clientId, administrator: true }, administrator));
    expectOk(await registerWith(null));
  });

  it("[CORE][REGISTER]: blockDuplicateSoftwareId refuses a second client of the same software, and nothing is written", async () => {
    const softwareId = uniqueSoftwareId();
    await registered(webClient({ software_id: softwareId }));
    expectOk(await registerWith(null, webClient({ software_id: softwareId }))); // allowed by default
    await service.setPolicy({ blockDuplicateSoftwareId: true });
    const outcome = await expectRowChanges(service.id, {}, () => registerWith(null, webClient({ software_id: softwareId })));
    const duplicate = issue("software_id", `"${softwareId}" is already registered`);
    expect(expectFailure(outcome)).toEqual({ status: 400, error: "invalid_client_metadata", description: duplicate.message, issues: [duplicate] });
    expectOk(await registerWith(null, webClient({ software_id: uniqueSoftwareId() })));
  });
});

describe("[CORE][READ] RFC 7592 read", () => {
  it("[CORE][READ]: the holder of the token gets 200 with all metadata and the client secret, and nothing is written", async () => {
    const client = await registered(nativeClient(["com.example.app:/cb"], { client_name: "App" }));
    const outcome = await expectRowChanges(service.id, {}, () => readAs(client));
    expect(expectOk(outcome)).toEqual({ ...client, registrationAccessTokenRotated: false });
    const response = clientInformationResponse(outcome, 200);
    expect(response.status).toBe(200);
    expect(response.headers).toMatchObject({ "Cache-Control": "no-store", Pragma: "no-cache" });
    expect(JSON.parse(response.body!)).toMatchObject({ client_id: client.clientId, client_secret: client.clientSecret, client_name: "App", registration_access_token: client.registrationAccessToken });
  });

  it("[CORE][READ]: unknown client, wrong token, deleted client and another client's token fail identically (401), each audited", async () => {
    const [victim, other, deleted] = await Promise.all([registered(), registered(), registered()]);
    expectOk(await remove(service.id, managing(deleted), selfManaging(deleted.clientId)));
    const attempts = [
      { reason: "unknown_client", clientId: "no-such-client", registrationAccessToken: newToken() },
      { reason: "wrong_token", clientId: victim.clientId, registrationAccessToken: newToken() },
      { reason: "unknown_client", clientId: deleted.clientId, registrationAccessToken: deleted.registrationAccessToken },
      { reason: "token_of_another_client", clientId: victim.clientId, registrationAccessToken: other.registrationAccessToken },
    ];
    for (const { reason, ...attempt } of attempts) {
      const added = reason === "token_of_another_client" ? 2 : 1;
      const outcome = await expectRowChanges(service.id, { audits: added }, () => readAs(attempt));
      expect(expectFailure(outcome)).toEqual(invalidTokenFailure);
      expect(errorResponse(expectFailure(outcome))).toEqual(errorResponse(invalidTokenFailure));
      expect((await auditEvents(service.id, "registration_token.check")).at(-1)).toMatchObject({ clientId: attempt.clientId, outcome: "failure", details: { reason } });
    }
    expect(errorResponse(invalidTokenFailure).headers["WWW-Authenticate"]).toBe('Bearer error="invalid_token"');
  });

  it("[CORE][READ]: without a token the failure is the same for every client id, without an error attribute, and writes nothing", async () => {
    const client = await registered();
    for (const clientId of [client.clientId, "no-such-client"]) {
      const outcome = await expectRowChanges(service.id, {}, () => read(service.id, { clientId, registrationAccessToken: null }, anonymous));
      expect(expectFailure(outcome)).toEqual(missingTokenFailure);
    }
    expect(errorResponse(missingTokenFailure).headers["WWW-Authenticate"]).toBe("Bearer");
  });

  it("[CORE][READ]: a token presented for another client is revoked: it no longer works for its own client, and that is audited", async () => {
    const [victim, thief] = await Promise.all([registered(), registered()]);
    expectFailure(await read(service.id, { clientId: victim.clientId, registrationAccessToken: thief.registrationAccessToken }, selfManaging(thief.clientId)));
    expect(expectFailure(await readAs(thief))).toEqual(invalidTokenFailure);
    expect((await clientRow(thief.clientId)).registrationAccessTokenHash).toBeNull();
    expectOk(await readAs(victim));
    const [revocation] = (await auditEvents(service.id, "registration_token.revoked")).filter((e) => e.clientId === thief.clientId);
    expect(revocation).toMatchObject({ outcome: "success", details: { reason: "presented for another client", presentedFor: victim.clientId } });
  });
});

describe("[CORE][UPDATE] RFC 7592 update", () => {
  it("[CORE][UPDATE]: a full replacement: omitted and null members are removed, the change set and audit say so", async () => {
    const client = await registered(webClient({ client_name: "Example", logo_uri: "https://app.example.com/logo.png", contacts: ["ops@example.com"] }));
    const { logo_uri: _omitted, ...kept } = updateDocument(client);
    const document = { ...kept, client_name: null, tos_uri: "https://app.example.com/tos" };
    const updated = expectOk(await expectRowChanges(service.id, { revisions: 1, audits: 1 }, () => updateAs(client, document)));
    expect(updated.metadata).not.toHaveProperty("client_name");
    expect(updated.metadata).not.toHaveProperty("logo_uri");
    expect(updated.metadata).toMatchObject({ tos_uri: "https://app.example.com/tos", contacts: ["ops@example.com"] });
    expect(updated.version).toBe(2);
    expect((await clientRow(client.clientId)).metadata).toEqual(updated.metadata);
    const changeSet = [
      { path: ["client_name"], before: "Example" },
      { path: ["logo_uri"], before: "https://app.example.com/logo.png" },
      { path: ["tos_uri"], after: "https://app.example.com/tos" },
    ];
    expect((await revisions(client.clientId)).at(-1)).toMatchObject({ version: 2, kind: "updated", changeSet, metadata: updated.metadata, interface: "rfc7592", actor: `client:${client.clientId}` });
    expect((await auditEvents(service.id, "client.updated")).at(-1)).toMatchObject({
      clientId: client.clientId,
      outcome: "success",
      details: { version: 2, changed: ["client_name", "logo_uri", "tos_uri"], registrationAccessTokenRotated: true },
    });
  });

  const refusals: [string, (client: ClientInformation) => Doc, string, string][] = [
    ["client_id missing", (c) => ({ ...c.metadata }), "client_id", "is required in an update request and must equal the current client_id"],
    ["client_id null", (c) => ({ ...c.metadata, client_id: null }), "client_id", "is required in an update request and must equal the current client_id"],
    ["client_id of another client", (c) => updateDocument(c, { client_id: "someone-else" }), "client_id", "must equal the current client_id"],
    ["a wrong client_secret", (c) => updateDocument(c, { client_secret: "guess" }), "client_secret", "must equal the current client_secret when it is sent"],
    ...["registration_access_token", "registration_client_uri", "client_secret_expires_at", "client_id_issued_at"].map(
      (member): [string, (client: ClientInformation) => Doc, string, string] => [member, (c) => updateDocument(c, { [member]: "x" }), member, "must not be sent in an update request (RFC 7592 §2.2)"],
    ),
  ];
  it.each(refusals)("[CORE][UPDATE]: %s is a 400 invalid_request naming the member, and nothing is written", async (_what, body, member, rule) => {
    const client = await registered();
    const outcome = await expectRowChanges(service.id, {}, () => updateAs(client, body(client)));
    expect(expectFailure(outcome)).toEqual({ status: 400, error: "invalid_request", description: `${member} ${rule}`, issues: [issue(member, rule, "invalid_request")] });
    expectOk(await readAs(client)); // the token was not rotated
  });

  it("[CORE][UPDATE]: the current client_secret may be sent back", async () => {
    const client = await registered();
    expect(expectOk(await updateAs(client, updateDocument(client, { client_secret: client.clientSecret }))).clientSecret).toBe(client.clientSecret);
  });

  it("[CORE][UPDATE]: invalid metadata is a 400 with its issues, nothing is written and the token still works", async () => {
    const client = await registered();
    const outcome = await expectRowChanges(service.id, {}, () => updateAs(client, updateDocument(client, { redirect_uris: [appRedirect, "http://app.example.com/cb"] })));
    expect(expectFailure(outcome)).toMatchObject({ status: 400, error: "invalid_redirect_uri", issues: [issue("redirect_uris[1]", "must use https (http is allowed only on loopback hosts)", "invalid_redirect_uri")] });
    expect(expectOk(await readAs(client)).version).toBe(1);
  });

  it("[CORE][UPDATE]: a wrong token fails like a read and only the failed check is written", async () => {
    const client = await registered();
    const outcome = await expectRowChanges(service.id, { audits: 1 }, () => updateAs({ ...client, registrationAccessToken: newToken() }, updateDocument(client)));
    expect(expectFailure(outcome)).toEqual(invalidTokenFailure);
  });

  it("[CORE][UPDATE]: a secret is created when the new metadata needs one, kept while it does, dropped when it does not", async () => {
    const client = await registered(webClient({ token_endpoint_auth_method: "none" }));
    expect(client.clientSecret).toBeNull();
    const confidential = expectOk(await updateAs(client, updateDocument(client, { token_endpoint_auth_method: "client_secret_post" })));
    expect(confidential.clientSecret).toMatch(urlSafe(256));
    expect((await auditEvents(service.id, "client.updated")).at(-1)!.details).toMatchObject({ clientSecretCreated: true });

    const renamed = expectOk(await updateAs(confidential, updateDocument(confidential, { client_name: "Renamed" })));
    expect(renamed.clientSecret).toBe(confidential.clientSecret);

    const public_ = expectOk(await updateAs(renamed, updateDocument(renamed, { token_endpoint_auth_method: "none" })));
    expect(public_.clientSecret).toBeNull();
    expect((await clientRow(client.clientId)).secretCiphertext).toBeNull();
    expect((await auditEvents(service.id, "client.updated")).at(-1)!.details).toMatchObject({ clientSecretRemoved: true });
    expect(expectOk(await readAs(public_)).clientSecret).toBeNull();
  });

  it("[CORE][UPDATE]: with rotation on (default) each update issues a new token and the old one stops working at once", async () => {
    const client = await registered();
    const updated = expectOk(await updateAs(client, updateDocument(client, { client_name: "v2" })));
    expect(updated.registrationAccessTokenRotated).toBe(true);
    expect(updated.registrationAccessToken).toMatch(urlSafe(256));
    expect(updated.registrationAccessToken).not.toBe(client.registrationAccessToken);
    expect(expectFailure(await readAs(client))).toEqual(invalidTokenFailure);
    expect(expectOk(await readAs(updated)).metadata.client_name).toBe("v2");
  });

  it("[CORE][UPDATE]: with rotation off the token stays the same and keeps working", async () => {
    await service.setPolicy({ rotateRegistrationAccessTokenOnUpdate: false });
    const client = await registered();
    const updated = expectOk(await updateAs(client, updateDocument(client, { client_name: "v2" })));
    expect(updated).toMatchObject({ registrationAccessToken: client.registrationAccessToken, registrationAccessTokenRotated: false, version: 2 });
    expect(expectOk(await readAs(client)).metadata.client_name).toBe("v2");
  });
});

describe("[CORE][DELETE] RFC 7592 delete and administrator removal", () => {
  it("[CORE][DELETE]: 204 with no body; the client, its secret and its token stop working at once; the history is kept", async () => {
    const client = await registered(webClient({ client_name: "Doomed" }));
    const outcome = await expectRowChanges(service.id, { revisions: 1, audits: 1 }, () => remove(service.id, managing(client), selfManaging(client.clientId)));
    expect(expectOk(outcome)).toEqual({ clientId: client.clientId, version: 2 });
    expect(deletedResponse(outcome)).toEqual({ status: 204, headers: { "Cache-Control": "no-store", Pragma: "no-cache" }, body: null });

    const row = await clientRow(client.clientId);
    expect(row).toMatchObject({ secretCiphertext: null, registrationAccessTokenHash: null, version: 2, deletedAt: expect.any(Date) });
    expect(expectFailure(await readAs(client))).toEqual(invalidTokenFailure);
    expect(expectFailure(await updateAs(client, updateDocument(client)))).toEqual(invalidTokenFailure);
    expect(expectFailure(await remove(service.id, managing(client), selfManaging(client.clientId)))).toEqual(invalidTokenFailure);

    const history = await revisions(client.clientId);
    expect(history.map((r) => r.kind)).toEqual(["created", "deleted"]);
    expect(history[1]!.metadata).toEqual(client.metadata);
    expect(history[1]!.changeSet).toContainEqual({ path: ["client_name"], before: "Doomed" });
    expect((await auditEvents(service.id, "client.deleted")).at(-1)).toMatchObject({ clientId: client.clientId, outcome: "success", actor: `client:${client.clientId}` });
  });

  it("[CORE][DELETE]: an administrator removes a client without its token; removing it again is a 404", async () => {
    const client = await registered();
    const admin = { clientId: client.clientId, administrator: true } as const;
    expectOk(await expectRowChanges(service.id, { revisions: 1, audits: 1 }, () => remove(service.id, admin, administrator)));
    expect((await auditEvents(service.id, "client.deleted")).at(-1)).toMatchObject({ actor: "admin:ops@example.com", interface: "console" });
    expect(expectFailure(await readAs(client))).toEqual(invalidTokenFailure);
    expect(expectFailure(await expectRowChanges(service.id, {}, () => remove(service.id, admin, administrator)))).toEqual(failure(404, "not_found", "No such client"));
  });
});

describe("[CORE][REISSUE] registration access token re-issue", () => {
  it("[CORE][REISSUE]: the new token works, the old one is dead, a 'token_reissued' revision and an audit event are written", async () => {
    const client = await registered();
    const outcome = await expectRowChanges(service.id, { revisions: 1, audits: 1 }, () => reissueRegistrationAccessToken(service.id, { clientId: client.clientId }, administrator));
    const { registrationAccessToken, version } = expectOk(outcome);
    expect(version).toBe(2);
    expect(registrationAccessToken).toMatch(urlSafe(256));
    expect(expectFailure(await readAs(client))).toEqual(invalidTokenFailure);
    expect(expectOk(await readAs({ clientId: client.clientId, registrationAccessToken })).metadata).toEqual(client.metadata);
    expect((await revisions(client.clientId)).at(-1)).toMatchObject({ version: 2, kind: "token_reissued", changeSet: [], metadata: client.metadata, actor: "admin:ops@example.com" });
    const event = (await auditEvents(service.id, "registration_token.reissued")).at(-1);
    expect(event).toMatchObject({ clientId: client.clientId, outcome: "success", details: { version: 2 } });
    expect(storedText(event)).not.toContain(registrationAccessToken);
  });

  it("[CORE][REISSUE]: an unknown client is a 404 and nothing is written", async () => {
    const outcome = await expectRowChanges(service.id, {}, () => reissueRegistrationAccessToken(service.id, { clientId: "no-such-client" }, administrator));
    expect(expectFailure(outcome)).toEqual(failure(404, "not_found", "No such client"));
  });
});

describe("[CORE][REVERT] reverting to an earlier revision", () => {
  it("[CORE][REVERT]: restores the earlier metadata as a new 'reverted' revision with its change set", async () => {
    const client = await registered(webClient({ client_name: "First" }));
    const second = expectOk(await updateAs(client, updateDocument(client, { client_name: "Second", tos_uri: "https://app.example.com/tos" })));
    const outcome = await expectRowChanges(service.id, { revisions: 1, audits: 1 }, () =>
      revert(service.id, { ...managing(second), toVersion: 1, expectedVersion: 2 }, administrator),
    );
    const reverted = expectOk(outcome);
    expect(reverted).toMatchObject({ version: 3, metadata: client.metadata });
    expect((await revisions(client.clientId)).map((r) => r.kind)).toEqual(["created", "updated", "reverted"]);
    expect((await revisions(client.clientId)).at(-1)).toMatchObject({
      kind: "reverted",
      metadata: client.metadata,
      changeSet: [
        { path: ["client_name"], before: "Second", after: "First" },
        { path: ["tos_uri"], before: "https://app.example.com/tos" },
      ],
    });
    expect((await auditEvents(service.id, "client.reverted")).at(-1)!.details).toMatchObject({ version: 3, revertedTo: 1 });
  });

  it("[CORE][REVERT]: a version that is not an earlier revision is a 400 invalid_request, a stale base version a 409; nothing is written", async () => {
    const client = await registered();
    const second = expectOk(await updateAs(client, updateDocument(client, { client_name: "Second" })));
    const missing = await expectRowChanges(service.id, {}, () => revert(service.id, { ...managing(second), toVersion: 9, expectedVersion: 2 }, administrator));
    expect(expectFailure(missing)).toMatchObject({ status: 400, error: "invalid_request", description: "version must name an earlier revision of this client (9 is not one)" });
    const stale = await expectRowChanges(service.id, {}, () => revert(service.id, { ...managing(second), toVersion: 1, expectedVersion: 1 }, administrator));
    expect(expectFailure(stale)).toMatchObject({ status: 409, error: "conflict", conflict: { baseVersion: 1, currentVersion: 2 } });
  });
});

describe("[CORE][STATEMENT] software statements (RFC 7591 §2.3)", () => {
  let issuer: StatementIssuer;
  let impostor: StatementIssuer;
  beforeAll(async () => {
    issuer = await statementIssuer("https://statements.example.com");
    impostor = await statementIssuer("https://statements.example.com"); // same name, other key
  });

  const statementFailure = (error: "invalid_software_statement" | "unapproved_software_statement", rule: string) => {
    const problem = issue("software_statement", rule, error);
    return { status: 400, error, description: problem.message, issues: [problem] };
  };
  const trusting = (approvedSoftwareIds?: string[]) => service.setPolicy({ trustedSoftwareStatementIssuers: [issuer.trusted(approvedSoftwareIds)] });
  const registerStatement = (statement: string, plain: Doc = {}) =>
    expectRowChanges(service.id, {}, () => register(service.id, { document: webClient({ ...plain, software_statement: statement }) }, anonymous));

  it("[CORE][STATEMENT]: a trusted statement's claims override plain values, and the statement is echoed unmodified", async () => {
    await trusting();
    const statement = await issuer.sign({ software_id: "sw-trusted", client_name: "Trusted name", redirect_uris: ["https://trusted.example.com/cb"] });
    const client = await registered(webClient({ client_name: "Plain name", software_id: "sw-plain", software_version: "1.2", software_statement: statement }));
    expect(client.metadata).toMatchObject({
      client_name: "Trusted name",
      software_id: "sw-trusted",
      redirect_uris: ["https://trusted.example.com/cb"],
      software_version: "1.2",
      software_statement: statement,
    });
    expect(client.metadata).not.toHaveProperty("iss");
    expect(client.metadata).not.toHaveProperty("exp");
  });

  it("[CORE][STATEMENT]: a statement from an issuer the service does not trust: invalid_software_statement, nothing written", async () => {
    const outcome = await registerStatement(await issuer.sign({ software_id: "sw" }));
    expect(expectFailure(outcome)).toEqual(statementFailure("invalid_software_statement", 'is from an issuer this service does not trust ("https://statements.example.com")'));
  });

  it("[CORE][STATEMENT]: a statement whose signature does not verify: invalid_software_statement, nothing written", async () => {
    await trusting();
    const outcome = await registerStatement(await impostor.sign({ software_id: "sw" }));
    expect(expectFailure(outcome)).toEqual(statementFailure("invalid_software_statement", "has a signature that does not verify with the issuer's keys"));
  });

  it("[CORE][STATEMENT]: an expired statement: invalid_software_statement, nothing written", async () => {
    await trusting();
    const outcome = await registerStatement(await issuer.sign({ software_id: "sw" }, { expiresAt: nowSeconds() - 3600 }));
    expect(expectFailure(outcome)).toEqual(statementFailure("invalid_software_statement", "has expired"));
  });

  it("[CORE][STATEMENT]: a statement not valid before a time still to come (nbf): invalid_software_statement, nothing written", async () => {
    await trusting();
    const outcome = await registerStatement(await issuer.sign({ software_id: "sw" }, { notBefore: nowSeconds() + 3600 }));
    expect(expectFailure(outcome)).toEqual(statementFailure("invalid_software_statement", "is not yet valid (its nbf is in the future)"));
  });

  it("[CORE][STATEMENT]: a statement issued in the future (iat beyond the clock skew): invalid_software_statement, nothing written", async () => {
    await trusting();
    const outcome = await registerStatement(await issuer.sign({ software_id: "sw" }, { issuedAt: nowSeconds() + 3600 }));
    expect(expectFailure(outcome)).toEqual(statementFailure("invalid_software_statement", "was issued in the future (its iat is later than now)"));
  });

  it("[CORE][STATEMENT]: exp, nbf and iat within the clock skew of 60 seconds are accepted", async () => {
    await trusting();
    const now = nowSeconds();
    expectOk(await register(service.id, { document: webClient({ software_statement: await issuer.sign({ software_id: "sw-skew-exp" }, { expiresAt: now - 30, issuedAt: now - 600 }) }) }, anonymous));
    expectOk(await register(service.id, { document: webClient({ software_statement: await issuer.sign({ software_id: "sw-skew-nbf" }, { notBefore: now + 30 }) }) }, anonymous));
    expectOk(await register(service.id, { document: webClient({ software_statement: await issuer.sign({ software_id: "sw-skew-iat" }, { issuedAt: now + 30 }) }) }, anonymous));
  });

  it("[CORE][STATEMENT]: a statement that is not a JWT, or has no iss: invalid_software_statement", async () => {
    await trusting();
    expect(expectFailure(await registerStatement("e30.e30.c2ln"))).toEqual(statementFailure("invalid_software_statement", "must have an iss claim"));
    expect(expectFailure(await registerStatement("bm90.anNvbg.c2ln"))).toEqual(statementFailure("invalid_software_statement", "must be a signed JWT (compact JWS)"));
  });

  it("[CORE][STATEMENT]: a valid statement for software the issuer entry does not approve: unapproved_software_statement", async () => {
    await trusting(["sw-approved"]);
    const outcome = await registerStatement(await issuer.sign({ software_id: "sw-other" }));
    expect(expectFailure(outcome)).toEqual(statementFailure("unapproved_software_statement", 'is for software "sw-other", which this service has not approved'));
    expectOk(await register(service.id, { document: webClient({ software_statement: await issuer.sign({ software_id: "sw-approved" }) }) }, anonymous));
  });

  it("[CORE][STATEMENT]: requireSoftwareStatement refuses a registration without one", async () => {
    await service.setPolicy({ requireSoftwareStatement: true, trustedSoftwareStatementIssuers: [issuer.trusted()] });
    const outcome = await expectRowChanges(service.id, {}, () => register(service.id, { document: webClient() }, anonymous));
    expect(expectFailure(outcome)).toEqual(statementFailure("invalid_software_statement", "is required by this service"));
    expectOk(await register(service.id, { document: webClient({ software_statement: await issuer.sign({ software_id: "sw" }) }) }, anonymous));
  });
});
