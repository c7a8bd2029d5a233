import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { authFile, screenshots, seriousViolations, settingsFormHydrated } from "../support";
import { registerThroughApi } from "../clients";

test.use({ storageState: authFile("admin") });

async function setRegistrationMode(page: Page, mode: "Open" | "Initial access token") {
  await page.goto("/settings");
  await settingsFormHydrated(page);
  await page.getByRole("radio", { name: new RegExp(`^${mode}`) }).check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText(/Settings saved|Nothing changed/)).toBeVisible();
}

test.afterAll(async ({ browser }) => {
  // Other tests register clients openly: leave the service as it was.
  const context = await browser.newContext({ storageState: authFile("admin") });
  await setRegistrationMode(await context.newPage(), "Open");
  await context.close();
});

test("[SETTINGS] an initial access token is created, used at POST /register, and revoked", async ({ page, request }) => {
  await setRegistrationMode(page, "Initial access token");
  await expect(page.getByText("Settings saved (1 change)")).toBeVisible();
  const refused = await request.post("/register", { data: { redirect_uris: ["https://e2e.example.com/callback"] } });
  expect(refused.status()).toBe(401);

  const create = async (description: string) => {
    await page.getByRole("button", { name: "Create token" }).click();
    const dialog = page.getByRole("dialog", { name: "Create an initial access token" });
    await dialog.getByLabel("Description").fill(description);
    await dialog.getByLabel("Registrations allowed").fill("1");
    await dialog.getByRole("button", { name: "Create token" }).click();
    const shown = page.getByRole("dialog", { name: "Initial access token created" });
    const token = (await shown.getByRole("status").textContent())!.trim();
    await shown.getByRole("button", { name: "Done" }).click();
    return token;
  };

  const token = await create("E2E partner onboarding");
  const row = page.getByRole("table", { name: "Initial access tokens" }).getByRole("row", { name: /E2E partner onboarding/ });
  await expect(row).toContainText(`…${token.slice(-4)}`);
  await expect(row).toContainText("0 used · 1 left");
  await expect(row).toContainText("Active");
  await registerThroughApi(request, {}, token);
  await page.reload();
  await expect(row).toContainText("1 used · 0 left");
  await expect(row).toContainText("Used up");

  const second = await create("E2E to be revoked");
  const secondRow = page.getByRole("table", { name: "Initial access tokens" }).getByRole("row", { name: /E2E to be revoked/ });
  await secondRow.getByRole("button", { name: `Revoke the token ending in ${second.slice(-4)}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke token" }).click();
  await expect(secondRow).toContainText("Revoked");
  const revoked = await request.post("/register", { data: { redirect_uris: ["https://e2e.example.com/callback"] }, headers: { authorization: `Bearer ${second}` } });
  expect(revoked.status()).toBe(401);
});

test("[SETTINGS] the policy form validates with the policy schema and saves", async ({ page }) => {
  await page.goto("/settings");
  await settingsFormHydrated(page);
  const limit = page.getByLabel("Redirect URIs per client");
  await limit.clear();
  await limit.fill("0");
  await expect(limit).toHaveValue("0");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(limit).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText(/Too small/i).first()).toBeVisible();
  await limit.clear();
  await limit.fill("60");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved (1 change)")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Redirect URIs per client")).toHaveValue("60");
  await page.getByLabel("Redirect URIs per client").clear();
  await page.getByLabel("Redirect URIs per client").fill("50");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved (1 change)")).toBeVisible();
});

test("[SETTINGS] the registration management endpoint is checked, saved, and is the base of registration_client_uri", async ({ page, request, baseURL }) => {
  const field = page.getByLabel("Registration management endpoint");
  const save = async (value: string, saved: RegExp) => {
    await field.fill(value);
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText(saved)).toBeVisible();
  };
  await page.goto("/settings");
  await settingsFormHydrated(page);
  await field.fill("as.example.test/register");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("must be an absolute http or https URL")).toBeVisible();
  try {
    // Open registration too: registerThroughApi registers without an initial access token.
    await page.getByRole("radio", { name: /^Open/ }).check();
    await save("https://as.example.test/register", /Settings saved/);
    const registered = await registerThroughApi(request);
    expect(registered.registration_client_uri).toBe(`https://as.example.test/register/${registered.client_id}`);
  } finally {
    await page.reload();
    await settingsFormHydrated(page);
    await save("", /Settings saved \(1 change\)/);
  }
  const own = await registerThroughApi(request);
  expect(own.registration_client_uri).toBe(`${baseURL}/register/${own.client_id}`);
});

test("[SETTINGS] open registrations per address: off by default, limited once set, off again when cleared", async ({ page, request }) => {
  const max = page.getByLabel("Open registrations per address");
  const windowSeconds = page.getByLabel("Window for registrations per address (seconds)");
  const save = async (saved: RegExp) => {
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText(saved)).toBeVisible();
  };
  const address = `2001:db8::e2e:${Date.now().toString(16).slice(-4)}`;
  const registerFrom = () => request.post("/register", { data: { redirect_uris: ["https://e2e.example.com/callback"] }, headers: { "x-registrar-client-ip": address } });
  await page.goto("/settings");
  await settingsFormHydrated(page);
  await expect(max).toHaveValue("");
  await expect(max).toHaveAttribute("placeholder", "Unlimited");
  await expect(windowSeconds).toHaveValue("3600");
  await windowSeconds.fill("0");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(windowSeconds).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("must be at least 1 second")).toBeVisible();
  try {
    await page.getByRole("radio", { name: /^Open/ }).check();
    await max.fill("1");
    await windowSeconds.fill("600");
    await save(/Settings saved/);
    await page.reload();
    await settingsFormHydrated(page);
    await expect(max).toHaveValue("1");
    await expect(windowSeconds).toHaveValue("600");
    expect((await registerFrom()).status()).toBe(201);
    const refused = await registerFrom();
    expect(refused.status()).toBe(429);
    expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
    expect((await refused.json()).error).toBe("too_many_requests");
  } finally {
    await page.reload();
    await settingsFormHydrated(page);
    await max.fill("");
    await windowSeconds.fill("3600");
    await save(/Settings saved|Nothing changed/);
  }
  expect((await registerFrom()).status()).toBe(201);
});

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`in ${colorScheme} mode`, () => {
    test.use({ colorScheme });

    test(`[SETTINGS][A11Y] the registration settings with the limit per address (${colorScheme})`, async ({ page }) => {
      await page.goto("/settings");
      await settingsFormHydrated(page);
      await page.mouse.move(0, 0);
      expect(await seriousViolations(page)).toEqual([]);
      // The viewport, not the full page: the action bar sticks to the viewport's foot and would cover the fields.
      await expect(page.getByLabel("Open registrations per address")).toBeVisible();
      await page.getByRole("heading", { name: "Registration", exact: true }).evaluate((heading) => heading.scrollIntoView({ block: "start" }));
      await page.screenshot({ path: path.join(screenshots, `settings-registration-${colorScheme}.png`) });
    });
  });
}

test.describe("a viewer", () => {
  test.use({ storageState: authFile("viewer") });

  test("[SETTINGS] reads the settings without being able to change them", async ({ page }) => {
    await page.goto("/settings");
    await expect(page.getByText("Only administrators can change these settings.")).toBeVisible();
    await expect(page.getByRole("radio", { name: /^Open/ })).toBeDisabled();
    await expect(page.getByRole("button", { name: "Save settings" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Create token" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Copy the registration endpoint" })).toBeVisible();
  });
});
