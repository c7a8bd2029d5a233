import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { authFile } from "../support";
import { editorContent, readThroughApi, waitForEditor } from "../clients";

test.use({ storageState: authFile("editor") });

const templates = [
  { name: "Web application", clientName: "My web application", secret: true },
  { name: "Single-page app", clientName: "My single-page app", secret: false },
  { name: "Native app", clientName: "My native app", secret: false },
  { name: "Machine-to-machine", clientName: "My backend service", secret: true },
  { name: "MCP client", clientName: "My MCP client", secret: false },
];

for (const template of templates) {
  test(`[CLIENTS][REGISTER] registers from the ${template.name} template and shows the credentials once`, async ({ page, request }) => {
    await page.goto("/clients/new");
    await page.getByRole("radio", { name: new RegExp(`^${template.name}`) }).check({ force: true });
    await waitForEditor(page, `"client_name": "${template.clientName}"`);
    await expect(page.getByText("Valid metadata")).toBeVisible();
    await page.getByRole("button", { name: "Review", exact: true }).click();

    const table = page.getByRole("table", { name: "Changed fields" });
    await expect(table.getByRole("row").filter({ hasText: "client_name" })).toContainText(`Added—${template.clientName}`);
    await expect(table.getByRole("cell", { name: "Changed" })).toHaveCount(0);
    await page.getByRole("button", { name: "Register client" }).click();

    const dialog = page.getByRole("dialog", { name: `${template.clientName} is registered` });
    await expect(dialog).toContainText("cannot be shown again");
    const value = async (label: string) => (await dialog.getByRole("status", { name: label }).textContent())!.trim();
    const clientId = await value("Client ID");
    const token = await value("Registration access token");
    expect(await value("Registration client URI")).toMatch(new RegExp(`/register/${clientId}$`));
    await expect(dialog.getByRole("status", { name: "Client secret" })).toHaveCount(template.secret ? 1 : 0);

    const downloading = page.waitForEvent("download");
    await dialog.getByRole("button", { name: "Download as JSON" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`${clientId}-credentials.json`);
    const saved = JSON.parse(fs.readFileSync((await download.path())!, "utf8"));
    expect(saved).toMatchObject({ client_id: clientId, registration_access_token: token });
    expect("client_secret" in saved).toBe(template.secret);

    await dialog.getByRole("button", { name: "Done" }).click();
    await expect(page).toHaveURL(`/services/default/clients/${clientId}`);
    expect((await readThroughApi(request, clientId, token)).body).toMatchObject({ client_id: clientId, client_name: template.clientName });
  });
}

test("[CLIENTS][REGISTER] the common-field helpers edit the JSON", async ({ page }) => {
  await page.goto("/clients/new");
  await waitForEditor(page, "My web application");
  await page.getByRole("radio", { name: /^Single-page app/ }).check({ force: true });
  await page.getByRole("textbox", { name: "Redirect URIs" }).fill("https://spa.example.com/silent-renew");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(editorContent(page)).toContainText('"https://spa.example.com/silent-renew"');
  await page.getByLabel("Application type").selectOption("native");
  await expect(editorContent(page)).toContainText('"application_type": "native"');
  await page.getByLabel("Token endpoint authentication").selectOption("client_secret_post");
  await expect(editorContent(page)).toContainText('"token_endpoint_auth_method": "client_secret_post"');
  await page.getByRole("button", { name: "Remove https://spa.example.com/callback" }).click();
  await expect(editorContent(page)).not.toContainText('"https://spa.example.com/callback"');
  await page.getByRole("button", { name: "Review", exact: true }).click();
  await expect(page.getByText("A client secret will be created and shown once after registration.")).toBeVisible();
});
