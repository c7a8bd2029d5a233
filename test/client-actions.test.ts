import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { deleteClient, registerClient, reissueClientRegistrationAccessToken, revertClient, updateClient } from "@/lib/clients/actions";
import { read } from "@/lib/registration/service";
import { consoleAdministrators, dedicatedConsoleService } from "./support/console-actions";
import { webClient } from "./support/metadata";
import { registerClient as registerThroughCore, revisions, clientRow, selfManaging, expectFailure, invalidTokenFailure } from "./support/registrations";
import { auditEvents, expectRowChanges } from "./support/services";

vi.mock("next/headers", async () => (await import("./support/console-actions")).nextHeadersMock());

const service = dedicatedConsoleService("clients");
const administrators = consoleAdministrators();
const as = administrators.actAs;

beforeAll(async () => {
  await service.create();
  await administrators.signIn();
});

afterEach(() => as(null));

/** A client registered by client software, with the token it was given. */
const aClient = (extra = {}) => registerThroughCore(service.id, webClient({ client_name: "Acme Portal", ...extra }));

describe("[CLIENTS][EDIT] updateClient", () => {
  it("refuses a caller without a session and a viewer, writing nothing", async () => {
    const client = await aClient();
    const input = { serviceId: service.id, clientId: client.clientId, registrationAccessToken: client.registrationAccessToken!, expectedVersion: 1, metadata: { ...client.metadata, client_name: "Renamed" } };
    await expectRowChanges(service.id, {}, async () => {
      expect((await updateClient(input)).serverError).toBe("Your session has ended. Sign in again to continue.");
      as("viewer");
      expect((await updateClient(input)).serverError).toBe("Your role (viewer) does not allow this on this service.");
    });
    expect((await clientRow(client.clientId)).metadata).toMatchObject({ client_name: "Acme Portal" });
  });

  it("saves an editor's change as a new revision by admin:<email> through the console, and rotates the token", async () => {
    const client = await aClient();
    as("editor");
    const result = await updateClient({ serviceId: service.id, clientId: client.clientId, registrationAccessToken: client.registrationAccessToken!, expectedVersion: 1, metadata: { ...client.metadata, client_name: "Acme Portal 2" } });
    expect(result.data).toMatchObject({ ok: true, clientId: client.clientId, version: 2 });
    const rotated = (result.data as { rotatedRegistrationAccessToken: string }).rotatedRegistrationAccessToken;
    expect(rotated).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [, revision] = await revisions(client.clientId);
    expect(revision).toMatchObject({ version: 2, kind: "updated", actor: `admin:${administrators.email("editor")}`, interface: "console", changeSet: [{ path: ["client_name"], before: "Acme Portal", after: "Acme Portal 2" }] });
    // The old token stopped working; the new one works.
    expect(expectFailure(await read(service.id, { clientId: client.clientId, registrationAccessToken: client.registrationAccessToken }, selfManaging(client.clientId)))).toEqual(invalidTokenFailure);
    expect((await read(service.id, { clientId: client.clientId, registrationAccessToken: rotated }, selfManaging(client.clientId))).ok).toBe(true);
  });

  it("answers a wrong token with an error for the token field, and saves nothing", async () => {
    const client = await aClient();
    as("editor");
    const result = await expectRowChanges(service.id, { audits: 1 }, () =>
      updateClient({ serviceId: service.id, clientId: client.clientId, registrationAccessToken: "not-the-token", expectedVersion: 1, metadata: { ...client.metadata, client_name: "Hijacked" } }),
    );
    expect(result.data).toEqual({ ok: false, reason: "invalid_token", message: expect.stringContaining("registration access token does not work") });
    const row = await clientRow(client.clientId);
    expect(row).toMatchObject({ version: 1, metadata: expect.objectContaining({ client_name: "Acme Portal" }) });
    expect((await auditEvents(service.id, "registration_token.check")).at(-1)).toMatchObject({ clientId: client.clientId, outcome: "failure", actor: `admin:${administrators.email("editor")}` });
  });

  it("requires a token before calling the core", async () => {
    const client = await aClient();
    as("editor");
    const result = await updateClient({ serviceId: service.id, clientId: client.clientId, registrationAccessToken: "  ", expectedVersion: 1, metadata: client.metadata });
    expect(result.validationErrors?.registrationAccessToken?._errors).toEqual(["Enter the client's registration access token"]);
  });

  it("returns the core's metadata issues with their paths, and saves nothing", async () => {
    const client = await aClient();
    as("editor");
    const result = await expectRowChanges(service.id, {}, () =>
      updateClient({ serviceId: service.id, clientId: client.clientId, registrationAccessToken: client.registrationAccessToken!, expectedVersion: 1, metadata: { ...client.metadata, redirect_uris: ["https://app.example.com/cb#frag"] } }),
    );
    expect(result.data).toMatchObject({ ok: false, reason: "invalid_metadata", issues: [{ path: ["redirect_uris", 0], code: "invalid_redirect_uri", message: "redirect_uris[0] must not contain a fragment" }] });
  });

  it("reports a conflict with who changed what since the version the edit started from", async () => {
    const client = await aClient();
    as("admin");
    const first = await updateClient({ serviceId: service.id, clientId: client.clientId, registrationAccessToken: client.registrationAccessToken!, expectedVersion: 1, metadata: { ...client.metadata, client_name: "Changed first" } });
    const token = (first.data as { rotatedRegistrationAccessToken: string }).rotatedRegistrationAccessToken;
    as("editor");
    const second = await expectRowChanges(service.id, {}, () =>
      updateClient({ serviceId: service.id, clientId: client.clientId, registrationAccessToken: token, expectedVersion: 1, metadata: { ...client.metadata, contacts: ["ops@example.com"] } }),
    );
    expect(second.data).toMatchObject({
      ok: false,
      reason: "conflict",
      conflict: {
        baseVersion: 1,
        currentVersion: 2,
        currentMetadata: expect.objectContaining({ client_name: "Changed first" }),
        since: [{ version: 2, kind: "updated", actor: `admin:${administrators.email("admin")}`, interface: "console", changeSet: [{ path: ["client_name"], before: "Acme Portal", after: "Changed first" }] }],
        // The service rotates tokens: version 2 replaced the token version 1 had.
        registrationAccessTokenReplaced: true,
      },
    });
  });

  it("a conflict says the token changed only when a re-issue, or an update under token rotation, came in between", async () => {
    await service.setPolicy({ rotateRegistrationAccessTokenOnUpdate: false });
    try {
      const client = await aClient();
      const token = client.registrationAccessToken!;
      const edit = (expectedVersion: number) => updateClient({ serviceId: service.id, clientId: client.clientId, registrationAccessToken: token, expectedVersion, metadata: { ...client.metadata, client_name: `From ${expectedVersion}` } });
      as("admin");
      expect((await edit(1)).data).toMatchObject({ ok: true, version: 2, rotatedRegistrationAccessToken: null });
      expect((await edit(1)).data).toMatchObject({ ok: false, reason: "conflict", conflict: { currentVersion: 2, registrationAccessTokenReplaced: false } });
      await reissueClientRegistrationAccessToken({ serviceId: service.id, clientId: client.clientId });
      expect((await edit(2)).data).toMatchObject({ ok: false, reason: "conflict", conflict: { currentVersion: 3, registrationAccessTokenReplaced: true } });
    } finally {
      await service.setPolicy({});
    }
  });
});

describe("[CLIENTS][REVERT] revertClient", () => {
  it("restores an earlier revision as a new one; a viewer is refused", async () => {
    const client = await aClient();
    as("editor");
    const edited = await updateClient({ serviceId: service.id, clientId: client.clientId, registrationAccessToken: client.registrationAccessToken!, expectedVersion: 1, metadata: { ...client.metadata, client_name: "Wrong name" } });
    const token = (edited.data as { rotatedRegistrationAccessToken: string }).rotatedRegistrationAccessToken;
    as("viewer");
    expect((await revertClient({ serviceId: service.id, clientId: client.clientId, registrationAccessToken: token, toVersion: 1, expectedVersion: 2 })).serverError).toBe("Your role (viewer) does not allow this on this service.");
    as("editor");
    const result = await revertClient({ serviceId: service.id, clientId: client.clientId, registrationAccessToken: token, toVersion: 1, expectedVersion: 2 });
    expect(result.data).toMatchObject({ ok: true, version: 3 });
    expect((await revisions(client.clientId)).at(-1)).toMatchObject({ version: 3, kind: "reverted", changeSet: [{ path: ["client_name"], before: "Wrong name", after: "Acme Portal" }] });
    expect((await clientRow(client.clientId)).metadata).toEqual(client.metadata);
  });
});

describe("[CLIENTS][REGISTER] registerClient", () => {
  it("registers through the core as a console client and returns its credentials once", async () => {
    as("viewer");
    expect((await registerClient({ serviceId: service.id, metadata: webClient() })).serverError).toBe("Your role (viewer) does not allow this on this service.");
    as("editor");
    const result = await registerClient({ serviceId: service.id, metadata: webClient({ client_name: "Made in the console" }) });
    expect(result.data).toMatchObject({
      ok: true,
      credentials: { clientId: expect.any(String), clientSecret: expect.any(String), registrationAccessToken: expect.any(String), registrationClientUri: expect.stringContaining("/register/") },
    });
    const { clientId } = (result.data as { credentials: { clientId: string } }).credentials;
    expect(await clientRow(clientId)).toMatchObject({ origin: "console", clientName: "Made in the console" });
    expect((await revisions(clientId))[0]).toMatchObject({ kind: "created", actor: `admin:${administrators.email("editor")}`, interface: "console" });
  });

  it("returns the metadata issues and registers nothing", async () => {
    as("editor");
    const result = await expectRowChanges(service.id, {}, () => registerClient({ serviceId: service.id, metadata: { redirect_uris: ["javascript:alert(1)"] } }));
    expect(result.data).toMatchObject({ ok: false, reason: "invalid_metadata", issues: [{ path: ["redirect_uris", 0], code: "invalid_redirect_uri" }] });
  });

  it("refuses JSON nested 20,000 levels deep in a member, naming it, and registers nothing", async () => {
    as("editor");
    const deep = JSON.parse(`${"[".repeat(20_000)}${"]".repeat(20_000)}`) as unknown;
    const result = await expectRowChanges(service.id, {}, () => registerClient({ serviceId: service.id, metadata: webClient({ default_acr_values: deep }) }));
    expect(result.data).toMatchObject({ ok: false, reason: "invalid_metadata", issues: [{ path: ["default_acr_values"], code: "invalid_client_metadata", message: expect.stringContaining("default_acr_values must not nest arrays and objects more than") }] });
  });
});

describe("[CLIENTS][DELETE] deleteClient", () => {
  it("needs the client id typed to confirm, refuses a viewer, and deletes for an editor", async () => {
    const client = await aClient();
    as("viewer");
    expect((await deleteClient({ serviceId: service.id, clientId: client.clientId, confirmation: client.clientId })).serverError).toBe("Your role (viewer) does not allow this on this service.");
    as("editor");
    const unconfirmed = await deleteClient({ serviceId: service.id, clientId: client.clientId, confirmation: "acme" });
    expect(unconfirmed.validationErrors?.confirmation?._errors).toEqual(["Type the client id exactly to confirm"]);
    expect((await clientRow(client.clientId)).deletedAt).toBeNull();
    expect((await deleteClient({ serviceId: service.id, clientId: client.clientId, confirmation: client.clientId })).data).toEqual({ clientId: client.clientId });
    const row = await clientRow(client.clientId);
    expect(row.deletedAt).not.toBeNull();
    expect(row.registrationAccessTokenHash).toBeNull();
    expect((await auditEvents(service.id, "client.deleted")).at(-1)).toMatchObject({ clientId: client.clientId, actor: `admin:${administrators.email("editor")}` });
    expect((await deleteClient({ serviceId: service.id, clientId: client.clientId, confirmation: client.clientId })).serverError).toBe("This client does not exist any more.");
  });
});

describe("[CLIENTS][TOKEN] reissueClientRegistrationAccessToken", () => {
  it("is refused to an editor and works for an admin; the old token stops working", async () => {
    const client = await aClient();
    as("editor");
    expect((await reissueClientRegistrationAccessToken({ serviceId: service.id, clientId: client.clientId })).serverError).toBe("Your role (editor) does not allow this on this service.");
    as("admin");
    const result = await reissueClientRegistrationAccessToken({ serviceId: service.id, clientId: client.clientId });
    const token = result.data!.registrationAccessToken;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await read(service.id, { clientId: client.clientId, registrationAccessToken: client.registrationAccessToken }, selfManaging(client.clientId))).ok).toBe(false);
    expect((await read(service.id, { clientId: client.clientId, registrationAccessToken: token }, selfManaging(client.clientId))).ok).toBe(true);
    expect((await auditEvents(service.id, "registration_token.reissued")).at(-1)).toMatchObject({ clientId: client.clientId, actor: `admin:${administrators.email("admin")}` });
    const stored = JSON.stringify(await db().auditEvent.findMany({ where: { serviceId: service.id } }), (_k, v) => (typeof v === "bigint" ? String(v) : v));
    expect(stored).not.toContain(token);
  });
});
