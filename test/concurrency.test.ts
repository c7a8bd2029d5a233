import { beforeAll, describe, expect, it } from "vitest";
import { newToken } from "@/lib/registration/credentials";
import { read, register, update } from "@/lib/registration/service";
import { webClient } from "./support/metadata";
import {
  administrator,
  anonymous,
  expectFailure,
  expectOk,
  invalidTokenFailure,
  managing,
  registerClient,
  revisions,
  selfManaging,
  updateDocument,
} from "./support/registrations";
import { activeClientCount, createTestService, expectRowChanges, type TestService } from "./support/services";

// Nothing is ever silently overwritten. Parallel console edits from one version: one wins,
// the others get a conflict naming it. Parallel RFC 7592 updates are serialized without gaps.

const parallel = 20;
let service: TestService;
beforeAll(async () => {
  service = await createTestService("concurrency");
});

describe("[CORE][CONCURRENCY]", () => {
  it(`[CORE][CONCURRENCY]: ${parallel} console edits from the same version: exactly one is saved, ${parallel - 1} get a 409 naming it`, async () => {
    await service.setPolicy({});
    const client = await registerClient(service.id, webClient({ client_name: "Original" }));
    const edit = (i: number) =>
      update(service.id, { ...managing(client), document: updateDocument(client, { client_name: `Edit ${i}` }), expectedVersion: 1 }, administrator);

    const outcomes = await expectRowChanges(service.id, { revisions: 1, audits: 1 }, () => Promise.all(Array.from({ length: parallel }, (_, i) => edit(i))));

    const saved = outcomes.filter((o) => o.ok);
    expect(saved).toHaveLength(1);
    const winner = expectOk(saved[0]!);
    expect(winner.version).toBe(2);
    const conflict = {
      status: 409,
      error: "conflict",
      description: "This client was changed since version 1 (it is now at version 2)",
      issues: [],
      conflict: {
        baseVersion: 1,
        currentVersion: 2,
        currentMetadata: winner.metadata,
        // The service rotates tokens: the winner's save replaced the token every other edit presented.
        registrationAccessTokenReplaced: true,
        earlier: 0,
        since: [
          {
            version: 2,
            kind: "updated",
            actor: administrator.actor,
            interface: "console",
            at: expect.any(Date),
            changeSet: [{ path: ["client_name"], before: "Original", after: winner.metadata.client_name }],
          },
        ],
      },
    };
    const refused = outcomes.filter((o) => !o.ok).map(expectFailure);
    expect(refused).toHaveLength(parallel - 1);
    for (const failure of refused) expect(failure).toEqual(conflict);
    expect((await revisions(client.clientId)).map((r) => r.version)).toEqual([1, 2]);
  });

  it(`[CORE][CONCURRENCY]: ${parallel} RFC 7592 updates with the same token are serialized: all succeed, versions 2..${parallel + 1} without gaps`, async () => {
    await service.setPolicy({ rotateRegistrationAccessTokenOnUpdate: false });
    const client = await registerClient(service.id);
    const change = (i: number) => update(service.id, { ...managing(client), document: updateDocument(client, { client_name: `Update ${i}` }) }, selfManaging(client.clientId));

    const outcomes = await expectRowChanges(service.id, { revisions: parallel, audits: parallel }, () =>
      Promise.all(Array.from({ length: parallel }, (_, i) => change(i))),
    );

    const versions = Array.from({ length: parallel }, (_, i) => i + 2);
    const results = outcomes.map(expectOk);
    expect(results.map((r) => r.version).sort((a, b) => a - b)).toEqual(versions);
    const history = await revisions(client.clientId);
    expect(history.map((r) => r.version)).toEqual([1, ...versions]);
    // Each revision's change set starts from the one before it: no update was based on a stale row.
    history.slice(1).forEach((revision, i) => {
      const previousName = (history[i]!.metadata as { client_name?: string }).client_name;
      expect(revision.changeSet).toEqual([{ path: ["client_name"], ...(previousName && { before: previousName }), after: (revision.metadata as { client_name: string }).client_name }]);
    });
    const last = results.find((r) => r.version === parallel + 1)!;
    expect(expectOk(await read(service.id, managing(client), selfManaging(client.clientId)))).toMatchObject({ version: parallel + 1, metadata: last.metadata });
  });

  it(`[CORE][CONCURRENCY]: ${parallel} parallel registrations of one software under blockDuplicateSoftwareId register exactly one client`, async () => {
    await service.setPolicy({ blockDuplicateSoftwareId: true });
    const document = webClient({ software_id: `sw-${Date.now()}` });
    const outcomes = await expectRowChanges(service.id, { clients: 1, revisions: 1, audits: 1 }, () =>
      Promise.all(Array.from({ length: parallel }, () => register(service.id, { document }, anonymous))),
    );
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    for (const outcome of outcomes.filter((o) => !o.ok)) expect(expectFailure(outcome)).toMatchObject({ status: 400, error: "invalid_client_metadata" });
  });

  it(`[CORE][CONCURRENCY]: ${parallel} parallel registrations with room for 3 more clients register exactly 3`, async () => {
    await service.setPolicy({ maxClients: (await activeClientCount(service.id)) + 3 });
    const outcomes = await expectRowChanges(service.id, { clients: 3, revisions: 3, audits: 3 }, () =>
      Promise.all(Array.from({ length: parallel }, () => register(service.id, { document: webClient() }, anonymous))),
    );
    expect(outcomes.filter((o) => o.ok)).toHaveLength(3);
    for (const outcome of outcomes.filter((o) => !o.ok)) expect(expectFailure(outcome)).toMatchObject({ status: 403, error: "access_denied" });
  });

  it(`[CORE][CONCURRENCY]: a burst of ${parallel} requests with bad tokens is answered with ${parallel} identical 401s, each audited`, async () => {
    await service.setPolicy({});
    const client = await registerClient(service.id);
    const outcomes = await expectRowChanges(service.id, { audits: parallel }, () =>
      Promise.all(Array.from({ length: parallel }, () => read(service.id, { clientId: client.clientId, registrationAccessToken: newToken() }, selfManaging(client.clientId)))),
    );
    for (const outcome of outcomes) expect(expectFailure(outcome)).toEqual(invalidTokenFailure);
    expectOk(await read(service.id, managing(client), selfManaging(client.clientId)));
  });
});
