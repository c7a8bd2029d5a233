import { expect, test } from "@playwright/test";
import { authFile, openClient } from "../support";

// A client's history against the demo data set: Acme Customer Portal was registered in the console and
// edited fourteen times by two administrators.

const revisions = (page: import("@playwright/test").Page) => page.getByRole("list", { name: "Revisions" }).locator(":scope > li");

test.describe("signed in as an admin", () => {
  test.use({ storageState: authFile("admin") });

  test("[CLIENTS][HISTORY] a timeline of revisions: version, kind, who, through which interface, when, what changed", async ({ page }) => {
    const clientId = await openClient(page, "Acme Customer Portal");
    await page.getByRole("link", { name: /^History/ }).click();
    await expect(page).toHaveURL(`/services/default/clients/${clientId}?tab=history`);
    await expect(revisions(page)).toHaveCount(15);
    const newest = revisions(page).first();
    await expect(newest.getByRole("heading", { name: "Version 15" })).toBeVisible();
    await expect(newest).toContainText("Updated");
    await expect(newest).toContainText("Current");
    await expect(newest).toContainText("1 field changed");
    await expect(newest).toContainText(/registrar\.example\s*via Console/);
    await expect(newest.locator("time")).toBeVisible();
    await expect(newest).toContainText("software_version");
    const oldest = revisions(page).last();
    await expect(oldest).toContainText("Created");
    await expect(oldest).toContainText(/\d+ fields set/);
  });

  test("[CLIENTS][HISTORY] older revisions link to the review of a revert to them; the current one does not", async ({ page }) => {
    const clientId = await openClient(page, "Acme Customer Portal");
    await page.goto(`/clients/${clientId}?tab=history`);
    await expect(revisions(page).first().getByRole("link", { name: "Revert to this version" })).toHaveCount(0);
    await expect(revisions(page).nth(1).getByRole("link", { name: "Revert to this version" })).toHaveAttribute("href", `/services/default/clients/${clientId}/revert/14`);
    await expect(revisions(page).last().getByRole("link", { name: "Revert to this version" })).toHaveAttribute("href", `/services/default/clients/${clientId}/revert/1`);
  });

  test("[CLIENTS][HISTORY] compare any two revisions; the comparison is in the URL and survives a reload", async ({ page }) => {
    const clientId = await openClient(page, "Acme Customer Portal");
    await page.goto(`/clients/${clientId}?tab=history`);
    await page.getByLabel("Compare", { exact: true }).selectOption("2");
    await page.getByLabel("with", { exact: true }).selectOption("15");
    await page.getByRole("button", { name: "Compare", exact: true }).click();
    await expect(page).toHaveURL(`/services/default/clients/${clientId}?tab=history&compare=2..15`);
    const comparison = page.getByRole("region", { name: "Comparison of version 2 and version 15" });
    await expect(comparison).toContainText("Version 2 → version 15");
    await expect(comparison).toContainText("2 fields differ");
    await expect(comparison).toContainText("4.13.0");
    await page.reload();
    await expect(comparison).toContainText("Version 2 → version 15");
    await comparison.getByRole("link", { name: "Close" }).click();
    await expect(page).toHaveURL(`/services/default/clients/${clientId}?tab=history`);
    await revisions(page).nth(1).getByRole("link", { name: "Compare with version 13" }).click();
    await expect(page).toHaveURL(`/services/default/clients/${clientId}?tab=history&compare=13..14`);
    await expect(page.getByRole("region", { name: "Comparison of version 13 and version 14" })).toContainText("2 fields differ");
  });

  test("[CLIENTS][HISTORY] /clients/<id>/history is the History tab", async ({ page }) => {
    const clientId = await openClient(page, "Acme Mobile");
    await page.goto(`/clients/${clientId}/history`);
    await expect(page).toHaveURL(`/services/default/clients/${clientId}?tab=history`);
    await expect(revisions(page)).toHaveCount(1);
  });
});

test.describe("signed in as a viewer", () => {
  test.use({ storageState: authFile("viewer") });

  test("[CLIENTS][HISTORY][ROLES] a viewer can compare but is offered no revert", async ({ page }) => {
    const clientId = await openClient(page, "Acme Customer Portal");
    await page.goto(`/clients/${clientId}?tab=history`);
    await expect(revisions(page)).toHaveCount(15);
    await expect(page.getByRole("link", { name: "Revert to this version" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: /^Edit/ })).toHaveCount(0);
  });
});
