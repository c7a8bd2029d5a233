import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { authFile, deleteThroughApi, openClient, registerThroughApi } from "../support";

// A client's page against the demo data set: header, overview cards, the metadata tab, and what is never shown.

const card = (page: Page, title: string) => page.locator("section").filter({ has: page.getByRole("heading", { name: title, exact: true }) });

test.describe("signed in as an admin", () => {
  test.use({ storageState: authFile("admin") });

  test("[CLIENTS][DETAIL] the header: logo, name with its languages, client id with copy, badges, Edit", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const clientId = await openClient(page, "Acme Customer Portal");
    await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toHaveText(/Clients.*Acme Customer Portal/);
    await expect(page.getByTestId("client-id")).toHaveText(clientId);
    await page.evaluate(() => navigator.clipboard.writeText(""));
    await page.getByRole("button", { name: "Copy the client id" }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(clientId); // written asynchronously
    for (const badge of ["Web", "Confidential", "Registered in the console"]) await expect(page.getByText(badge, { exact: true }).first()).toBeVisible();
    await expect(page.getByRole("link", { name: "Edit", exact: true })).toHaveAttribute("href", `/services/default/clients/${clientId}/edit`);

    await expect(page.getByRole("button", { name: /Name in other languages/ })).not.toHaveAttribute("aria-disabled", "true");
    await page.getByRole("button", { name: /Name in other languages/ }).click();
    const languages = page.getByRole("menuitemradio");
    await expect(languages).toHaveCount(4);
    await expect(languages.nth(0)).toHaveAttribute("aria-checked", "true");
    await page.getByRole("menuitemradio", { name: /French \(fr\)/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Portail client Acme");
    await expect(page.getByRole("heading", { level: 1 })).toHaveAttribute("lang", "fr");
  });

  test("[CLIENTS][DETAIL] overview cards: redirect URIs, grants, authentication, keys, links, contacts, software, advanced", async ({ page }) => {
    await openClient(page, "Acme Customer Portal");
    await expect(card(page, "Redirect URIs")).toContainText("https://portal.acme.example/oauth/callback");
    await expect(card(page, "Redirect URIs")).toContainText("https://portal.acme.example/signed-out");
    await expect(card(page, "Grant and response types")).toContainText("Refresh token");
    await expect(card(page, "Grant and response types")).toContainText("orders:read");
    const authentication = card(page, "Authentication");
    await expect(authentication).toContainText("private_key_jwt");
    await expect(authentication.getByTestId("secret-status")).toHaveText("No secret");
    await expect(authentication).toContainText("RS256");
    const keys = card(page, "Keys").getByRole("table", { name: "Public keys" });
    await expect(keys.getByRole("row").nth(1)).toHaveText(/portal-2026-01\s*RSA\s*RS256\s*Signing/);
    const links = card(page, "Links");
    await expect(links.getByText("French (fr)")).toBeVisible();
    await expect(links.getByRole("link", { name: /portal\.acme\.example\/fr/ })).toHaveAttribute("href", "https://portal.acme.example/fr");
    await expect(links.getByText("German (de)")).toBeVisible();
    await expect(card(page, "Contacts").getByRole("link", { name: "identity@acme.example" })).toHaveAttribute("href", "mailto:identity@acme.example");
    await expect(card(page, "Software")).toContainText("acme-portal");
    await expect(card(page, "Software")).toContainText("4.13.0");
    const advanced = card(page, "Advanced");
    await expect(advanced).toContainText("pairwise");
    await expect(advanced).toContainText("Back-channel logout URI");
    await expect(advanced).not.toContainText("client_name");
  });

  test("[CLIENTS][DETAIL] a secret is described, never shown: not on any tab, not in the page's data", async ({ page, request }) => {
    const client = await registerThroughApi(request, { client_name: "Secret Keeper", redirect_uris: ["https://keeper.example/cb"], contacts: ["keeper@keeper.example"] });
    expect(client.client_secret).toBeTruthy();
    try {
      await openClient(page, "Secret Keeper");
      await expect(card(page, "Authentication").getByTestId("secret-status")).toHaveText("Secret set · never expires");
      await expect(page.getByText("Registered by itself", { exact: true })).toBeVisible();
      for (const tab of ["", "?tab=metadata", "?tab=history", "?tab=audit"]) {
        const response = await page.goto(`/clients/${client.client_id}${tab}`);
        const html = (await response!.text()) + (await page.content());
        expect(html).not.toContain(client.client_secret!);
        expect(html).not.toContain(client.registration_access_token);
      }
    } finally {
      await deleteThroughApi(request, client);
    }
  });

  test("[CLIENTS][DETAIL] the Metadata tab shows the JSON in the specifications' order, with copy and download", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const clientId = await openClient(page, "Acme Customer Portal");
    await page.getByRole("navigation", { name: "Client sections" }).getByRole("link", { name: "Metadata" }).click();
    await expect(page).toHaveURL(`/services/default/clients/${clientId}?tab=metadata`);
    await expect(page.getByRole("link", { name: "Metadata" })).toHaveAttribute("aria-current", "page");
    const json = page.getByLabel("Client metadata JSON");
    await expect(json).toContainText('"client_name#fr": "Portail client Acme"');

    await page.evaluate(() => navigator.clipboard.writeText(""));
    await page.getByRole("button", { name: "Copy the metadata JSON" }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).not.toBe(""); // written asynchronously
    const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText())) as Record<string, unknown>;
    expect(Object.keys(copied).slice(0, 4)).toEqual(["redirect_uris", "token_endpoint_auth_method", "grant_types", "response_types"]);
    expect(Object.keys(copied).indexOf("client_name#de")).toBe(Object.keys(copied).indexOf("client_name") + 1);
    expect(copied).toMatchObject({ client_name: "Acme Customer Portal", software_id: "acme-portal" });

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download .json" }).click()]);
    expect(download.suggestedFilename()).toBe(`${clientId}.json`);
    expect(JSON.parse(fs.readFileSync((await download.path())!, "utf8"))).toEqual(copied);
  });

  test("[CLIENTS][DETAIL] the Audit tab lists this client's events and links to the filtered audit log", async ({ page }) => {
    const clientId = await openClient(page, "Initech Reports");
    await page.getByRole("link", { name: "Audit", exact: true }).click();
    const events = page.getByRole("table", { name: "Audit events of this client" });
    await expect(events.getByText("Registration token check").first()).toBeVisible();
    await expect(events.getByText("Client registered")).toBeVisible();
    await page.getByRole("link", { name: "Open in the audit log" }).click();
    await expect(page).toHaveURL(`/services/default/audit?client=${clientId}`);
  });

  test("[CLIENTS][DETAIL][LONG] 28 redirect URIs collapse behind Show all 28; at 768 px nothing overflows", async ({ page }) => {
    await page.setViewportSize({ width: 768, height: 900 });
    await openClient(page, "Initech Reports");
    const redirects = card(page, "Redirect URIs");
    await expect(redirects.getByRole("listitem")).toHaveCount(5);
    await redirects.getByRole("button", { name: "Show all 28" }).click();
    await expect(redirects.getByRole("listitem")).toHaveCount(28);
    await expect(redirects.getByText("https://tenant-28.reports.initech.example/oauth/callback")).toBeVisible();
    await redirects.getByRole("button", { name: "Show fewer" }).click();
    await expect(redirects.getByRole("listitem")).toHaveCount(5);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
  });

  test("[CLIENTS][DETAIL] an unknown client id is a 404 with the not-found view and a way back", async ({ page }) => {
    for (const path of ["/clients/no-such-client-id/edit", "/clients/no-such-client-id/revert/1", "/clients/no-such-client-id/history", "/clients/no-such-client-id"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { name: "No client with this id" })).toBeVisible();
      await expect(page).toHaveTitle(/^Client not found/);
    }
    await page.getByRole("link", { name: "Back to clients" }).click();
    await expect(page).toHaveURL("/services/default/clients");
  });

  test("[CLIENTS][DETAIL] a deleted client keeps its page: a banner, its history, no actions; it is gone from the list", async ({ page, request }) => {
    const client = await registerThroughApi(request, { client_name: "Short-lived Client", grant_types: ["client_credentials"] });
    await deleteThroughApi(request, client);
    await page.goto(`/clients/${client.client_id}`);
    await expect(page.getByRole("status").filter({ hasText: "This client was deleted" })).toContainText("via RFC 7592 management");
    await expect(page.getByText("Deleted", { exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: /^Edit/ })).toHaveCount(0);
    await page.getByRole("link", { name: /History/ }).click();
    await expect(page.getByRole("list", { name: "Revisions" }).locator(":scope > li")).toHaveCount(2);
    await expect(page.getByRole("link", { name: "Revert to this version" })).toHaveCount(0);
    // Its edit and revert pages are gone with it.
    expect((await page.goto(`/clients/${client.client_id}/edit`))?.status()).toBe(404);
    expect((await page.goto(`/clients/${client.client_id}/revert/1`))?.status()).toBe(404);
    await page.goto(`/clients?q=${client.client_id}`);
    await expect(page.getByRole("heading", { name: `No clients match “${client.client_id}”` })).toBeVisible();
  });
});
