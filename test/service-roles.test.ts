import { randomBytes } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createAdministrator } from "@/lib/auth/administrators";
import { roleOn } from "@/lib/auth/permissions";
import { deleteClient, searchClientsAction, updateClient } from "@/lib/clients/actions";
import { db } from "@/lib/db";
import { saveServicePolicy } from "@/lib/settings/actions";
import { defaultPolicy } from "@/lib/registration/policy";
import { visibleServices } from "@/lib/services";
import { consoleRequest } from "./support/console-actions";
import { sessionCookie } from "./support/administrators";
import { webClient } from "./support/metadata";
import { clientRow, registerClient, selfManaging } from "./support/registrations";
import { read } from "@/lib/registration/service";
import { expectRowChanges } from "./support/services";

vi.mock("next/headers", async () => (await import("./support/console-actions")).nextHeadersMock());

// Console roles limited to chosen services: an editor of staging who is a viewer of production, and may not
// see a third service at all. Server actions are public endpoints, so each is tried with every service id.

const suffix = randomBytes(4).toString("hex");
const production = `prod-${suffix}`;
const staging = `staging-${suffix}`;
const hidden = `hidden-${suffix}`;
let cookie = "";
const email = `scoped-${suffix}@registrar.test`;

beforeAll(async () => {
  for (const id of [production, staging, hidden]) await db().service.create({ data: { id, name: id } });
  const password = `scoped-password-${suffix}`;
  await createAdministrator({ email, password, role: null, grants: { [staging]: "editor", [production]: "viewer" } });
  cookie = await sessionCookie(email, password);
});

afterEach(() => {
  consoleRequest.cookie = "";
});

const signedIn = () => {
  consoleRequest.cookie = cookie;
};

describe("[SERVICES][ROLES] roles on chosen services", () => {
  it("a grant decides the role on its service; elsewhere the global role applies", () => {
    expect(roleOn({ role: null, grants: { staging: "editor" } }, "staging")).toBe("editor");
    expect(roleOn({ role: null, grants: { staging: "editor" } }, "production")).toBeNull();
    expect(roleOn({ role: "admin", grants: { production: "viewer" } }, "production")).toBe("viewer");
    expect(roleOn({ role: "viewer", grants: {} }, "anything")).toBe("viewer");
    // A user-chosen service id is looked up as an own property only.
    expect(roleOn({ role: null, grants: {} }, "constructor")).toBeNull();
  });

  it("lists only the granted services, each with its role", async () => {
    const user = await db().user.findUniqueOrThrow({ where: { email } });
    const services = await visibleServices({ id: user.id, name: user.name, email, role: null, grants: { [staging]: "editor", [production]: "viewer" } });
    expect(services.map((s) => [s.id, s.role])).toEqual([
      [production, "viewer"],
      [staging, "editor"],
    ]);
  });

  it("an editor of staging edits staging's clients, but only reads production's, and cannot reach a hidden service", async () => {
    const inStaging = await registerClient(staging, webClient({ client_name: "Staging app" }));
    const inProduction = await registerClient(production, webClient({ client_name: "Production app" }));
    const inHidden = await registerClient(hidden, webClient({ client_name: "Hidden app" }));
    signedIn();

    const edit = (serviceId: string, client: typeof inStaging) =>
      updateClient({ serviceId, clientId: client.clientId, registrationAccessToken: client.registrationAccessToken!, expectedVersion: 1, metadata: { ...client.metadata, client_name: "Renamed" } });
    expect((await edit(staging, inStaging)).data).toMatchObject({ ok: true, version: 2 });

    await expectRowChanges(production, {}, async () => {
      expect((await edit(production, inProduction)).serverError).toBe("Your role (viewer) does not allow this on this service.");
      expect((await saveServicePolicy({ serviceId: production, policy: { ...defaultPolicy, maxClients: 5 } })).serverError).toBe(
        "Your role (viewer) does not allow this on this service.",
      );
    });
    await expectRowChanges(hidden, {}, async () => {
      expect((await edit(hidden, inHidden)).serverError).toBe("Your role (none) does not allow this on this service.");
      expect((await searchClientsAction({ serviceId: hidden, query: "Hidden" })).serverError).toBe("Your role (none) does not allow this on this service.");
      expect((await deleteClient({ serviceId: "no-such-service", clientId: inHidden.clientId, confirmation: inHidden.clientId })).serverError).toBe(
        "Your role (none) does not allow this on this service.",
      );
    });
    expect((await clientRow(inProduction.clientId)).metadata).toMatchObject({ client_name: "Production app" });
    expect((await clientRow(inHidden.clientId)).metadata).toMatchObject({ client_name: "Hidden app" });
  });

  it("a client of one service is not found through another service the administrator may edit", async () => {
    const inProduction = await registerClient(production, webClient({ client_name: "Production only" }));
    signedIn();
    const result = await expectRowChanges(production, {}, () =>
      updateClient({ serviceId: staging, clientId: inProduction.clientId, registrationAccessToken: inProduction.registrationAccessToken!, expectedVersion: 1, metadata: { ...inProduction.metadata, client_name: "Moved?" } }),
    );
    expect(result.serverError).toBe("This client does not exist any more. It may have been deleted meanwhile.");
    expect((await searchClientsAction({ serviceId: staging, query: inProduction.clientId })).data).toEqual([]);
    expect((await clientRow(inProduction.clientId)).metadata).toMatchObject({ client_name: "Production only" });
    // Its registration access token, presented through the other service, still works at its own.
    expect((await read(production, { clientId: inProduction.clientId, registrationAccessToken: inProduction.registrationAccessToken }, selfManaging(inProduction.clientId))).ok).toBe(true);
  });
});
