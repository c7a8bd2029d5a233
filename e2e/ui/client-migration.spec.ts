import fs from "node:fs/promises";
import path from "node:path";
import { expect, test, type Download, type Locator, type Page } from "@playwright/test";
import { baseURL } from "../env";
import { registerThroughApi } from "../clients";
import { authFile, openClient, screenshots, seriousViolations } from "../support";

// Client migration in the console: the import page (dry run, then the import with its progress), the
// list's export, and who may do either.

/** A prefix of this run's clients: the database outlives a run, and an import is idempotent. */
const run = `mig${Date.now().toString(36)}`;

const ndjson = (records: unknown[]) => records.map((r) => (typeof r === "string" ? r : JSON.stringify(r))).join("\n") + "\n";

/** Chooses `text` as the import file, as the file picker would. */
async function chooseFile(page: Page, name: string, text: string | Buffer) {
  await page.locator("#import-file").setInputFiles({ name, mimeType: "application/x-ndjson", buffer: typeof text === "string" ? Buffer.from(text) : text });
  await expect(page.getByText(name, { exact: true })).toBeVisible();
}

/** The count tile of an outcome ("Create", "Refused", …) in the report. */
const tile = (page: Page, label: string) => page.getByRole("group", { name: "Filter the report by outcome" }).getByRole("button", { name: new RegExp(`^${label}\\s`) });

const report = (page: Page) => page.getByRole("table", { name: "Clients in the file" });

/** A full-page screenshot to look at; with `at`, the window's view of that part of the page instead. */
async function snap(page: Page, name: string, at?: Locator) {
  await page.mouse.move(0, 0);
  if (at) await at.evaluate((element) => element.scrollIntoView({ block: "center" }));
  else await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: !at });
}

/** The lines of a downloaded NDJSON export, parsed. */
async function exported(download: Download): Promise<Record<string, unknown>[]> {
  const text = await fs.readFile((await download.path())!, "utf8");
  return text
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

test.describe("signed in as an admin", () => {
  test.use({ storageState: authFile("admin") });

  test("[MIGRATION][IMPORT] an NDJSON file with a bad record: the dry run, the import with progress, the client in the list, and the same file again unchanged", async ({ page }) => {
    const file = ndjson([
      { client_id: `${run}-portal`, client_name: `Imported Portal ${run}`, redirect_uris: ["https://portal.imported.example/callback"], token_endpoint_auth_method: "client_secret_basic", client_secret: `portal-secret-${run}-0123456789abcdefghijklmnop` },
      { client_id: `${run}-broken`, client_name: `Imported Broken ${run}`, redirect_uris: ["not a URL"] },
      { client_id: `${run}-cli`, client_name: `Imported CLI ${run}`, grant_types: ["client_credentials"], token_endpoint_auth_method: "private_key_jwt", jwks_uri: "https://cli.imported.example/jwks.json" },
    ]);
    await page.goto("/clients");
    await page.getByRole("link", { name: "Import", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Import clients");
    await chooseFile(page, "clients.ndjson", file);
    await page.getByRole("button", { name: "Check" }).click();

    await expect(tile(page, "Create")).toContainText("2");
    await expect(tile(page, "Refused")).toContainText("1");
    await expect(tile(page, "Unchanged")).toContainText("0");
    // Refusals come first: the table opens on them, with the line and the reason naming the member.
    const refused = report(page).locator("tbody tr[data-outcome=refuse]");
    await expect(refused).toHaveCount(1);
    await expect(refused.locator("td").first()).toHaveText("2");
    await expect(refused).toContainText(`${run}-broken`);
    await expect(refused).toContainText("redirect_uris");
    await expect(page.getByText("nothing has been written yet")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await snap(page, "import-dry-run-light");
    await tile(page, "All").click();
    await expect(report(page).locator("tbody tr")).toHaveCount(3);

    await page.getByRole("button", { name: "Import 2 clients" }).click();
    const progress = page.getByRole("progressbar");
    await expect(progress).toHaveAttribute("aria-valuenow", "3");
    await expect(progress).toHaveAttribute("aria-valuemax", "3");
    await expect(page.getByRole("status")).toContainText("2 created, 0 changed, 0 unchanged, 1 refused.");
    await expect(tile(page, "Created")).toContainText("2");

    const clientId = await openClient(page, `Imported Portal ${run}`);
    expect(clientId).toBe(`${run}-portal`);
    // The origin in the header, and the revision kind in the history.
    await expect(page.getByText("Imported", { exact: true }).first()).toBeVisible();
    await page.goto(`/clients/${clientId}?tab=history`);
    const first = page.getByRole("list", { name: "Revisions" }).getByRole("listitem", { name: "Version 1" });
    await expect(first.getByText("Imported", { exact: true })).toBeVisible();

    // Idempotent: the same file again changes nothing, and the refusal is still reported.
    await page.goto("/clients/import");
    await chooseFile(page, "clients.ndjson", file);
    await page.getByRole("button", { name: "Check" }).click();
    await expect(tile(page, "Unchanged")).toContainText("2");
    await expect(tile(page, "Create")).toContainText("0");
    await expect(tile(page, "Change")).toContainText("0");
    await expect(tile(page, "Refused")).toContainText("1");
    await expect(page.getByRole("button", { name: "Nothing to import" })).toBeDisabled();
  });

  test("[MIGRATION][IMPORT] an Authlete client list is detected and imported", async ({ page }) => {
    const list = {
      start: 0,
      end: 1,
      totalCount: 1,
      clients: [
        {
          clientId: 7_100_001,
          clientIdAlias: `${run}-authlete`,
          clientIdAliasEnabled: true,
          clientName: `Authlete Storefront ${run}`,
          clientType: "CONFIDENTIAL",
          applicationType: "WEB",
          grantTypes: ["AUTHORIZATION_CODE", "REFRESH_TOKEN"],
          responseTypes: ["CODE"],
          redirectUris: ["https://storefront.authlete.example/callback"],
          tokenAuthMethod: "CLIENT_SECRET_BASIC",
          clientSecret: "authlete-e2e-secret-0123456789abcdefghijklmnopqrstuv",
        },
      ],
    };
    await page.goto("/clients/import");
    await chooseFile(page, "authlete-clients.json", JSON.stringify(list, null, 2));
    await page.getByRole("button", { name: "Check" }).click();
    await expect(page.getByText(/Authlete client list · 1 client/)).toBeVisible();
    await expect(tile(page, "Create")).toContainText("1");
    await page.getByRole("button", { name: "Import 1 client" }).click();
    await expect(page.getByRole("status")).toContainText("1 created");
    await openClient(page, `Authlete Storefront ${run}`);
  });

  test("[MIGRATION][IMPORT] an unreadable file is refused with where and why; pasted text is checked too", async ({ page }) => {
    await page.goto("/clients/import");
    await snap(page, "import-empty-light");
    await chooseFile(page, "broken.json", '[\n  {"client_id": "x",\n  "client_name": \n]\n');
    await page.getByRole("button", { name: "Check" }).click();
    // (Next.js's route announcer is an alert too.)
    const alert = page.getByRole("alert").filter({ hasText: "The file cannot be imported" });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText(/line \d+/i);
    await snap(page, "import-error-light");
    // Not UTF-8 at all.
    await chooseFile(page, "binary.ndjson", Buffer.from([0x7b, 0xff, 0xfe, 0x00, 0x7d]));
    await page.getByRole("button", { name: "Check" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "not UTF-8" })).toBeVisible();

    await page.getByRole("tab", { name: "Paste text" }).click();
    await page.getByLabel("Clients", { exact: true }).fill(ndjson([{ client_id: `${run}-pasted`, client_name: `Pasted ${run}`, redirect_uris: ["https://pasted.example/cb"], token_endpoint_auth_method: "none" }]));
    await page.getByRole("button", { name: "Check" }).click();
    await expect(tile(page, "Create")).toContainText("1");
  });

  test("[MIGRATION][IMPORT] a long file: a paged report, progress fed batch by batch, Stop, and continuing", async ({ page }) => {
    test.setTimeout(180_000);
    // Enough for six pages of the report; few enough to leave the list specs that follow a total under 1,000.
    const count = 300;
    const records = Array.from({ length: count }, (_, i) => ({
      client_id: `${run}-bulk-${String(i).padStart(4, "0")}`,
      client_name: `Bulk ${run} ${i}`,
      redirect_uris: [`https://bulk-${i}.imported.example/callback`],
      token_endpoint_auth_method: "none",
    }));
    await page.goto("/clients/import");
    await chooseFile(page, "bulk.ndjson", ndjson(records));
    await page.getByRole("button", { name: "Check" }).click();
    await expect(tile(page, "Create")).toContainText("300");
    await expect(report(page).locator("tbody tr")).toHaveCount(50);
    await expect(page.getByText("Page 1 of 6")).toBeVisible();
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page.getByText("51–100 of 300")).toBeVisible();
    await snap(page, "import-long-list-light", page.getByRole("group", { name: "Filter the report by outcome" }));

    // Stop: the import's request is held back (as on a slow server), so the Stop is sure to come first.
    await page.route("**/api/services/default/clients/import?step=apply", () => {});
    await page.getByRole("button", { name: "Import 300 clients" }).click();
    await expect(page.getByText(/^Importing… 0 of 300 clients$/)).toBeVisible();
    await snap(page, "import-progress-light", page.getByRole("progressbar"));
    await page.getByRole("button", { name: "Stop" }).click();
    await expect(page.getByText(/^Stopped: 0 of 300 clients$/)).toBeVisible();
    await page.unrouteAll({ behavior: "ignoreErrors" });

    // Continuing applies the file for real, batch by batch, to the end.
    await page.getByRole("button", { name: "Continue the import" }).click();
    await expect(page.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "300", { timeout: 120_000 });
    await expect(page.getByText("Done: 300 of 300 clients")).toBeVisible();
    await expect(page.getByRole("status")).toContainText("300 created, 0 changed, 0 unchanged, 0 refused.");
  });

  test("[MIGRATION][EXPORT] the list's export: the filtered clients as NDJSON, secrets only when ticked", async ({ page, request }) => {
    const tag = `${run}exp`;
    const confidential = await registerThroughApi(request, { client_name: `Export Confidential ${tag}` });
    const publicClient = await registerThroughApi(request, { client_name: `Export Public ${tag}`, token_endpoint_auth_method: "none" });
    expect(confidential.client_secret).toBeTruthy();

    await page.goto(`/clients?q=${tag}`);
    await page.getByRole("button", { name: "Export", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Export clients" });
    await expect(dialog.getByRole("radio", { name: /The clients of the current filter/ })).toBeChecked();
    await expect(dialog).toContainText("2 clients");
    expect(await seriousViolations(page)).toEqual([]);
    let downloading = page.waitForEvent("download");
    await dialog.getByRole("button", { name: "Download" }).click();
    let download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^clients-default-\d{4}-\d{2}-\d{2}\.ndjson$/);
    let lines = await exported(download);
    expect(lines.map((l) => l.client_id).sort()).toEqual([confidential.client_id, publicClient.client_id].sort());
    expect(lines.every((l) => !("client_secret" in l))).toBe(true);
    expect(lines.find((l) => l.client_id === confidential.client_id)).toMatchObject({ client_name: `Export Confidential ${tag}`, redirect_uris: ["https://e2e.example.com/callback"] });

    await page.getByRole("button", { name: "Export", exact: true }).click();
    await dialog.getByRole("checkbox", { name: /Include client secrets/ }).check();
    await expect(dialog.getByRole("alert").filter({ hasText: "Anyone with this file" })).toBeVisible();
    await snap(page, "export-dialog-secrets-light");
    downloading = page.waitForEvent("download");
    await dialog.getByRole("button", { name: "Download with secrets" }).click();
    download = await downloading;
    lines = await exported(download);
    expect(lines.find((l) => l.client_id === confidential.client_id)?.client_secret).toBe(confidential.client_secret);
    expect(lines.find((l) => l.client_id === publicClient.client_id)?.client_secret).toBeUndefined();

    // All clients: more than the filter's two.
    await page.getByRole("button", { name: "Export", exact: true }).click();
    await dialog.getByRole("radio", { name: /All clients/ }).check();
    downloading = page.waitForEvent("download");
    await dialog.getByRole("button", { name: "Download" }).click();
    lines = await exported(await downloading);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.map((l) => l.client_id)).toEqual(expect.arrayContaining([confidential.client_id, publicClient.client_id]));

    // Each export is in the audit log, by whom.
    await page.goto("/audit?action=clients.exported");
    const events = page.getByRole("table", { name: "Audit events" });
    await expect(events.getByRole("row").filter({ hasText: "Clients exported" }).first()).toContainText("admin@registrar.test");
  });

  test("[MIGRATION][SECURITY] the import and export routes refuse other sites and GET", async ({ page }) => {
    await page.goto("/clients");
    const other = await page.request.post("/api/services/default/clients/export", { form: { scope: "all", secrets: "on" }, headers: { origin: "https://evil.example" } });
    expect(other.status()).toBe(403);
    expect(await other.text()).not.toContain("client_secret");
    const none = await page.request.post("/api/services/default/clients/import?step=check", { data: "{}", headers: { "content-type": "text/plain" } });
    expect(none.status()).toBe(403);
    expect((await page.request.get("/api/services/default/clients/export")).status()).toBe(405);
  });
});

for (const role of ["editor", "viewer"] as const) {
  test.describe(`signed in as ${role === "editor" ? "an editor" : "a viewer"}`, () => {
    test.use({ storageState: authFile(role) });

    test(`[MIGRATION][ROLES] ${role}: no import page, no secrets in an export`, async ({ page }) => {
      await page.goto("/clients");
      await expect(page.getByRole("heading", { level: 1 })).toContainText("Clients");
      await expect(page.getByRole("link", { name: "Import", exact: true })).toHaveCount(0);
      const response = await page.goto("/clients/import");
      expect(response?.status()).toBe(403);
      await expect(page.getByRole("heading", { name: "Your role does not allow this page" })).toBeVisible();

      const headers = { origin: baseURL };
      const imported = await page.request.post("/api/services/default/clients/import?step=apply", { data: ndjson([{ client_id: `${run}-${role}`, redirect_uris: ["https://x.example/cb"] }]), headers: { ...headers, "content-type": "text/plain" } });
      expect(imported.status()).toBe(403);
      const withSecrets = await page.request.post("/api/services/default/clients/export", { form: { scope: "all", secrets: "on" }, headers });
      expect(withSecrets.status()).toBe(403);
      expect(await withSecrets.text()).not.toContain("client_secret");
      const plain = await page.request.post("/api/services/default/clients/export", { form: { scope: "all" }, headers });

      if (role === "editor") {
        expect(plain.status()).toBe(200);
        await page.goto("/clients");
        await page.getByRole("button", { name: "Export", exact: true }).click();
        const dialog = page.getByRole("dialog", { name: "Export clients" });
        await expect(dialog.getByRole("radio", { name: /All clients/ })).toBeChecked();
        await expect(dialog.getByRole("checkbox", { name: /Include client secrets/ })).toHaveCount(0);
      } else {
        expect(plain.status()).toBe(403);
        await page.goto("/clients");
        await expect(page.getByRole("button", { name: "Export", exact: true })).toHaveCount(0);
      }
    });
  });
}
