import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createServiceInitialAccessToken, revokeServiceInitialAccessToken, saveServicePolicy } from "@/lib/settings/actions";
import { listInitialAccessTokens } from "@/lib/settings/queries";
import { defaultPolicy } from "@/lib/registration/policy";
import { register } from "@/lib/registration/service";
import { db } from "@/lib/db";
import { loadService } from "@/lib/registration/store";
import { consoleAdministrators, dedicatedConsoleService } from "./support/console-actions";
import { webClient } from "./support/metadata";
import { anonymous, expectFailure, invalidTokenFailure } from "./support/registrations";
import { auditEvents, expectRowChanges } from "./support/services";

vi.mock("next/headers", async () => (await import("./support/console-actions")).nextHeadersMock());

const service = dedicatedConsoleService("settings");
const administrators = consoleAdministrators();
const as = administrators.actAs;

beforeAll(async () => {
  await service.create();
  await administrators.signIn();
});

afterEach(async () => {
  as(null);
  await service.setPolicy({});
});

describe("[SETTINGS][POLICY] saveServicePolicy", () => {
  it("is refused to nobody, a viewer and an editor", async () => {
    const policy = { ...defaultPolicy, registrationMode: "console_only" as const };
    expect((await saveServicePolicy({ serviceId: service.id, policy })).serverError).toBe("Your session has ended. Sign in again to continue.");
    as("viewer");
    expect((await saveServicePolicy({ serviceId: service.id, policy })).serverError).toBe("Your role (viewer) does not allow this on this service.");
    as("editor");
    expect((await saveServicePolicy({ serviceId: service.id, policy })).serverError).toBe("Your role (editor) does not allow this on this service.");
    expect((await loadService(service.id))!.policy.registrationMode).toBe("open");
  });

  it("refuses an invalid policy with the member's path, and saves nothing", async () => {
    as("admin");
    const result = await expectRowChanges(service.id, {}, () => saveServicePolicy({ serviceId: service.id, policy: { ...defaultPolicy, maxClients: -3, allowedGrantTypes: ["authorization_code", "magic" as never] } }));
    expect(result.validationErrors?.policy?.maxClients?._errors?.length).toBe(1);
    expect(result.validationErrors?.policy?.allowedGrantTypes).toBeDefined();
  });

  it("saves an admin's policy and audits the members that changed; an unchanged policy writes nothing", async () => {
    as("admin");
    const result = await expectRowChanges(service.id, { audits: 1 }, () =>
      saveServicePolicy({ serviceId: service.id, policy: { ...defaultPolicy, registrationMode: "initial_access_token", limits: { ...defaultPolicy.limits, maxRedirectUris: 10 } } }),
    );
    expect(result.data).toEqual({ ok: true, changed: ["limits.maxRedirectUris", "registrationMode"] });
    expect((await loadService(service.id))!.policy).toMatchObject({ registrationMode: "initial_access_token", limits: { maxRedirectUris: 10 } });
    expect((await auditEvents(service.id, "service.policy_updated")).at(-1)).toMatchObject({
      actor: `admin:${administrators.email("admin")}`,
      outcome: "success",
      interface: "console",
      details: { changed: ["limits.maxRedirectUris", "registrationMode"] },
    });
    const again = await expectRowChanges(service.id, {}, () => saveServicePolicy({ serviceId: service.id, policy: { ...defaultPolicy, registrationMode: "initial_access_token", limits: { ...defaultPolicy.limits, maxRedirectUris: 10 } } }));
    expect(again.data).toEqual({ ok: true, changed: [] });
  });
});

describe("[SETTINGS][IAT] initial access tokens", () => {
  it("are created (shown once) and revoked by an admin, with audit events; registration follows", async () => {
    await service.setPolicy({ registrationMode: "initial_access_token" });
    as("editor");
    expect((await createServiceInitialAccessToken({ serviceId: service.id, token: { description: "Partner onboarding", expiresInDays: 7, uses: 2 } })).serverError).toBe("Your role (editor) does not allow this on this service.");
    as("admin");
    const created = await createServiceInitialAccessToken({ serviceId: service.id, token: { description: "Partner onboarding", expiresInDays: 7, uses: 2 } });
    const { id, token, hint } = created.data!;
    expect(token.endsWith(hint)).toBe(true);
    const [listed] = await listInitialAccessTokens(service.id);
    expect(listed).toMatchObject({ id, hint, description: "Partner onboarding", usesLeft: 2, useCount: 0, status: "active", createdBy: `admin:${administrators.email("admin")}` });
    expect(JSON.stringify(listed)).not.toContain(token);

    expect((await register(service.id, { document: webClient(), initialAccessToken: token }, anonymous)).ok).toBe(true);
    expect((await listInitialAccessTokens(service.id))[0]).toMatchObject({ usesLeft: 1, useCount: 1 });

    expect((await revokeServiceInitialAccessToken({ serviceId: service.id, id })).data).toEqual({ id });
    expect((await listInitialAccessTokens(service.id))[0]!.status).toBe("revoked");
    expect(expectFailure(await register(service.id, { document: webClient(), initialAccessToken: token }, anonymous))).toEqual(invalidTokenFailure);
    expect((await revokeServiceInitialAccessToken({ serviceId: service.id, id })).serverError).toBe("This initial access token does not exist or was already revoked.");

    const actions = (await auditEvents(service.id)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["initial_access_token.created", "initial_access_token.revoked"]));
    expect((await auditEvents(service.id, "initial_access_token.created"))[0]!.details).toMatchObject({ id, hint, uses: 2 });
    expect(JSON.stringify((await auditEvents(service.id)).map((e) => e.details))).not.toContain(token);
  });

  it("the list's status is the rule registration applies: a used-up or expired token is listed so and refused", async () => {
    await service.setPolicy({ registrationMode: "initial_access_token" });
    as("admin");
    const once = (await createServiceInitialAccessToken({ serviceId: service.id, token: { description: "One use", expiresInDays: 7, uses: 1 } })).data!;
    const expiring = (await createServiceInitialAccessToken({ serviceId: service.id, token: { description: "Expires", expiresInDays: 7, uses: null } })).data!;
    const status = async (id: string) => (await listInitialAccessTokens(service.id)).find((t) => t.id === id)!.status;

    expect((await register(service.id, { document: webClient(), initialAccessToken: once.token }, anonymous)).ok).toBe(true);
    expect(await status(once.id)).toBe("used_up");
    expect(expectFailure(await register(service.id, { document: webClient(), initialAccessToken: once.token }, anonymous))).toEqual(invalidTokenFailure);

    expect(await status(expiring.id)).toBe("active");
    await db().initialAccessToken.update({ where: { id: expiring.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await status(expiring.id)).toBe("expired");
    expect(expectFailure(await register(service.id, { document: webClient(), initialAccessToken: expiring.token }, anonymous))).toEqual(invalidTokenFailure);
  });

  it("validates the creation form with the shared schema", async () => {
    as("admin");
    const result = await createServiceInitialAccessToken({ serviceId: service.id, token: { description: "x", expiresInDays: 0, uses: null } });
    expect(result.validationErrors?.token?.expiresInDays?._errors).toEqual(["must be at least 1 day"]);
  });
});
