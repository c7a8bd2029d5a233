import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import pg from "pg";
import { baseURL, serverEnv } from "../env";
import { authFile, clientIp, frameHydrated, screenshots, seriousViolations } from "../support";

const exec = promisify(execFile);

// The console works on one service at a time: a second service's clients, search, audit events and pages are
// apart from the default service's, and an administrator of chosen services sees those only.

const staging = { id: "staging-e2e", name: "Staging (e2e)" };
const stamp = Date.now().toString(36);
const names = { default: `Default-only app ${stamp}`, staging: `Staging-only app ${stamp}` };
const scoped = { email: `staging-editor-${stamp}@registrar.test`, password: "staging-editor-password" };

type Registered = { client_id: string; registration_access_token: string };
let inDefault: Registered;
let inStaging: Registered;

async function register(request: APIRequestContext, base: string, name: string): Promise<Registered> {
  const response = await request.post(`${base}/register`, {
    data: { client_name: name, redirect_uris: ["https://apps.example.com/callback"] },
    headers: { "x-registrar-client-ip": clientIp() },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as Registered;
}

test.beforeAll(async ({ request }) => {
  // A second service, as an operator's database would hold it; the Services page's own tests create theirs there.
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query("INSERT INTO service (id, name, updated_at) VALUES ($1, $2, now()) ON CONFLICT (id) DO NOTHING", [staging.id, staging.name]);
  } finally {
    await client.end();
  }
  inDefault = await register(request, "", names.default);
  inStaging = await register(request, `/s/${staging.id}`, names.staging);
  // An editor of staging only, created as an operator would.
  await exec(process.execPath, ["--import", "tsx", "scripts/admin-create.ts", "--email", scoped.email, "--password", scoped.password, "--role", "none", "--grant", `${staging.id}=editor`], {
    env: { ...process.env, ...serverEnv },
  });
});

const clientsTable = (page: Page) => page.getByRole("table", { name: "Clients" });

test.describe("signed in as an admin", () => {
  test.use({ storageState: authFile("admin") });

  test("[SERVICES][CONSOLE] the old addresses open the default service's pages", async ({ page }) => {
    await page.goto("/clients?q=acme");
    await expect(page).toHaveURL("/services/default/clients?q=acme");
    await page.goto("/audit?outcome=failure");
    await expect(page).toHaveURL("/services/default/audit?outcome=failure");
    await page.goto("/settings");
    await expect(page).toHaveURL("/services/default/settings");
    await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
  });

  test("[SERVICES][CONSOLE] the switcher moves to another service's same section, which lists only its own clients", async ({ page }) => {
    await page.goto(`/services/default/clients?q=${encodeURIComponent(stamp)}`);
    await expect(clientsTable(page).getByRole("link", { name: names.default })).toBeVisible();
    await expect(clientsTable(page).getByRole("link", { name: names.staging })).toHaveCount(0);

    await frameHydrated(page);
    const switcher = page.getByRole("complementary").getByRole("button", { name: /Switch service/ });
    await expect(switcher).toContainText("default");
    await switcher.click();
    const menu = page.getByRole("menu");
    await expect(menu.getByRole("menuitem")).toContainText(["default", staging.id, "All services"]);
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: path.join(screenshots, `service-switcher-${colorScheme}.png`) });
    }
    expect(await seriousViolations(page)).toEqual([]);
    await menu.getByRole("menuitem", { name: new RegExp(staging.name.replace(/[()]/g, "\\$&")) }).click();
    await expect(page).toHaveURL(`/services/${staging.id}/clients`);
    await expect(switcher).toContainText(staging.name);

    await page.goto(`/services/${staging.id}/clients?q=${encodeURIComponent(stamp)}`);
    await expect(clientsTable(page).getByRole("link", { name: names.staging })).toBeVisible();
    await expect(clientsTable(page).getByRole("link", { name: names.default })).toHaveCount(0);
    // Its registration endpoint is its own.
    await expect(page.getByText(`${baseURL}/s/${staging.id}/register`, { exact: true })).toBeVisible();

    // From an audit log, the switcher goes to the other service's audit log.
    await page.goto(`/services/${staging.id}/audit`);
    await frameHydrated(page);
    await switcher.click();
    await page.getByRole("menu").getByRole("menuitem", { name: /default/ }).first().click();
    await expect(page).toHaveURL("/services/default/audit");
  });

  test("[SERVICES][CONSOLE] a client of one service is not found under another", async ({ page }) => {
    const response = await page.goto(`/services/${staging.id}/clients/${encodeURIComponent(inDefault.client_id)}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "No client with this id" })).toBeVisible();
    const edit = await page.goto(`/services/${staging.id}/clients/${encodeURIComponent(inDefault.client_id)}/edit`);
    expect(edit?.status()).toBe(404);
    const own = await page.goto(`/services/${staging.id}/clients/${encodeURIComponent(inStaging.client_id)}`);
    expect(own?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(names.staging);
  });

  test("[SERVICES][CONSOLE] the command palette searches the service being worked on", async ({ page }) => {
    await page.goto(`/services/${staging.id}/audit`);
    await frameHydrated(page);
    await page.getByRole("heading", { level: 1 }).click();
    await page.keyboard.press("Control+k");
    const palette = page.getByRole("dialog", { name: "Command palette" });
    await palette.getByRole("combobox").fill(names.default);
    await expect(palette.getByText(`Nothing matches “${names.default}”.`)).toBeVisible();
    await palette.getByRole("combobox").fill(names.staging);
    await expect(palette.getByRole("option", { name: new RegExp(names.staging) })).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(`/services/${staging.id}/clients/${encodeURIComponent(inStaging.client_id)}`);
  });

  test("[SERVICES][CONSOLE] the audit log shows the service's events; an administrator can show every service's", async ({ page }) => {
    await page.goto(`/services/${staging.id}/audit?action=client.registered`);
    const events = page.getByRole("table", { name: "Audit events" });
    await expect(events.getByRole("link", { name: new RegExp(names.staging) })).toBeVisible();
    await expect(events.getByText(names.default)).toHaveCount(0);
    await page.getByRole("navigation", { name: "Which services" }).getByRole("link", { name: "All services" }).click();
    await expect(page).toHaveURL(`/services/${staging.id}/audit?action=client.registered&services=all`);
    await expect(events.getByRole("columnheader", { name: "Service" })).toBeVisible();
    await expect(events.getByRole("link", { name: new RegExp(names.default) })).toBeVisible();
    await expect(events.getByRole("link", { name: new RegExp(names.staging) })).toBeVisible();
    // Each client links to its page under its own service.
    await expect(events.getByRole("link", { name: new RegExp(names.default) })).toHaveAttribute("href", `/services/default/clients/${encodeURIComponent(inDefault.client_id)}`);
  });
});

test.describe("an editor of the staging service only", () => {
  test.beforeEach(async ({ page }) => {
    const response = await page.request.post("/api/auth/sign-in/email", {
      headers: { origin: baseURL, "x-registrar-client-ip": clientIp() },
      data: scoped,
    });
    expect(response.status(), await response.text()).toBe(200);
  });

  test("[SERVICES][ROLES] sees staging only; the default service does not exist for them", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(`/services/${staging.id}/clients`);
    await expect(page.getByRole("complementary").getByText("Editor", { exact: true })).toBeVisible();
    await frameHydrated(page);
    await page.getByRole("complementary").getByRole("button", { name: /Switch service/ }).click();
    await expect(page.getByRole("menu").getByRole("menuitem")).toHaveText([new RegExp(staging.id), "All services"]);
    await page.keyboard.press("Escape");

    for (const address of ["/services/default/clients", `/services/default/clients/${encodeURIComponent(inDefault.client_id)}`, "/services/default/settings", "/services/no-such-service/audit"]) {
      const response = await page.goto(address);
      expect(response?.status(), address).toBe(404);
      await expect(page.getByRole("heading", { name: "Nothing here" })).toBeVisible();
    }
    // The default service's export is refused like a service that does not exist.
    const exported = await page.request.post("/api/services/default/clients/export", { headers: { origin: baseURL }, form: { scope: "all" } });
    expect(exported.status()).toBe(404);

    // On staging an editor edits clients, and reads the settings without changing them.
    await page.goto(`/services/${staging.id}/clients/${encodeURIComponent(inStaging.client_id)}`);
    await expect(page.getByRole("link", { name: "Edit", exact: true })).toBeVisible();
    await page.goto(`/services/${staging.id}/settings`);
    await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
    await expect(page.getByRole("button", { name: "Save settings" })).toHaveCount(0);
  });
});
