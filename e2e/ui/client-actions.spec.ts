import { expect, test } from "@playwright/test";
import { authFile } from "../support";
import { readThroughApi, registerThroughApi } from "../clients";

test.describe("an editor", () => {
  test.use({ storageState: authFile("editor") });

  test("[CLIENTS][DELETE] deletes a client after typing its id; ?delete=1 opens the dialog", async ({ page, request }) => {
    const client = await registerThroughApi(request, { client_name: "Delete me" });
    await page.goto(`/clients/${client.client_id}/edit?delete=1`);
    const dialog = page.getByRole("dialog", { name: "Delete Delete me?" });
    await expect(dialog).toContainText("its client secret and registration access token stop working");
    const confirm = dialog.getByRole("button", { name: "Delete client" });
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel(/Type the client ID/).fill("Delete me");
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel(/Type the client ID/).fill(client.client_id);
    await confirm.click();
    await expect(page.getByText("Deleted Delete me")).toBeVisible();
    await expect(page).toHaveURL("/services/default/clients");
    expect((await readThroughApi(request, client.client_id, client.registration_access_token)).status).toBe(401);
  });

  test("[CLIENTS][TOKEN] is not offered the re-issue of a registration access token", async ({ page, request }) => {
    const client = await registerThroughApi(request);
    await page.goto(`/clients/${client.client_id}/edit`);
    await expect(page.getByRole("button", { name: "Delete" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Re-issue registration access token" })).toHaveCount(0);
  });
});

test.describe("an admin", () => {
  test.use({ storageState: authFile("admin") });

  test("[CLIENTS][TOKEN] re-issues a registration access token, shown once; the old one stops working", async ({ page, request }) => {
    const client = await registerThroughApi(request, { client_name: "Lost token" });
    await page.goto(`/clients/${client.client_id}/edit`);
    await page.getByRole("button", { name: "Re-issue registration access token" }).click();
    const confirm = page.getByRole("dialog", { name: "Re-issue the registration access token?" });
    await expect(confirm).toContainText("The current one stops working at once");
    await confirm.getByRole("button", { name: "Re-issue token" }).click();
    const shown = page.getByRole("dialog", { name: "New registration access token" });
    const token = (await shown.getByRole("status").textContent())!.trim();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await expect(shown).toContainText("cannot be shown again");
    await shown.getByRole("button", { name: "I have copied the token" }).click();
    await expect(shown).toBeHidden();
    expect((await readThroughApi(request, client.client_id, client.registration_access_token)).status).toBe(401);
    expect((await readThroughApi(request, client.client_id, token)).status).toBe(200);
  });
});
