import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { baseURL } from "../env";
import { authFile, clientIp, screenshots, seriousViolations } from "../support";

// The Services page: an administrator creates, renames and deletes services and manages API keys; the page in
// light and dark mode (axe, screenshots in e2e/screenshots/), empty and with many services with long names.

test.use({ storageState: authFile("admin") });
test.describe.configure({ mode: "serial" });

const run = Date.now().toString(36);

/** Axe, then a full-page screenshot, in light and in dark mode (one axe pass and screenshot each). */
async function checkBothSchemes(page: Page, name: string) {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    // The pointer rests in an empty corner of the content, over nothing that changes on hover.
    const { width, height } = page.viewportSize()!;
    await page.mouse.move(width - 2, height - 2);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(screenshots, `${name}-${colorScheme}.png`), fullPage: true });
  }
}

const card = (page: Page, name: string) => page.getByRole("region", { name, exact: true });

/** Creates a service through the dialog, as an administrator does; waits for its card. */
async function createService(page: Page, id: string, name: string) {
  await page.getByRole("button", { name: "New service" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Create a service" });
  await dialog.getByLabel("Service id").fill(id);
  await expect(dialog.getByText("Available.")).toBeVisible();
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: "Create service" }).click();
  await expect(dialog).toBeHidden();
  await expect(card(page, name)).toBeVisible();
}

async function openMenu(page: Page, name: string) {
  const trigger = card(page, name).getByRole("button", { name: `Actions for ${name}` });
  // The menu's code arrives just after the page; until then the trigger is inert.
  await expect(trigger).not.toHaveAttribute("aria-disabled", "true");
  await trigger.click();
}

test("[SERVICES] an administrator creates a service, renames it, and deletes it once empty by typing its id", async ({ page, request }) => {
  const id = `e2e-${run}`;
  const name = `E2E service ${run}`;
  await page.goto("/services");

  // The id's rule is explained and checked as it is typed.
  await page.getByRole("button", { name: "New service" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Create a service" });
  await expect(dialog.getByText(/Letters, digits, '\.', '_' and '-', up to 64 characters/)).toBeVisible();
  await dialog.getByLabel("Service id").fill("-no good");
  await expect(dialog.getByRole("alert")).toHaveText(/id must be 1–64 letters, digits/);
  await expect(dialog.getByRole("button", { name: "Create service" })).toBeDisabled();
  await dialog.getByLabel("Service id").fill("default");
  await expect(dialog.getByRole("alert")).toHaveText("id “default” is already taken by another service");
  await dialog.getByRole("button", { name: "Cancel" }).click();

  await page.getByRole("button", { name: "New service" }).first().click();
  await dialog.getByLabel("Service id").fill(id);
  await dialog.getByLabel("Name").fill(name);
  await expect(dialog.getByText("Available.")).toBeVisible();
  await page.screenshot({ path: path.join(screenshots, "services-create-dialog-light.png") });
  await dialog.getByRole("button", { name: "Create service" }).click();
  await expect(page.getByText(`Created the service “${name}”`)).toBeVisible();
  const created = card(page, name);
  await expect(created).toContainText(id);
  await expect(created).toContainText("0 clients");
  await expect(created.getByRole("link", { name: `Clients of ${name}` })).toHaveAttribute("href", `/services/${id}/clients`);
  const endpoints = [`${baseURL}/s/${id}/register`, `${baseURL}/.well-known/oauth-authorization-server/s/${id}`, `${baseURL}/api/${id}`];
  for (const endpoint of endpoints) await expect(created.getByText(endpoint, { exact: true })).toBeVisible();
  await expect(created.getByRole("button", { name: "Copy the registration endpoint" })).toBeVisible();
  // The discovery URL shown is the service's: its registration endpoint is the one shown beside it.
  const discovery = await request.get(endpoints[1]!);
  expect(discovery.status()).toBe(200);
  expect((await discovery.json()).registration_endpoint).toBe(endpoints[0]);

  // Rename.
  const renamed = `${name} (renamed)`;
  await openMenu(page, name);
  await page.getByRole("menuitem", { name: "Rename…" }).click();
  const rename = page.getByRole("dialog", { name: "Rename the service" });
  await expect(rename.getByLabel("Name")).toHaveValue(name);
  await rename.getByLabel("Name").fill(renamed);
  await rename.getByRole("button", { name: "Save name" }).click();
  await expect(card(page, renamed)).toBeVisible();
  await expect(card(page, renamed)).toContainText(id);

  // Delete, confirmed by typing the id.
  await openMenu(page, renamed);
  await page.getByRole("menuitem", { name: /^Delete…/ }).click();
  const remove = page.getByRole("dialog", { name: `Delete “${renamed}”?` });
  await remove.getByLabel(`Type ${id} to confirm`).fill(id.toUpperCase());
  await expect(remove.getByRole("button", { name: "Delete service" })).toBeDisabled();
  await remove.getByLabel(`Type ${id} to confirm`).fill(id);
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: path.join(screenshots, "services-delete-dialog-dark.png") });
  await page.emulateMedia({ colorScheme: "light" });
  await remove.getByRole("button", { name: "Delete service" }).click();
  await expect(page.getByText(`Deleted the service “${renamed}”`)).toBeVisible();
  await expect(card(page, renamed)).toHaveCount(0);
  expect((await request.get(endpoints[1]!)).status()).toBe(404);

  // Its id is never given again.
  await page.getByRole("button", { name: "New service" }).first().click();
  await page.getByRole("dialog", { name: "Create a service" }).getByLabel("Service id").fill(id);
  await expect(page.getByRole("dialog").getByRole("alert")).toContainText(`id “${id}” belonged to a deleted service`);
});

test("[SERVICES] the default service and a service with clients cannot be deleted, and say why", async ({ page, request }) => {
  await page.goto("/services");
  const defaultName = (await page.getByRole("list", { name: "Services" }).getByRole("listitem").first().getByRole("heading").textContent())!.trim();
  await openMenu(page, defaultName);
  const defaultDelete = page.getByRole("menuitem", { name: /^Delete…/ });
  await expect(defaultDelete).toBeDisabled();
  await expect(defaultDelete).toContainText("The default service (REGISTRAR_SERVICE_ID) cannot be deleted.");
  await page.keyboard.press("Escape");

  const id = `e2e-busy-${run}`;
  const name = `E2E busy service ${run}`;
  await createService(page, id, name);
  const registered = await request.post(`/s/${id}/register`, { data: { redirect_uris: ["https://busy.e2e.example/cb"] }, headers: { "x-registrar-client-ip": clientIp() } });
  expect(registered.status(), await registered.text()).toBe(201);
  await page.reload();
  await expect(card(page, name)).toContainText("1 client");
  await openMenu(page, name);
  const busyDelete = page.getByRole("menuitem", { name: /^Delete…/ });
  await expect(busyDelete).toBeDisabled();
  await expect(busyDelete).toContainText("It has 1 client: delete it first.");
});

test("[SERVICES][API-KEYS] an API key is created (its value shown once), opens the service's API, and is revoked", async ({ page, request }) => {
  // The API keys card is on a service's settings page; the default service's also shows the environment's key.
  await page.goto("/services/default/settings");
  const keys = page.getByRole("region", { name: "API keys" });
  await expect(keys.getByRole("row", { name: /Environment key/ })).toContainText("Managed by the environment");

  const keyName = `E2E authorization server ${run}`;
  await keys.getByRole("button", { name: "Create API key" }).click();
  const dialog = page.getByRole("dialog", { name: "Create an API key" });
  await dialog.getByLabel("Name").fill(keyName);
  await dialog.getByRole("button", { name: "Create API key" }).click();
  const shown = page.getByRole("dialog", { name: `API key “${keyName}” created` });
  await expect(shown.getByText("This key is shown only once and cannot be shown again.")).toBeVisible();
  const apiKey = (await shown.getByRole("status").first().textContent())!.trim();
  await shown.getByRole("button", { name: "Done" }).click();

  const row = keys.getByRole("row", { name: new RegExp(keyName) });
  await expect(row).toContainText(`…${apiKey.slice(-4)}`);
  await expect(row).toContainText("Never");
  await expect(row).toContainText("Active");
  await expect(page.getByText(apiKey)).toHaveCount(0);
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await keys.screenshot({ path: path.join(screenshots, `api-keys-${colorScheme}.png`) });
  }

  // The key opens the service's Authlete-compatible API: a get of an unknown client is answered, not refused.
  const call = () => request.post("/api/default/client/registration/get", { data: { clientId: "no-such-client" }, headers: { authorization: `Bearer ${apiKey}`, "x-registrar-client-ip": clientIp() } });
  expect((await call()).status()).not.toBe(401);
  await page.reload();
  await expect(row).not.toContainText("Never");

  await row.getByRole("button", { name: `Revoke the API key ${keyName}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke API key" }).click();
  await expect(page.getByText(`Revoked the API key “${keyName}”`)).toBeVisible();
  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("button", { name: /Revoke/ })).toHaveCount(0);
  expect((await call()).status()).toBe(401);
});

test("[SERVICES][A11Y] many services with long names (light and dark)", async ({ page }) => {
  test.setTimeout(150_000);
  await page.goto("/services");
  const names = [
    "Acme Corporation customer identity platform for the European Union region, production",
    "Initech",
    "Globex internal workforce single sign-on with a deliberately long descriptive name",
    "Umbrella research partner portal",
    "Hooli",
  ];
  for (const [i, name] of names.entries()) await createService(page, `long-${run}-${i}${i === 0 ? "-with-an-id-as-long-as-the-rule-allows-xx" : ""}`.slice(0, 64), `${name} ${run}`);
  await page.reload();
  await expect(page.getByRole("heading", { name: "No other services yet" })).toHaveCount(0);
  await checkBothSchemes(page, "services-many");
  await page.setViewportSize({ width: 768, height: 1000 });
  await page.emulateMedia({ colorScheme: "light" });
  await page.screenshot({ path: path.join(screenshots, "services-many-768-light.png"), fullPage: true });
});
