import { expect, test, type Page } from "@playwright/test";
import { authFile, openFilter } from "../support";

// The audit log against the demo data set (registrations, console edits, failed token checks) and the
// sign-ins of the test run.

const events = (page: Page) => page.getByRole("table", { name: "Audit events" });
const column = (page: Page, n: number) => events(page).locator(`tbody tr td:nth-child(${n})`);

test.describe("signed in as a viewer", () => {
  test.use({ storageState: authFile("viewer") });

  test("[AUDIT] newest first, with outcome badges and links to the clients concerned", async ({ page }) => {
    await page.goto("/audit");
    await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
    await expect(events(page).getByRole("row")).toHaveCount(51);
    const times = await events(page).locator("tbody time").evaluateAll((nodes) => nodes.map((n) => n.getAttribute("datetime")!));
    expect(times).toEqual([...times].sort().reverse());
    await expect(events(page).getByText("Success").first()).toBeVisible();
    const pages = page.getByRole("navigation", { name: "Audit log pages" });
    await expect(pages).toContainText("1–50");
    await pages.getByRole("link", { name: "Next" }).click();
    await expect(pages).toContainText("51–");
  });

  test("[AUDIT] filters: outcome, action, actor, client, dates; all in the URL", async ({ page }) => {
    await page.goto("/audit");
    await openFilter(page, "Outcome");
    await page.getByRole("radio", { name: "Failure" }).click();
    await expect(page).toHaveURL("/services/default/audit?outcome=failure");
    await page.keyboard.press("Escape");
    // Only failures, once the filtered rows are there (not while the table is being replaced, when it has none).
    await expect.poll(async () => new Set(await column(page, 5).allTextContents())).toEqual(new Set(["Failure"]));
    await expect(events(page).getByText("Registration token check").first()).toBeVisible();

    await openFilter(page, "Action");
    await page.getByRole("radio", { name: /Registration token check/ }).click();
    await page.keyboard.press("Escape");
    await expect(page).toHaveURL("/services/default/audit?action=registration_token.check&outcome=failure");
    // The demo's guesses were made against Initech Reports, which the table names and links to.
    const client = events(page).getByRole("link", { name: /Initech Reports/ }).first();
    await expect(client).toBeVisible();
    await page.reload();
    await expect(page.getByRole("button", { name: "Outcome: Failure" })).toBeVisible();
    await client.click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Initech Reports");

    await page.goto("/audit");
    // The search field filters once the page is interactive: the chips' code arrives just after hydration.
    await expect(page.getByRole("button", { name: "Outcome", exact: true })).not.toHaveAttribute("aria-disabled", "true");
    await page.getByRole("searchbox", { name: "Actor" }).fill("dana.okafor");
    await expect(page).toHaveURL("/services/default/audit?actor=dana.okafor");
    await expect.poll(async () => new Set(await column(page, 3).locator("span:first-child").allTextContents())).toEqual(new Set(["admin:dana.okafor@registrar.example"]));

    await openFilter(page, "Date");
    await page.getByLabel("From", { exact: true }).fill("2001-01-01");
    await page.getByLabel("To", { exact: true }).fill("2001-01-31");
    await page.getByRole("button", { name: "Apply range" }).click();
    await expect(page).toHaveURL("/services/default/audit?actor=dana.okafor&from=2001-01-01&to=2001-01-31");
    await expect(page.getByRole("heading", { name: "No audit events match these filters" })).toBeVisible();
    await page.getByRole("link", { name: "Clear filters" }).click();
    await expect(page).toHaveURL("/services/default/audit");
  });

  test("[AUDIT] the client filter shows one client's events", async ({ page }) => {
    await page.goto("/clients?q=Globex");
    const href = await page.getByRole("link", { name: "Globex Billing Service" }).getAttribute("href");
    const clientId = decodeURIComponent(href!.split("/")[4]!);
    await page.goto(`/audit?client=${clientId}`);
    await expect(page.getByRole("searchbox", { name: "Client id" })).toHaveValue(clientId);
    await expect(events(page).locator("tbody tr")).toHaveCount(1);
    await expect(events(page)).toContainText("Client registered");
  });
});
