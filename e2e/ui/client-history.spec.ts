import { expect, test } from "@playwright/test";
import pg from "pg";
import { addSyntheticRevisions } from "../../scripts/lib/synthetic-revisions";
import { inspect, json, metadataOf, registerThroughApi, setEditorText, waitForEditor, type Registered } from "../clients";
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
    await page.getByLabel("Compare version", { exact: true }).fill("2");
    await page.getByLabel("with version", { exact: true }).fill("15");
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

/** Adds `count` console updates to a client, written by PostgreSQL as the console writes them. */
async function addRevisions(clientId: string, count: number) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await addSyntheticRevisions(client, clientId, count);
  } finally {
    await client.end();
  }
}

// The history and an edit's conflict read a bounded page, however many revisions a client has.
test.describe("a client with more revisions than one page", () => {
  test.use({ storageState: authFile("admin") });
  // Pages of 50 revisions, several of them a test, and an axe pass over one: more than 60 s on a busy two-core machine.
  test.describe.configure({ timeout: 180_000 });
  let busy: Registered;
  const history = (query = "") => `/services/default/clients/${busy.client_id}?tab=history${query}`;

  test.beforeAll(async ({ request }) => {
    busy = await registerThroughApi(request, { client_name: "Busy history" });
    expect(await addRevisions(busy.client_id, 119)).toBe(120);
  });

  test("[CLIENTS][HISTORY] shows the newest 50; Older and Newer versions turn the pages, each page its own address", async ({ page }) => {
    await page.goto(`/clients/${busy.client_id}?tab=history`);
    const pages = page.getByRole("navigation", { name: "Revision pages" });
    await expect(revisions(page)).toHaveCount(50);
    await expect(revisions(page).first()).toContainText("Version 120");
    await expect(revisions(page).first()).toContainText("Current");
    await expect(revisions(page).last()).toContainText("Version 71");
    await expect(pages).toContainText("Versions 120–71 of 120");
    await expect(pages.getByText("Newer versions")).toHaveAttribute("aria-disabled", "true");

    await pages.getByRole("link", { name: "Older versions" }).click();
    await expect(page).toHaveURL(history("&before=71"));
    await expect(revisions(page).first()).toContainText("Version 70");
    await expect(revisions(page).first()).not.toContainText("Current");
    await expect(revisions(page)).toHaveCount(50);
    await expect(pages).toContainText("Versions 70–21 of 120");
    // A link shows the same page.
    await page.reload();
    await expect(revisions(page).first()).toContainText("Version 70");

    await pages.getByRole("link", { name: "Older versions" }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(history("&before=21"));
    await expect(revisions(page)).toHaveCount(20);
    await expect(revisions(page).last()).toContainText("Created");
    await expect(pages.getByText("Older versions")).toHaveAttribute("aria-disabled", "true");
    await expect(revisions(page).last().getByRole("link", { name: "Revert to this version" })).toHaveAttribute("href", `/services/default/clients/${busy.client_id}/revert/1`);

    await pages.getByRole("link", { name: "Newer versions" }).click();
    await expect(page).toHaveURL(history("&before=71"));
    await pages.getByRole("link", { name: "Newer versions" }).click();
    await expect(page).toHaveURL(history());
    await expect(revisions(page).first()).toContainText("Version 120");
  });

  test("[CLIENTS][HISTORY] compares versions of other pages and keeps the page; version 1 opens for a revert", async ({ page }) => {
    await page.goto(history("&before=71"));
    await page.getByLabel("Compare version", { exact: true }).fill("1");
    await page.getByLabel("with version", { exact: true }).fill("120");
    await page.getByRole("button", { name: "Compare", exact: true }).click();
    await expect(page).toHaveURL(history("&compare=1..120&before=71"));
    await expect(page.getByRole("region", { name: "Comparison of version 1 and version 120" })).toContainText("software_version");
    await expect(revisions(page).first()).toContainText("Version 70");
    await page.getByRole("region", { name: /Comparison/ }).getByRole("link", { name: "Close" }).click();
    await expect(page).toHaveURL(history("&before=71"));

    await page.goto(`/clients/${busy.client_id}/revert/1`);
    await expect(page.getByText("Restoring version 1")).toBeVisible();
    await expect(page.getByRole("table", { name: "Changed fields" })).toContainText("software_version");
  });

  for (const colorScheme of ["light", "dark"] as const) {
    test(`[CLIENTS][HISTORY][A11Y] a middle page of a long history (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(history("&before=71"));
      await expect(page.getByRole("navigation", { name: "Revision pages" })).toBeVisible();
      await page.mouse.move(0, 0);
      await inspect(page, `client-history-pages-${colorScheme}`, { fullPage: true });
    });
  }

  test("[CLIENTS][EDIT] a conflict over many changes lists the newest 10 and links the earlier ones to the history", async ({ page, request }) => {
    const client = await registerThroughApi(request, { client_name: "Edited meanwhile", contacts: ["one@e2e.example.com"] });
    await page.goto(`/clients/${client.client_id}/edit`);
    await waitForEditor(page, "Edited meanwhile");
    expect(await addRevisions(client.client_id, 30)).toBe(31);

    await page.getByLabel("Registration access token").fill(client.registration_access_token);
    await setEditorText(page, json({ ...metadataOf(client), contacts: ["one@e2e.example.com", "two@e2e.example.com"] }));
    await page.getByRole("button", { name: "Review changes" }).click();
    await page.getByRole("button", { name: "Save changes" }).click();
    const conflict = page.getByRole("alert").filter({ hasText: "This client was changed while you were editing it" });
    await expect(conflict).toContainText("You started from version 1; it is now at version 31. Nothing was saved.");
    const listed = conflict.getByRole("list", { name: "Changes since your version" }).locator(":scope > li");
    await expect(listed).toHaveCount(10);
    await expect(listed.first()).toContainText("Version 31:");
    await expect(listed.last()).toContainText("Version 22:");
    await expect(conflict).toContainText("…and 20 earlier changes (versions 2–21).");
    const link = conflict.getByRole("link", { name: "See them in the client's history (opens in a new tab)" });
    await expect(link).toHaveAttribute("href", `/services/default/clients/${client.client_id}?tab=history&before=22`);
    const [tab] = await Promise.all([page.context().waitForEvent("page"), link.click()]);
    await expect(tab.getByRole("list", { name: "Revisions" }).locator(":scope > li").first()).toContainText("Version 21");
    await tab.close();

    await conflict.getByRole("button", { name: "Re-apply my changes on version 31" }).click();
    const changed = page.getByRole("table", { name: "Changed fields" });
    await expect(changed.getByRole("row")).toHaveCount(2);
    await expect(changed).toContainText("contacts");
  });
});
