import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { hashToken, newToken } from "@/lib/registration/credentials";
import { defaultPolicy } from "@/lib/registration/policy";
import { createService, deleteService, findService, listServices, renameService } from "@/lib/registration/services";
import { remove } from "@/lib/registration/service";
import { loadService } from "@/lib/registration/store";
import { administrator, managing, registerClient, selfManaging } from "./support/registrations";
import { auditEvents, createInitialAccessToken, initialAccessToken } from "./support/services";

// The lifecycle of services (lib/registration/services.ts): create, rename, delete, and the list.

// The default service of this file (config() is read once per file, and Vitest isolates files).
const defaultId = `test-default-${randomBytes(4).toString("hex")}`;
vi.stubEnv("REGISTRAR_SERVICE_ID", defaultId);

const newId = (name: string) => `svc-${name}-${randomBytes(4).toString("hex")}`;

async function created(name = "service") {
  const id = newId(name);
  const outcome = await createService({ id, name: `Service ${name}` }, administrator);
  expect(outcome.ok).toBe(true);
  return id;
}

beforeAll(async () => {
  await db().service.create({ data: { id: defaultId, name: "Default of the services test" } });
});

describe("[SERVICES][CREATE] createService", () => {
  it("creates a service with the default policy, trims its name and audits it under the new service's id", async () => {
    const id = newId("create");
    const outcome = await createService({ id, name: "  Acme Identity  " }, administrator);
    expect(outcome).toMatchObject({ ok: true, value: { id, name: "Acme Identity" } });
    const service = await loadService(id);
    expect(service).toMatchObject({ id, name: "Acme Identity", apiKeyHash: null });
    expect(service!.policy).toEqual(defaultPolicy);
    const [event] = await auditEvents(id, "service.created");
    expect(event).toMatchObject({ serviceId: id, actor: administrator.actor, interface: "console", outcome: "success", details: { name: "Acme Identity" } });
  });

  it("refuses a bad id or name, naming the field and the rule, and writes nothing", async () => {
    const before = await db().service.count();
    for (const id of ["", "-leading-dash", "has space", "slash/inside", "ü-nicode", "x".repeat(65)]) {
      const outcome = await createService({ id, name: "Fine" }, administrator);
      expect(outcome).toMatchObject({ ok: false, status: 400, issues: [{ path: ["id"], message: expect.stringMatching(/^id must be 1–64 letters, digits/) }] });
    }
    expect(await createService({ id: newId("name"), name: "   " }, administrator)).toMatchObject({ ok: false, status: 400, issues: [{ path: ["name"], message: "name must not be empty" }] });
    expect(await createService({ id: newId("name"), name: "n".repeat(101) }, administrator)).toMatchObject({
      ok: false,
      issues: [{ path: ["name"], message: "name must be at most 100 characters" }],
    });
    expect(await createService({ name: "No id" }, administrator)).toMatchObject({ ok: false, issues: [{ path: ["id"] }] });
    expect(await db().service.count()).toBe(before);
  });

  it("allows numeric ids, as Authlete's are numbers", async () => {
    const id = String(Date.now()) + String(randomBytes(2).readUInt16BE());
    expect(await createService({ id, name: "Numbered" }, administrator)).toMatchObject({ ok: true, value: { id } });
  });

  it("refuses an id taken by a live service, or by one differing only in case", async () => {
    const id = await created("taken");
    expect(await createService({ id, name: "Again" }, administrator)).toEqual({ ok: false, status: 409, issues: [{ path: ["id"], message: `id “${id}” is already taken by another service` }] });
    const upper = id.toUpperCase();
    expect(await createService({ id: upper, name: "Shouting" }, administrator)).toMatchObject({
      ok: false,
      status: 409,
      issues: [{ path: ["id"], message: `id “${upper}” is already taken by another service (as “${id}”: ids differing only in case are not allowed)` }],
    });
  });

  it("never reuses the id of a deleted service, and says so", async () => {
    const id = await created("reuse");
    expect((await deleteService(id, id, administrator)).ok).toBe(true);
    const outcome = await createService({ id, name: "Reborn" }, administrator);
    expect(outcome).toMatchObject({ ok: false, status: 409, issues: [{ path: ["id"], message: expect.stringContaining(`id “${id}” belonged to a deleted service; a service id is never reused`) }] });
    expect(await loadService(id)).toBeNull();
  });

  it("gives an id to one of two creations made at once", async () => {
    const id = newId("race");
    const outcomes = await Promise.all([createService({ id, name: "First" }, administrator), createService({ id, name: "Second" }, administrator)]);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.find((o) => !o.ok)).toMatchObject({ status: 409, issues: [{ path: ["id"] }] });
    expect(await auditEvents(id, "service.created")).toHaveLength(1);
  });
});

describe("[SERVICES][RENAME] renameService", () => {
  it("renames a service and audits the names before and after; the same name writes nothing", async () => {
    const id = await created("rename");
    expect(await renameService(id, " Renamed service ", administrator)).toEqual({ ok: true, value: { id, name: "Renamed service" } });
    expect((await loadService(id))!.name).toBe("Renamed service");
    expect((await findService(id))!.name).toBe("Renamed service");
    expect((await auditEvents(id, "service.renamed")).map((e) => e.details)).toEqual([{ before: "Service rename", after: "Renamed service" }]);
    expect(await renameService(id, "Renamed service", administrator)).toMatchObject({ ok: true });
    expect(await auditEvents(id, "service.renamed")).toHaveLength(1);
  });

  it("refuses an empty or long name, and an unknown or deleted service", async () => {
    const id = await created("rename-bad");
    expect(await renameService(id, "", administrator)).toEqual({ ok: false, status: 400, issues: [{ path: ["name"], message: "name must not be empty" }] });
    expect(await renameService(id, "n".repeat(101), administrator)).toMatchObject({ ok: false, status: 400, issues: [{ path: ["name"] }] });
    expect(await renameService("no-such-service", "Name", administrator)).toMatchObject({ ok: false, status: 404, issues: [{ path: ["id"], message: "No service with the id “no-such-service”" }] });
    await deleteService(id, id, administrator);
    expect(await renameService(id, "Ghost", administrator)).toMatchObject({ ok: false, status: 404 });
  });
});

describe("[SERVICES][DELETE] deleteService", () => {
  it("refuses a service with live clients and says how many; deleted clients do not count", async () => {
    const id = await created("busy");
    const first = await registerClient(id);
    await registerClient(id);
    expect(await deleteService(id, id, administrator)).toEqual({
      ok: false,
      status: 409,
      issues: [{ path: ["clients"], message: "The service still has 2 clients; delete them first: only a service without clients can be deleted" }],
    });
    expect((await remove(id, managing(first), selfManaging(first.clientId))).ok).toBe(true);
    expect(await deleteService(id, id, administrator)).toMatchObject({ ok: false, issues: [{ message: expect.stringContaining("still has 1 client; delete it first") }] });
    expect(await findService(id)).not.toBeNull();
    expect(await auditEvents(id, "service.deleted")).toHaveLength(0);
  });

  it("never deletes the default service", async () => {
    expect(await deleteService(defaultId, defaultId, administrator)).toEqual({
      ok: false,
      status: 409,
      issues: [{ path: ["id"], message: `The default service (REGISTRAR_SERVICE_ID “${defaultId}”) cannot be deleted` }],
    });
    expect(await loadService(defaultId)).not.toBeNull();
  });

  it("needs the service's id typed exactly as confirmation", async () => {
    const id = await created("confirm");
    for (const confirmation of ["", id.toUpperCase(), ` ${id}`, undefined]) {
      expect(await deleteService(id, confirmation, administrator)).toEqual({
        ok: false,
        status: 400,
        issues: [{ path: ["confirmation"], message: `confirmation must be the service's id “${id}”, typed exactly` }],
      });
    }
    expect(await findService(id)).not.toBeNull();
  });

  it("leaves a tombstone: gone from the list and from loadService, its tokens and API keys revoked, audited under its id", async () => {
    const id = await created("gone");
    expect(await loadService(id)).not.toBeNull(); // cached now: the deletion must drop the copy
    const token = await createInitialAccessToken(id);
    const used = await createInitialAccessToken(id, { revokedAt: new Date("2026-01-01T00:00:00Z") });
    const key = newToken();
    await db().serviceApiKey.create({ data: { serviceId: id, name: "AS", keyHash: hashToken(key), hint: key.slice(-4), createdBy: administrator.actor } });
    expect((await listServices()).map((s) => s.id)).toContain(id);

    const outcome = await deleteService(id, id, administrator);
    expect(outcome).toEqual({ ok: true, value: { id, name: "Service gone", revokedInitialAccessTokens: 1, revokedApiKeys: 1 } });
    expect(await loadService(id)).toBeNull();
    expect(await findService(id)).toBeNull();
    expect((await listServices()).map((s) => s.id)).not.toContain(id);
    expect((await initialAccessToken(token.id)).revokedAt).not.toBeNull();
    expect((await initialAccessToken(used.id)).revokedAt).toEqual(new Date("2026-01-01T00:00:00Z"));
    expect((await db().serviceApiKey.findFirstOrThrow({ where: { serviceId: id } })).revokedAt).not.toBeNull();
    expect((await db().service.findUniqueOrThrow({ where: { id } })).deletedAt).not.toBeNull();
    const [event] = await auditEvents(id, "service.deleted");
    expect(event).toMatchObject({ serviceId: id, actor: administrator.actor, outcome: "success", details: { name: "Service gone", revokedInitialAccessTokens: 1, revokedApiKeys: 1 } });

    expect(await deleteService(id, id, administrator)).toMatchObject({ ok: false, status: 404 });
  });
});

describe("[SERVICES][LIST] listServices", () => {
  it("lists live services, the default first, then by name, with their live clients counted", async () => {
    const id = await created("listed");
    await renameService(id, "aaa first by name", administrator);
    const client = await registerClient(id);
    await registerClient(id);
    expect((await remove(id, managing(client), selfManaging(client.clientId))).ok).toBe(true);
    const services = await listServices();
    expect(services[0]).toMatchObject({ id: defaultId, isDefault: true });
    expect(services.filter((s) => s.isDefault)).toHaveLength(1);
    expect(services.find((s) => s.id === id)).toMatchObject({ id, name: "aaa first by name", isDefault: false, clients: { value: 1, exact: true } });
    const names = services.slice(1).map((s) => s.name.toLowerCase());
    expect(names).toEqual([...names].sort());
  });
});
