import { randomBytes } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { checkServiceIdAction, createServiceAction, createServiceApiKey, deleteServiceAction, renameServiceAction, revokeServiceApiKey } from "@/lib/services/actions";
import { serviceApiKeys, servicesForConsole } from "@/lib/services/queries";
import { findService } from "@/lib/registration/services";
import { consoleAdministrators, dedicatedConsoleService } from "./support/console-actions";
import { registerClient } from "./support/registrations";
import { auditEvents } from "./support/services";

vi.mock("next/headers", async () => (await import("./support/console-actions")).nextHeadersMock());

// The Services page's actions (lib/services/actions.ts) and what the page reads (lib/services/queries.ts).

const service = dedicatedConsoleService("services");
const administrators = consoleAdministrators();
const as = administrators.actAs;
const newId = () => `svc-action-${randomBytes(4).toString("hex")}`;

beforeAll(async () => {
  await service.create();
  await administrators.signIn();
});

afterEach(() => as(null));

describe("[SERVICES][ACTIONS] create, rename and delete", () => {
  it("are the global administrator's alone", async () => {
    const id = newId();
    expect((await createServiceAction({ id, name: "Nobody's" })).serverError).toBe("Your session has ended. Sign in again to continue.");
    for (const role of ["viewer", "editor"] as const) {
      as(role);
      expect((await createServiceAction({ id, name: "Not mine" })).serverError).toBe(`Your role (${role}) does not allow this.`);
      expect((await checkServiceIdAction({ id })).serverError).toBe(`Your role (${role}) does not allow this.`);
      expect((await renameServiceAction({ id: service.id, name: "Hijacked" })).serverError).toBe(`Your role (${role}) does not allow this.`);
      expect((await deleteServiceAction({ id, confirmation: id })).serverError).toBe(`Your role (${role}) does not allow this.`);
    }
    expect(await findService(id)).toBeNull();
  });

  it("create, check, rename and delete as the administrator, audited under the administrator's name", async () => {
    as("admin");
    const id = newId();
    expect((await checkServiceIdAction({ id })).data).toEqual({ available: true });
    expect((await checkServiceIdAction({ id: "bad id" })).data).toMatchObject({ available: false, message: expect.stringMatching(/^id must be 1–64/) });
    expect((await createServiceAction({ id, name: "Acme" })).data).toEqual({ ok: true, id, name: "Acme" });
    expect((await checkServiceIdAction({ id })).data).toEqual({ available: false, message: `id “${id}” is already taken by another service` });
    expect((await createServiceAction({ id, name: "Again" })).data).toEqual({ ok: false, issues: [{ path: ["id"], message: `id “${id}” is already taken by another service` }] });
    expect((await renameServiceAction({ id, name: "" })).data).toEqual({ ok: false, issues: [{ path: ["name"], message: "name must not be empty" }] });
    expect((await renameServiceAction({ id, name: "Acme Login" })).data).toEqual({ ok: true, id, name: "Acme Login" });
    expect((await deleteServiceAction({ id, confirmation: "acme" })).serverError).toBe(`confirmation must be the service's id “${id}”, typed exactly`);
    expect((await deleteServiceAction({ id, confirmation: id })).data).toEqual({ id, name: "Acme Login" });
    expect((await auditEvents(id)).map((e) => [e.action, e.actor])).toEqual([
      ["service.created", `admin:${administrators.email("admin")}`],
      ["service.renamed", `admin:${administrators.email("admin")}`],
      ["service.deleted", `admin:${administrators.email("admin")}`],
    ]);
  });
});

describe("[SERVICES][PAGE] what the Services page shows", () => {
  it("each service's endpoints, its count in words, and why it cannot be deleted", async () => {
    as("admin");
    const id = newId();
    await createServiceAction({ id, name: "Busy" });
    await registerClient(id);
    const services = await servicesForConsole({ id: "u", name: "Admin", email: "admin@registrar.test", role: "admin", grants: {} });
    expect(services[0]).toMatchObject({
      id: service.id,
      isDefault: true,
      endpoints: {
        registration: "http://registrar.test/register",
        discovery: "http://registrar.test/.well-known/oauth-authorization-server",
        authleteApi: `http://registrar.test/api/${service.id}`,
      },
      deleteBlocked: "The default service (REGISTRAR_SERVICE_ID) cannot be deleted.",
    });
    expect(services.find((s) => s.id === id)).toMatchObject({
      clientsText: "1 client",
      endpoints: {
        registration: `http://registrar.test/s/${id}/register`,
        discovery: `http://registrar.test/.well-known/oauth-authorization-server/s/${id}`,
        authleteApi: `http://registrar.test/api/${id}`,
      },
      deleteBlocked: "It has 1 client: delete it first.",
    });
  });

  it("only the services a user has a role on: every one for a global role, else those granted", async () => {
    as("admin");
    const id = newId();
    await createServiceAction({ id, name: "Granted" });
    const granted = await servicesForConsole({ id: "u", name: "Editor of one", email: "one@registrar.test", role: null, grants: { [id]: "editor" } });
    expect(granted.map((s) => s.id)).toEqual([id]);
    expect(await servicesForConsole({ id: "u", name: "Nobody", email: "none@registrar.test", role: null, grants: {} })).toEqual([]);
  });
});

describe("[SERVICES][API-KEYS] a service's API key actions", () => {
  it("are refused to a role without settings:update on the service, and create and revoke for an administrator", async () => {
    as("editor");
    expect((await createServiceApiKey({ serviceId: service.id, name: "Not mine" })).serverError).toBe("Your role (editor) does not allow this on this service.");
    as("admin");
    const created = await createServiceApiKey({ serviceId: service.id, name: "Production AS" });
    expect(created.data).toMatchObject({ ok: true, key: { name: "Production AS", revokedAt: null } });
    const { key, apiKey } = created.data as { key: { id: string; hint: string }; apiKey: string };
    expect(apiKey.endsWith(key.hint)).toBe(true);
    expect((await serviceApiKeys(service.id)).keys.map((k) => k.id)).toContain(key.id);
    expect((await createServiceApiKey({ serviceId: service.id, name: "Production AS" })).data).toMatchObject({ ok: false, issues: [{ path: ["name"] }] });
    expect((await revokeServiceApiKey({ serviceId: service.id, id: key.id })).data).toEqual({ id: key.id, name: "Production AS", hint: key.hint });
    expect((await revokeServiceApiKey({ serviceId: service.id, id: key.id })).serverError).toBe("This API key does not exist or was already revoked.");
    expect((await serviceApiKeys(service.id)).environmentKey).toEqual({ set: false });
  });
});
