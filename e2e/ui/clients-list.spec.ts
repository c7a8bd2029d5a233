import { expect, test, type Page } from "@playwright/test";
import { baseURL } from "../env";
import { authFile, deleteThroughApi, openFilter, registerThroughApi, type Registered } from "../support";

// The clients list against the demo data set: search, filter chips, sort, keyset paging, all kept in the URL.

const table = (page: Page) => page.getByRole("table", { name: "Clients" });
/** The names of the listed clients, in order. */
const listedNames = (page: Page) => table(page).locator("tbody tr td:first-child a").allTextContents();
const search = (page: Page) => page.getByRole("searchbox", { name: "Search clients" });
/** Waits until the page is interactive: the row menus' code arrives just after hydration. */
const hydrated = (page: Page) => expect(page.getByRole("button", { name: /^Actions for / }).first()).not.toHaveAttribute("aria-disabled", "true");


test.describe("signed in as an admin", () => {
  test.use({ storageState: authFile("admin") });

  test("[CLIENTS][LIST] the title gives the total; each row shows logo, name, id, type, auth method, grants, redirect URI and times", async ({ page }) => {
    // Searched for: other specs register clients of their own, which may push the demo set past the first page.
    await page.goto("/clients?q=initech+reports");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Clients · \d+$/);
    await expect(page.getByRole("link", { name: "Register client" })).toHaveAttribute("href", "/services/default/clients/new");
    const row = table(page).getByRole("row").filter({ hasText: "Initech Reports" });
    await expect(row.locator("img")).toHaveAttribute("src", `${baseURL}/demo-logos/initech.svg`);
    await expect(row.getByText(/^[A-Za-z0-9_-]{22}$/)).toHaveClass(/font-mono/);
    await expect(row.getByText("Web", { exact: true })).toBeVisible();
    await expect(row.getByText("Secret (Basic)")).toBeVisible();
    await expect(row.getByText("Authorization code")).toBeVisible();
    await expect(row.getByText("https://tenant-01.reports.initech.example/oauth/callback")).toBeVisible();
    await expect(row.getByText("+27")).toBeVisible();
    await expect(row.locator("time")).toHaveCount(2);
    await hydrated(page);
    await row.locator("time").first().hover();
    await expect(page.getByRole("tooltip")).toHaveText(/\d{4}/);
  });

  test("[CLIENTS][LIST] / focuses the search; typing narrows the list and replaces the URL; reload keeps it", async ({ page }) => {
    await page.goto("/clients");
    await hydrated(page); // the "/" key is listened for from then on
    await page.getByRole("heading", { level: 1 }).click();
    await page.keyboard.press("/");
    await expect(search(page)).toBeFocused();
    await page.keyboard.type("acme");
    await expect(page).toHaveURL("/services/default/clients?q=acme");
    await expect.poll(() => listedNames(page)).toEqual(["Acme Mobile", "Acme Customer Portal"]);
    await page.reload();
    await expect(search(page)).toHaveValue("acme");
    await expect.poll(() => listedNames(page)).toEqual(["Acme Mobile", "Acme Customer Portal"]);
    await hydrated(page); // typed before, the search would not reach the page's code
    // By redirect URI and by contact too.
    await search(page).fill("tenant-07.reports");
    await expect.poll(() => listedNames(page)).toEqual(["Initech Reports"]);
    await search(page).fill("billing-platform@globex");
    await expect.poll(() => listedNames(page)).toEqual(["Globex Billing Service"]);
  });

  test("[CLIENTS][LIST] no results say so and offer to clear the filters", async ({ page }) => {
    await page.goto("/clients?q=no-such-client-anywhere&type=native");
    await expect(page.getByRole("heading", { name: "No clients match “no-such-client-anywhere”" })).toBeVisible();
    await page.getByRole("link", { name: "Clear filters" }).click();
    await expect(page).toHaveURL("/services/default/clients");
    await expect(search(page)).toHaveValue("");
    await expect.poll(async () => (await listedNames(page)).length).toBe(25);
  });

  test("[CLIENTS][LIST] filter chips: type, auth method, grant type, created; each in the URL and clearable", async ({ page }) => {
    await page.goto("/clients");
    await openFilter(page, "Type");
    await page.getByRole("checkbox", { name: "Machine" }).click();
    await expect(page).toHaveURL("/services/default/clients?type=machine");
    await page.keyboard.press("Escape");
    await expect(page.getByRole("button", { name: "Type: Machine" })).toBeVisible();
    await expect.poll(async () => (await listedNames(page)).sort()).toEqual(
      expect.arrayContaining(["Globex Billing Service", "Living Room TV", "Branch Teller Console", "API Gateway (token exchange)"]),
    );
    await expect(table(page).getByText("Web", { exact: true })).toHaveCount(0);

    await openFilter(page, "Auth method");
    await page.getByRole("checkbox", { name: "Mutual TLS" }).click();
    await expect(page).toHaveURL("/services/default/clients?type=machine&auth=tls_client_auth");
    await page.keyboard.press("Escape");
    await expect.poll(() => listedNames(page)).toEqual(["Branch Teller Console"]);

    await page.getByRole("button", { name: "Clear the type filter" }).click();
    await page.getByRole("button", { name: "Clear the auth method filter" }).click();
    await expect(page).toHaveURL("/services/default/clients");

    await openFilter(page, "Grant type");
    await page.getByRole("checkbox", { name: "Device code" }).click();
    await page.keyboard.press("Escape");
    await expect.poll(() => listedNames(page)).toEqual(["Living Room TV"]);

    await page.getByRole("button", { name: "Clear the grant type filter" }).click();
    await openFilter(page, "Created");
    await page.getByRole("radio", { name: "Last 24 hours" }).click();
    await expect(page).toHaveURL("/services/default/clients?created=24h");
    await expect.poll(async () => (await listedNames(page)).length).toBe(25);
    await page.getByLabel("To", { exact: true }).fill("2001-01-01");
    await page.getByRole("button", { name: "Apply range" }).click();
    await expect(page).toHaveURL("/services/default/clients?to=2001-01-01");
    await expect(page.getByRole("heading", { name: "No clients match these filters" })).toBeVisible();
  });

  test("[CLIENTS][LIST] sort by name, creation or update, from the menu or a column header", async ({ page }) => {
    await page.goto("/clients");
    await hydrated(page);
    await page.getByLabel("Sort").selectOption({ label: "Name, A to Z" });
    await expect(page).toHaveURL("/services/default/clients?sort=name");
    await expect.poll(async () => (await listedNames(page)).slice(0, 2)).toEqual(["Acme Customer Portal", "Acme Mobile"]);
    await expect(table(page).getByRole("columnheader", { name: /Name/ })).toHaveAttribute("aria-sort", "ascending");
    await table(page).getByRole("link", { name: /^Name/ }).click();
    await expect(page).toHaveURL("/services/default/clients?sort=name&order=desc");
    await expect(page.getByLabel("Sort")).toHaveValue("name:desc");
    // The URL and the menu change before the new rows arrive: wait for rows in descending order.
    const descending = (names: string[]) => [...names].sort((a, b) => b.localeCompare(a, "en", { sensitivity: "base" }));
    await expect
      .poll(async () => {
        const names = await listedNames(page);
        return { names, descending: names.length > 1 && names.join("\n") === descending(names).join("\n") };
      })
      .toMatchObject({ descending: true });
    await table(page).getByRole("link", { name: /^updated/ }).click();
    await expect(page).toHaveURL("/services/default/clients?sort=updated");
    await expect(page.getByLabel("Sort")).toHaveValue("updated:desc");
  });

  test("[CLIENTS][LIST] Back and Forward walk through filter states, server-rendered each time", async ({ page }) => {
    await page.goto("/clients");
    await openFilter(page, "Type");
    await page.getByRole("checkbox", { name: "Machine" }).click();
    await page.keyboard.press("Escape");
    await expect(page).toHaveURL("/services/default/clients?type=machine");
    await search(page).fill("globex");
    await expect(page).toHaveURL("/services/default/clients?q=globex&type=machine");
    await expect.poll(() => listedNames(page)).toEqual(["Globex Billing Service"]);
    await page.goBack();
    await expect(page).toHaveURL("/services/default/clients");
    await expect(search(page)).toHaveValue("");
    await expect(page.getByRole("button", { name: "Type", exact: true })).toBeVisible();
    await page.goForward();
    await expect(search(page)).toHaveValue("globex");
    await expect.poll(() => listedNames(page)).toEqual(["Globex Billing Service"]);
  });

  test("[CLIENTS][LIST] the row menu: View, Edit, Copy client id, Delete", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto("/clients?q=Initech");
    await hydrated(page);
    await page.getByRole("button", { name: "Actions for Initech Reports" }).click();
    const menu = page.getByRole("menu");
    await expect(menu.getByRole("menuitem")).toHaveText(["View", "Edit", "Copy client id", "Delete…"]);
    const href = await menu.getByRole("menuitem", { name: "View" }).getAttribute("href");
    const clientId = decodeURIComponent(href!.split("/")[4]!);
    await expect(menu.getByRole("menuitem", { name: "Edit" })).toHaveAttribute("href", `${href}/edit`);
    await expect(menu.getByRole("menuitem", { name: "Delete…" })).toHaveAttribute("href", `${href}?delete=1`);
    await menu.getByRole("menuitem", { name: "Copy client id" }).click();
    await expect(page.getByText("Client id copied")).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(clientId);
    await page.getByRole("button", { name: "Actions for Initech Reports" }).click();
    await page.getByRole("menuitem", { name: "View" }).click();
    await expect(page).toHaveURL(href!);
  });

  test("[CLIENTS][LIST] a client's name opens its page in the console; with Ctrl or ⌘ in a new tab, the list staying", async ({ page, context }) => {
    await page.goto("/clients?q=Initech");
    await hydrated(page);
    const name = table(page).getByRole("link", { name: "Initech Reports" });
    const href = (await name.getAttribute("href"))!;
    expect(href).toMatch(/^\/clients\/[A-Za-z0-9_-]{22}$/);
    // A new tab: the browser opens the link itself; this page neither navigates nor reloads.
    await page.evaluate(() => ((window as unknown as { listMarker: boolean }).listMarker = true));
    const opened = context.waitForEvent("page");
    await name.click({ modifiers: ["ControlOrMeta"] });
    const tab = await opened;
    await tab.waitForLoadState();
    expect(new URL(tab.url()).pathname).toBe(href);
    await tab.close();
    await expect(page).toHaveURL(/\/clients\?q=Initech$/);
    // A plain click navigates in the page (no document load: the marker survives).
    await name.click();
    await expect(page).toHaveURL(href);
    await expect(page.getByRole("heading", { level: 1, name: "Initech Reports" })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { listMarker?: boolean }).listMarker)).toBe(true);
  });

  test("[CLIENTS][LIST][NARROW] at 768 px the table keeps name, type and dates, and the page does not scroll sideways", async ({ page }) => {
    await page.setViewportSize({ width: 768, height: 900 });
    await page.goto("/clients?q=initech+reports");
    const row = table(page).getByRole("row").filter({ hasText: "Initech Reports" });
    await expect(row.getByRole("link", { name: "Initech Reports" })).toBeVisible();
    await expect(row.getByText("Web", { exact: true })).toBeVisible();
    await expect(row.getByRole("button", { name: "Actions for Initech Reports" })).toBeVisible();
    await expect(row.getByText("Authorization code")).toBeHidden();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
  });
});

test.describe("paging", () => {
  test.use({ storageState: authFile("admin") });
  const probes: Registered[] = [];

  // Thirty more clients with one name, so that one search spans two pages; removed again afterwards.
  test.beforeAll(async ({ playwright }) => {
    const request = await playwright.request.newContext({ baseURL });
    for (let n = 1; n <= 30; n++) probes.push(await registerThroughApi(request, { client_name: `Paging Probe ${String(n).padStart(2, "0")}`, grant_types: ["client_credentials"] }));
    await request.dispose();
  });
  test.afterAll(async ({ playwright }) => {
    const request = await playwright.request.newContext({ baseURL });
    for (const probe of probes) await deleteThroughApi(request, probe);
    await request.dispose();
  });

  test("[CLIENTS][LIST][PAGING] Next and Previous walk keyset pages; the position and the total are shown; Back returns", async ({ page }) => {
    await page.goto("/clients?q=paging+probe");
    const status = page.getByRole("navigation", { name: "Clients pages" });
    await expect(status).toContainText("1–25 of 30");
    await expect(status.getByText("Previous")).toHaveAttribute("aria-disabled", "true");
    await expect.poll(async () => (await listedNames(page)).slice(0, 2)).toEqual(["Paging Probe 30", "Paging Probe 29"]);
    await status.getByRole("link", { name: "Next" }).click();
    await expect(status).toContainText("26–30 of 30");
    await expect.poll(() => listedNames(page)).toEqual(Array.from({ length: 5 }, (_, i) => `Paging Probe ${String(5 - i).padStart(2, "0")}`));
    await expect(page).toHaveURL(/[?&]after=[A-Za-z0-9_-]+.*start=26/);
    await expect(status.getByText("Next")).toHaveAttribute("aria-disabled", "true");
    await page.reload();
    await expect(status).toContainText("26–30 of 30");
    await status.getByRole("link", { name: "Previous" }).click();
    await expect(status).toContainText("1–25 of 30");
    await expect.poll(async () => (await listedNames(page))[0]).toBe("Paging Probe 30");
    await page.goBack();
    await expect(status).toContainText("26–30 of 30");
  });
});

test.describe("signed in as a viewer", () => {
  test.use({ storageState: authFile("viewer") });

  test("[CLIENTS][LIST][ROLES] a viewer sees no Register button, and the row menu has no Edit or Delete", async ({ page }) => {
    await page.goto("/clients?q=initech+reports");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Clients · \d+$/);
    await expect(page.getByRole("link", { name: "Register client" })).toHaveCount(0);
    await hydrated(page);
    await page.getByRole("button", { name: "Actions for Initech Reports" }).click();
    await expect(page.getByRole("menu").getByRole("menuitem")).toHaveText(["View", "Copy client id"]);
  });
});
