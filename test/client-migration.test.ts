import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Caller } from "@/lib/audit";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { exportClients } from "@/lib/migration/export";
import { applyImport, ImportFileError, planImport, tokenHashMember, type ImportReport } from "@/lib/migration/import";
import { authleteClient } from "@/lib/protocols/authlete-client";
import { decryptSecret, hashToken } from "@/lib/registration/credentials";
import { read, type ClientInformation } from "@/lib/registration/service";
import { ecKey, jwksWith, machineClient, nativeClient, webClient, type Doc } from "./support/metadata";
import { clientRow, expectOk, registerClient, revisions, selfManaging, storedText } from "./support/registrations";
import { auditEvents, createTestService, expectRowChanges, rowCounts, type TestService } from "./support/services";

// Client files in and out (docs/API.md, Client files): the dry run, applying (idempotent,
// credentials kept), refusals with their lines, Authlete's client list, the export and the round trip, against
// the real PostgreSQL.

const admin: Caller = { interface: "cli", actor: "cli:ops", ip: null, requestId: "req-import" };
const secretA = "s3cret-A-0123456789abcdefghijklmnopqrstuvwxyz";
// Registration access token hashes are unique across services: a token of its own for each run of the file.
const tokenA = `rat-A-${randomBytes(16).toString("base64url")}`;

let service: TestService;
let other: TestService;
let prefix = 0;
beforeAll(async () => {
  service = await createTestService("migration");
  other = await createTestService("migration-other");
});
beforeEach(async () => {
  await service.setPolicy({});
  prefix++;
});

/** A client_id unique to this test. */
const id = (name: string) => `mig-${prefix}-${name}-${service.id.slice(-8)}`;
const ndjson = (...records: Doc[]) => records.map((r) => JSON.stringify(r)).join("\n") + "\n";
const entry = (report: ImportReport, clientId: string) => report.entries.find((e) => e.clientId === clientId)!;
const collect = async (lines: AsyncGenerator<string>) => {
  let text = "";
  for await (const line of lines) text += line;
  return text;
};

describe("[MIGRATION][IMPORT] RFC 7591 client information", () => {
  it("[MIGRATION]: the dry run lists create, update, unchanged and refuse with reasons and lines, and writes nothing", async () => {
    const existing = id("existing");
    const same = id("same");
    await applyImport(service.id, ndjson({ client_id: existing, ...machineClient({ client_name: "Before" }), client_secret: secretA }, { client_id: same, ...nativeClient(["com.example.app:/cb"]), token_endpoint_auth_method: "none" }), admin);
    const file = ndjson(
      { client_id: id("new"), ...webClient({ client_name: "New" }), client_secret: secretA },
      { client_id: existing, ...machineClient({ client_name: "After" }), client_secret: secretA },
      { client_id: same, ...nativeClient(["com.example.app:/cb"]), token_endpoint_auth_method: "none" },
      { client_id: id("bad"), redirect_uris: ["https://app.example.com/cb#fragment"], client_secret: secretA },
    );
    const report = await expectRowChanges(service.id, {}, () => planImport(service.id, file));
    expect(report).toMatchObject({ format: "rfc7591", total: 4, applied: false, counts: { create: 1, update: 1, unchanged: 1, refuse: 1 } });
    expect(report.entries.map((e) => [e.line, e.outcome])).toEqual([
      [1, "create"],
      [2, "update"],
      [3, "unchanged"],
      [4, "refuse"],
    ]);
    expect(entry(report, existing).changed).toEqual(["client_name"]);
    expect(entry(report, id("new")).clientName).toBe("New");
    expect(entry(report, id("bad")).reasons).toEqual([expect.stringMatching(/^redirect_uris\[0\] .*fragment/)]);
  });

  it("[MIGRATION]: applying keeps the client_id, the secret, the issue and expiry times; the token works through RFC 7592", async () => {
    const clientId = id("kept");
    const file = ndjson({ client_id: clientId, client_secret: secretA, client_id_issued_at: 1_700_000_000, client_secret_expires_at: 2_000_000_000, registration_access_token: tokenA, ...webClient({ client_name: "Kept" }) });
    const report = await expectRowChanges(service.id, { clients: 1, revisions: 1, audits: 1 }, () => applyImport(service.id, file, admin));
    expect(report).toMatchObject({ applied: true, counts: { create: 1, update: 0, unchanged: 0, refuse: 0 } });
    const row = await clientRow(clientId);
    expect(row).toMatchObject({ serviceId: service.id, origin: "import", version: 1, secretExpiresAt: 2_000_000_000, clientName: "Kept", selfManaged: true });
    expect(row.createdAt.getTime()).toBe(1_700_000_000_000);
    expect(decryptSecret(row.secretCiphertext!, config().encryptionKey, `${service.id}/${clientId}`)).toBe(secretA);
    expect(Buffer.from(row.registrationAccessTokenHash!)).toEqual(Buffer.from(hashToken(tokenA)));
    expect(await revisions(clientId)).toMatchObject([{ version: 1, kind: "imported", actor: "cli:ops", interface: "cli" }]);
    const [audit] = await auditEvents(service.id, "client.imported").then((events) => events.filter((e) => e.clientId === clientId));
    expect(audit).toMatchObject({ outcome: "success", interface: "cli", requestId: "req-import", details: { origin: "import", version: 1 } });
    expect(storedText(audit, await revisions(clientId))).not.toContain(secretA);
    expect(storedText(audit, await revisions(clientId))).not.toContain(tokenA);

    const information = expectOk(await read(service.id, { clientId, registrationAccessToken: tokenA }, selfManaging(clientId)));
    expect(information).toMatchObject({ clientId, clientSecret: secretA, clientIdIssuedAt: 1_700_000_000, clientSecretExpiresAt: 2_000_000_000, metadata: { client_name: "Kept" } });
  });

  it("[MIGRATION]: a second apply finds every client unchanged and writes no revision or audit event", async () => {
    const file = ndjson(
      { client_id: id("a"), client_secret: secretA, registration_access_token: `${tokenA}-a`, ...webClient() },
      { client_id: id("b"), token_endpoint_auth_method: "none", ...nativeClient(["com.example.b:/cb"]) },
    );
    await applyImport(service.id, file, admin);
    const again = await expectRowChanges(service.id, {}, () => applyImport(service.id, file, admin));
    expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 2, refuse: 0 });
    // A secret given to a client that uses none is left out, and said so.
    const publicWithSecret = await planImport(service.id, ndjson({ client_id: id("b"), token_endpoint_auth_method: "none", ...nativeClient(["com.example.b:/cb"]), client_secret: secretA }));
    expect(publicWithSecret.entries[0]).toMatchObject({ outcome: "unchanged", notes: ['client_secret is not kept: token_endpoint_auth_method "none" uses no client secret'] });
  });

  it("[MIGRATION]: an update writes a new version with an 'imported' revision; what changed is reported", async () => {
    const clientId = id("upd");
    await applyImport(service.id, ndjson({ client_id: clientId, client_secret: secretA, ...webClient({ client_name: "One" }) }), admin);
    const report = await expectRowChanges(service.id, { revisions: 1, audits: 1 }, () =>
      applyImport(service.id, ndjson({ client_id: clientId, client_secret: `${secretA}-2`, ...webClient({ client_name: "Two" }) }), admin),
    );
    expect(entry(report, clientId)).toMatchObject({ outcome: "update", changed: ["client_name", "client_secret"] });
    expect(await clientRow(clientId)).toMatchObject({ version: 2, clientName: "Two" });
    expect((await revisions(clientId)).map((r) => r.kind)).toEqual(["imported", "imported"]);
  });

  it("[MIGRATION]: a bad record is refused with its line and nothing is written for it; the others are written", async () => {
    const good = id("good");
    const bad = id("bad-uri");
    const file = `${JSON.stringify({ client_id: good, client_secret: secretA, ...webClient() })}\n\n${JSON.stringify({ client_id: bad, client_secret: secretA, redirect_uris: ["javascript:alert(1)"] })}\n`;
    const report = await expectRowChanges(service.id, { clients: 1, revisions: 1, audits: 1 }, () => applyImport(service.id, file, admin));
    expect(entry(report, bad)).toMatchObject({ line: 3, outcome: "refuse", reasons: [expect.stringMatching(/^redirect_uris\[0\]/)] });
    expect(await db().client.count({ where: { clientId: bad } })).toBe(0);
    expect(await db().auditEvent.count({ where: { clientId: bad } })).toBe(0);
  });

  it("[MIGRATION]: a client_id repeated in the file refuses the later record, naming the line of the first", async () => {
    const clientId = id("dup");
    const report = await planImport(service.id, ndjson({ client_id: clientId, ...machineClient(), client_secret: secretA }, { client_id: id("x"), ...machineClient(), client_secret: secretA }, { client_id: clientId, ...machineClient(), client_secret: secretA }));
    expect(report.entries[2]).toMatchObject({ line: 3, outcome: "refuse", reasons: [`client_id "${clientId}" repeats the client of line 1`] });
    expect(report.counts).toEqual({ create: 2, update: 0, unchanged: 0, refuse: 1 });
  });

  it("[MIGRATION]: a client_id of another service is refused", async () => {
    const clientId = id("theirs");
    await applyImport(other.id, ndjson({ client_id: clientId, ...machineClient(), client_secret: secretA }), admin);
    const report = await expectRowChanges(service.id, {}, () => applyImport(service.id, ndjson({ client_id: clientId, ...machineClient(), client_secret: secretA }), admin));
    expect(entry(report, clientId)).toMatchObject({ outcome: "refuse", reasons: [`client_id "${clientId}" belongs to another service`] });
  });

  it("[MIGRATION]: missing or malformed credentials are refused, naming the member and the rule", async () => {
    const report = await planImport(
      service.id,
      ndjson(
        { ...machineClient(), client_secret: secretA },
        { client_id: "has space", ...machineClient(), client_secret: secretA },
        { client_id: id("nosecret"), ...machineClient() },
        { client_id: id("time"), ...machineClient(), client_secret: secretA, client_id_issued_at: "yesterday" },
        { client_id: id("hash"), ...machineClient(), client_secret: secretA, [tokenHashMember]: "short" },
      ),
    );
    expect(report.entries.map((e) => e.reasons[0])).toEqual([
      "client_id is required",
      expect.stringMatching(/^client_id must be 1 to 255 visible ASCII characters/),
      expect.stringMatching(/^client_secret is required/),
      expect.stringMatching(/^client_id_issued_at must be a whole number of seconds/),
      expect.stringMatching(new RegExp(`^${tokenHashMember} must be the base64url SHA-256`)),
    ]);
  });

  it("[MIGRATION]: maxClients holds for imports: new clients beyond it are refused", async () => {
    await service.setPolicy({ maxClients: (await db().client.count({ where: { serviceId: service.id, deletedAt: null } })) + 1 });
    const report = await planImport(service.id, ndjson({ client_id: id("m1"), ...machineClient(), client_secret: secretA }, { client_id: id("m2"), ...machineClient(), client_secret: secretA }));
    expect(report.entries.map((e) => e.outcome)).toEqual(["create", "refuse"]);
    expect(report.entries[1]!.reasons[0]).toMatch(/at most \d+ clients \(policy maxClients\)/);
  });

  it("[MIGRATION]: with blockDuplicateSoftwareId, a software_id another client has, or an earlier record of the file, is refused", async () => {
    const softwareId = id("sw");
    await applyImport(service.id, ndjson({ client_id: id("sw-holder"), ...machineClient({ software_id: softwareId }), client_secret: secretA }), admin);
    await service.setPolicy({ blockDuplicateSoftwareId: true });
    const taken = await planImport(service.id, ndjson({ client_id: id("sw-other"), ...machineClient({ software_id: softwareId }), client_secret: secretA }));
    expect(taken.entries[0]).toMatchObject({ outcome: "refuse", reasons: [`software_id "${softwareId}" is already registered (policy blockDuplicateSoftwareId)`] });
    const report = await planImport(
      service.id,
      ndjson(
        { client_id: id("sw-holder"), ...machineClient({ software_id: softwareId, client_name: "Same software, renamed" }), client_secret: secretA },
        { client_id: id("sw-new1"), ...machineClient({ software_id: `${softwareId}-2` }), client_secret: secretA },
        { client_id: id("sw-new2"), ...machineClient({ software_id: `${softwareId}-2` }), client_secret: secretA },
      ),
    );
    expect(report.entries.map((e) => [e.outcome, e.reasons])).toEqual([
      ["update", []],
      ["create", []],
      ["refuse", [`software_id "${softwareId}-2" repeats the one of line 2 (policy blockDuplicateSoftwareId)`]],
    ]);
  });

  it("[MIGRATION]: the dry run reports progress, and an aborted apply stops between batches", async () => {
    const file = ndjson(...Array.from({ length: 5 }, (_, i) => ({ client_id: id(`p${i}`), ...machineClient(), client_secret: secretA })));
    const seen: [number, number][] = [];
    await planImport(service.id, file, { onProgress: (done, total) => seen.push([done, total]) });
    expect(seen.at(-1)).toEqual([5, 5]);
    // Applied in batches of 2, several in flight: the count only grows, by whole batches, up to the total.
    const applied: number[] = [];
    await applyImport(service.id, file, admin, { batchSize: 2, onProgress: (done, total) => (expect(total).toBe(5), applied.push(done)) });
    expect(applied).toEqual([...applied].sort((a, b) => a - b));
    expect(applied[0]).toBe(0);
    expect(applied.at(-1)).toBe(5);
    expect(applied.filter((done) => done > 5)).toEqual([]);
    const controller = new AbortController();
    controller.abort();
    await expect(expectRowChanges(service.id, {}, () => applyImport(service.id, file, admin, { batchSize: 2, signal: controller.signal }))).rejects.toThrow();
  });

  it("[MIGRATION]: a JSON array gives each element's starting line; malformed JSON is one error with its line and column", async () => {
    const file = `[\n  ${JSON.stringify({ client_id: id("arr1"), ...machineClient(), client_secret: secretA })},\n  {\n    "client_id": "${id("arr2")}",\n    "redirect_uris": ["ftp://x"]\n  }\n]`;
    const report = await planImport(service.id, file);
    expect(report.entries.map((e) => [e.line, e.outcome])).toEqual([
      [2, "create"],
      [3, "refuse"],
    ]);
    const error = await planImport(service.id, `[\n  {"client_id": "x",}\n]`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFileError);
    expect(error).toMatchObject({ line: 2, column: 21 });
    expect((error as Error).message).toMatch(/line 2, column 21/);
  });
});

describe("[MIGRATION][AUTHLETE] Authlete's client list", () => {
  it("[MIGRATION]: clients mapped to Authlete's model by authleteClient() import with the same metadata and secret", async () => {
    const information = (clientId: string, number: number, metadata: Doc, clientSecret: string | null): ClientInformation =>
      ({ clientId, number, clientSecret, clientIdIssuedAt: 1_690_000_000, clientSecretExpiresAt: 0, registrationAccessToken: null, registrationAccessTokenRotated: false, registrationClientUri: "", metadata, version: 1, origin: "dynamic", updatedAt: new Date(1_690_000_000_000) }) as ClientInformation;
    const web = { ...webClient({ client_name: "Web", "client_name#ja": "ウェブ", contacts: ["ops@example.com"], id_token_signed_response_alg: "ES256", jwks: jwksWith(ecKey), scope: "openid payments", post_logout_redirect_uris: ["https://app.example.com/bye"] }), grant_types: ["authorization_code", "refresh_token"], response_types: ["code"], application_type: "web", token_endpoint_auth_method: "client_secret_basic" };
    const native = { ...nativeClient(["com.example.app:/cb"]), grant_types: ["authorization_code"], response_types: ["code"], token_endpoint_auth_method: "none", request_object_encryption_alg: "RSA-OAEP-256", request_object_encryption_enc: "A128CBC-HS256" };
    const list = {
      start: 0,
      end: 2,
      totalCount: 2,
      clients: [
        { ...authleteClient(information(id("web"), 1, web, secretA), service.id), registrationAccessTokenHash: "opaque" },
        authleteClient(information(id("native"), 2, native, null), service.id),
        { clientId: 3, clientName: "Numbered", grantTypes: ["CLIENT_CREDENTIALS"], tokenAuthMethod: "CLIENT_SECRET_POST", clientSecret: secretA, createdAt: 1_690_000_000_123 },
      ],
    };
    const report = await applyImport(service.id, JSON.stringify(list, null, 2), admin);
    expect(report).toMatchObject({ format: "authlete", counts: { create: 3, refuse: 0 } });
    expect(entry(report, id("web")).notes).toEqual([expect.stringMatching(/registrationAccessTokenHash is not kept/)]);
    const webRow = await clientRow(id("web"));
    expect(webRow.metadata).toMatchObject(web);
    expect(decryptSecret(webRow.secretCiphertext!, config().encryptionKey, `${service.id}/${id("web")}`)).toBe(secretA);
    expect(webRow.createdAt.getTime()).toBe(1_690_000_000_000);
    expect(webRow.registrationAccessTokenHash).toBeNull();
    expect((await clientRow(id("native"))).metadata).toMatchObject(native);
    expect(await clientRow("3")).toMatchObject({ clientName: "Numbered", tokenEndpointAuthMethod: "client_secret_post" });
    // The lines are those of each element in the pretty-printed list.
    expect(report.entries.map((e) => e.line)).toEqual([6, expect.any(Number), expect.any(Number)]);
    await db().client.deleteMany({ where: { clientId: "3" } });
  });
});

describe("[MIGRATION][EXPORT] NDJSON of RFC 7591 client information", () => {
  it("[MIGRATION]: without secrets a line has no client_secret and no token hash; with secrets the export is audited as such", async () => {
    const exporter = await createTestService("migration-export");
    const client = await registerClient(exporter.id, webClient({ client_name: "Exported" }));
    const plain = await collect(exportClients(exporter.id, { includeSecrets: false }, admin));
    const [line] = plain.trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(line).toMatchObject({ client_id: client.clientId, client_id_issued_at: client.clientIdIssuedAt, client_name: "Exported" });
    expect(line).not.toHaveProperty("client_secret");
    expect(line).not.toHaveProperty(tokenHashMember);
    expect(plain).not.toContain(client.clientSecret!);

    const withSecrets = JSON.parse(await collect(exportClients(exporter.id, { includeSecrets: true, where: { clientName: "Exported" } }, admin)));
    expect(withSecrets).toMatchObject({ client_id: client.clientId, client_secret: client.clientSecret, [tokenHashMember]: Buffer.from(hashToken(client.registrationAccessToken!)).toString("base64url") });
    expect((await auditEvents(exporter.id, "clients.exported")).map((e) => e.details)).toEqual([
      { count: 1, includeSecrets: false, filtered: false, complete: true },
      { count: 1, includeSecrets: true, filtered: true, complete: true },
    ]);
  });

  it("[MIGRATION]: round trip: export with secrets, import into an empty service, same metadata and working credentials", async () => {
    const source = await createTestService("migration-round");
    const registered = [
      await registerClient(source.id, webClient({ client_name: "Round web", contacts: ["a@example.com"], "client_name#fr": "Aller-retour" })),
      await registerClient(source.id, { ...nativeClient(["com.example.round:/cb"]), token_endpoint_auth_method: "none" }),
      await registerClient(source.id, machineClient({ jwks: jwksWith(ecKey), token_endpoint_auth_method: "private_key_jwt" })),
    ];
    const file = await collect(exportClients(source.id, { includeSecrets: true }, admin));
    const before = await db().client.findMany({ where: { serviceId: source.id }, orderBy: { clientId: "asc" } });
    await db().client.deleteMany({ where: { serviceId: source.id } });
    expect((await rowCounts(source.id)).clients).toBe(0);

    const report = await applyImport(source.id, file, admin);
    expect(report.counts).toEqual({ create: 3, update: 0, unchanged: 0, refuse: 0 });
    const after = await db().client.findMany({ where: { serviceId: source.id }, orderBy: { clientId: "asc" } });
    const comparable = (rows: typeof before) => rows.map((r) => ({ clientId: r.clientId, metadata: r.metadata, createdAt: Math.floor(r.createdAt.getTime() / 1000), secretExpiresAt: r.secretExpiresAt, token: r.registrationAccessTokenHash && Buffer.from(r.registrationAccessTokenHash).toString("hex"), searchText: r.searchText }));
    expect(comparable(after)).toEqual(comparable(before));
    for (const client of registered) {
      const information = expectOk(await read(source.id, { clientId: client.clientId, registrationAccessToken: client.registrationAccessToken }, selfManaging(client.clientId)));
      expect(information.clientSecret).toBe(client.clientSecret);
      expect(information.metadata).toEqual(client.metadata);
    }
    // And the file applied again changes nothing.
    expect((await planImport(source.id, file)).counts).toEqual({ create: 0, update: 0, unchanged: 3, refuse: 0 });
  });
});

describe("[MIGRATION][CLI] npm run clients:import / clients:export", () => {
  const exec = promisify(execFile);
  /** A script against the test database and `service`; its exit code and output. */
  async function script(name: string, ...args: string[]) {
    try {
      const { stdout, stderr } = await exec(process.execPath, ["--import", "tsx", `scripts/${name}.ts`, ...args], { env: { ...process.env, LOG_LEVEL: "warn" } });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  it("[MIGRATION]: the dry run prints each client and the counts and exits 1 on a refusal; --apply writes; export writes NDJSON", async () => {
    const cli = await createTestService("migration-cli");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "registrar-clients-"));
    const file = path.join(dir, "clients.ndjson");
    fs.writeFileSync(file, ndjson({ client_id: id("cli-ok"), ...machineClient(), client_secret: secretA }, { client_id: id("cli-bad"), redirect_uris: ["ftp://x"] }));

    const dry = await script("clients-import", "--service", cli.id, file);
    expect(dry.code).toBe(1);
    expect(dry.stdout).toMatch(new RegExp(`^1 +${id("cli-ok")} +create`, "m"));
    expect(dry.stdout).toMatch(new RegExp(`^2 +${id("cli-bad")} +refuse +redirect_uris`, "m"));
    expect(dry.stdout).toContain("2 clients (rfc7591): 1 created, 0 updated, 0 unchanged, 1 refused (dry run");
    expect(await db().client.count({ where: { serviceId: cli.id } })).toBe(0);

    const applied = await script("clients-import", "--service", cli.id, "--apply", file);
    expect(applied.code).toBe(1);
    expect(applied.stderr).toContain("importing: 2/2");
    expect(await db().client.count({ where: { serviceId: cli.id } })).toBe(1);

    const out = path.join(dir, "export.ndjson");
    const exported = await script("clients-export", "--service", cli.id, "--include-secrets", "--out", out);
    expect(exported).toMatchObject({ code: 0 });
    expect(JSON.parse(fs.readFileSync(out, "utf8"))).toMatchObject({ client_id: id("cli-ok"), client_secret: secretA });
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
    expect((await auditEvents(cli.id, "clients.exported"))[0]).toMatchObject({ actor: expect.stringMatching(/^cli:/), interface: "cli", details: { count: 1, includeSecrets: true } });
    expect((await script("clients-import", "--format", "xml", file)).code).toBe(2);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
