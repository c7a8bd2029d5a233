import { expect, test } from "@playwright/test";
import { authFile, settingsFormHydrated } from "../support";
import { inspect, json, metadataOf, registerThroughApi, setEditorText, waitForEditor } from "../clients";

// Every page and step of the changing half of the console, in both themes: no serious or critical axe
// finding, and a screenshot in e2e/screenshots/ to look at.

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} mode`, () => {
    test.use({ colorScheme, storageState: authFile("admin") });

    // At most two axe passes a test: one pass with its screenshot takes up to about 20 s on a busy two-core
    // machine (as CI is), and a test has 60 s.
    const contoso = {
      client_name: "Contoso Dashboard",
      redirect_uris: ["https://dashboard.contoso.example/callback", "https://dashboard.contoso.example/silent"],
      contacts: ["identity@contoso.example"],
      scope: "openid profile reports:read",
    };

    test(`[CLIENTS][A11Y] edit and problems steps (${colorScheme})`, async ({ page, request }) => {
      const client = await registerThroughApi(request, contoso);
      await page.goto(`/clients/${client.client_id}/edit`);
      await waitForEditor(page, "Contoso Dashboard");
      await inspect(page, `edit-${colorScheme}`);

      await setEditorText(page, json({ ...metadataOf(client), redirect_uris: ["https://dashboard.contoso.example/callback#x"] }));
      await expect(page.getByRole("list", { name: "Problems" })).toBeVisible();
      await inspect(page, `edit-problems-${colorScheme}`);
    });

    test(`[CLIENTS][A11Y] review and saved steps (${colorScheme})`, async ({ page, request }) => {
      const client = await registerThroughApi(request, contoso);
      await page.goto(`/clients/${client.client_id}/edit`);
      await page.getByLabel("Registration access token").fill(client.registration_access_token);
      await setEditorText(page, json({ ...metadataOf(client), client_name: "Contoso Dashboard (EU)", redirect_uris: ["https://dashboard.contoso.example/callback"], token_endpoint_auth_method: "none" }));
      await page.getByRole("button", { name: "Review changes" }).click();
      await expect(page.getByRole("table", { name: "Changed fields" })).toBeVisible();
      await inspect(page, `edit-review-${colorScheme}`);

      await page.getByRole("button", { name: "Save changes" }).click();
      await expect(page.getByRole("dialog", { name: "A new registration access token was issued" })).toBeVisible();
      await inspect(page, `edit-saved-${colorScheme}`);
    });

    test(`[CLIENTS][A11Y] conflict panel (${colorScheme})`, async ({ page, request }) => {
      const client = await registerThroughApi(request, { client_name: "Fabrikam Payroll" });
      await page.goto(`/clients/${client.client_id}/edit`);
      await waitForEditor(page, "Fabrikam Payroll");
      const response = await request.put(`/register/${client.client_id}`, {
        headers: { authorization: `Bearer ${client.registration_access_token}` },
        data: { ...metadataOf(client), client_id: client.client_id, client_name: "Fabrikam Payroll 2" },
      });
      expect(response.status()).toBe(200);
      await page.getByLabel("Registration access token").fill(client.registration_access_token);
      await setEditorText(page, json({ ...metadataOf(client), contacts: ["payroll@fabrikam.example"] }));
      await page.getByRole("button", { name: "Review changes" }).click();
      await page.getByRole("button", { name: "Save changes" }).click();
      await expect(page.getByText("This client was changed while you were editing it")).toBeVisible();
      await inspect(page, `edit-conflict-${colorScheme}`);
    });

    test(`[CLIENTS][A11Y] revert to an earlier version, and a version the client does not have (${colorScheme})`, async ({ page, request }) => {
      const client = await registerThroughApi(request, { client_name: "Northwind Kiosk" });
      const response = await request.put(`/register/${client.client_id}`, {
        headers: { authorization: `Bearer ${client.registration_access_token}` },
        data: { ...metadataOf(client), client_id: client.client_id, client_name: "Northwind Kiosk (renamed)" },
      });
      expect(response.status()).toBe(200);
      await page.goto(`/clients/${client.client_id}/revert/1`);
      await expect(page.getByRole("table", { name: "Changed fields" })).toContainText("Northwind Kiosk (renamed)");
      await inspect(page, `revert-${colorScheme}`);
      await page.goto(`/clients/${client.client_id}/revert/7`);
      await expect(page.getByRole("heading", { name: "No such version to revert to" })).toBeVisible();
      await inspect(page, `revert-not-found-${colorScheme}`);
    });

    test(`[CLIENTS][A11Y] register and review steps (${colorScheme})`, async ({ page }) => {
      await page.goto("/clients/new");
      await waitForEditor(page, "My web application");
      await inspect(page, `register-${colorScheme}`);
      await page.getByRole("button", { name: "Review", exact: true }).click();
      await expect(page.getByRole("button", { name: "Register client" })).toBeVisible();
      await inspect(page, `register-review-${colorScheme}`);
    });

    test(`[CLIENTS][A11Y] credentials after registering (${colorScheme})`, async ({ page }) => {
      await page.goto("/clients/new");
      await waitForEditor(page, "My web application");
      await page.getByRole("button", { name: "Review", exact: true }).click();
      await page.getByRole("button", { name: "Register client" }).click();
      await expect(page.getByRole("dialog", { name: "My web application is registered" })).toBeVisible();
      await inspect(page, `register-credentials-${colorScheme}`);
    });

    test(`[CLIENTS][A11Y] delete and re-issue dialogs (${colorScheme})`, async ({ page, request }) => {
      const client = await registerThroughApi(request, { client_name: "Northwind Orders" });
      await page.goto(`/clients/${client.client_id}/edit?delete=1`);
      await expect(page.getByRole("dialog", { name: "Delete Northwind Orders?" })).toBeVisible();
      await inspect(page, `delete-${colorScheme}`);
      await page.keyboard.press("Escape");
      await page.getByRole("button", { name: "Re-issue registration access token" }).click();
      await expect(page.getByRole("dialog", { name: "Re-issue the registration access token?" })).toBeVisible();
      await inspect(page, `reissue-${colorScheme}`);
    });

    test(`[SETTINGS][A11Y] settings and a new initial access token (${colorScheme})`, async ({ page }) => {
      await page.goto("/settings");
      await settingsFormHydrated(page);
      await inspect(page, `settings-${colorScheme}`);
      await page.getByRole("button", { name: "Create token" }).click();
      await page.getByRole("dialog").getByLabel("Description").fill(`Screens ${colorScheme}`);
      await page.getByRole("dialog").getByRole("button", { name: "Create token" }).click();
      await expect(page.getByRole("dialog", { name: "Initial access token created" })).toBeVisible();
      await inspect(page, `settings-token-${colorScheme}`);
    });
  });
}
