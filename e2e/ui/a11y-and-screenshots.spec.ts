import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { authFile, openClient, openFilter, screenshots, seriousViolations } from "../support";

// Every browsing page in light and dark mode: no serious accessibility problem (axe), and a full-page
// screenshot in e2e/screenshots/ to look at. Also the loading skeletons, caught by holding a navigation back.
// The file's name puts it first in the ui project, so the screenshots show the demo data as it was loaded.

test.use({ storageState: authFile("admin") });

async function check(page: Page, name: string, ready: () => Promise<void>) {
  await ready();
  await page.mouse.move(0, 0);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
}

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`in ${colorScheme} mode`, () => {
    test.use({ colorScheme });

    test(`[CLIENTS][A11Y] the clients list, its no-results state and a narrow window (${colorScheme})`, async ({ page }) => {
      await page.goto("/clients");
      await check(page, `clients-${colorScheme}`, () => expect(page.getByRole("table", { name: "Clients" })).toBeVisible());
      await openFilter(page, "Type");
      await check(page, `clients-filter-${colorScheme}`, () => expect(page.getByRole("checkbox", { name: "Web" })).toBeVisible());
      await page.keyboard.press("Escape");
      await page.goto("/clients?q=no-such-client");
      await check(page, `clients-no-results-${colorScheme}`, () => expect(page.getByRole("heading", { name: /No clients match/ })).toBeVisible());
      await page.setViewportSize({ width: 768, height: 1000 });
      await page.goto("/clients");
      await check(page, `clients-768-${colorScheme}`, () => expect(page.getByRole("table", { name: "Clients" })).toBeVisible());
    });

    test(`[CLIENTS][DETAIL][A11Y] a client's overview, metadata, history, comparison and audit tabs (${colorScheme})`, async ({ page }) => {
      const clientId = await openClient(page, "Acme Customer Portal");
      await check(page, `client-overview-${colorScheme}`, () => expect(page.getByRole("heading", { name: "Redirect URIs" })).toBeVisible());
      await page.goto(`/clients/${clientId}?tab=metadata`);
      await check(page, `client-metadata-${colorScheme}`, () => expect(page.getByLabel("Client metadata JSON")).toBeVisible());
      await page.goto(`/clients/${clientId}?tab=history&compare=13..15`);
      await check(page, `client-history-${colorScheme}`, () => expect(page.getByRole("region", { name: /Comparison/ })).toBeVisible());
      await page.goto(`/clients/${clientId}?tab=audit`);
      await check(page, `client-audit-${colorScheme}`, () => expect(page.getByRole("table", { name: "Audit events of this client" })).toBeVisible());
      await page.goto("/clients/no-such-client-id");
      await check(page, `client-not-found-${colorScheme}`, () => expect(page.getByRole("heading", { name: "No client with this id" })).toBeVisible());
    });

    test(`[CLIENTS][DETAIL][A11Y] long content at 768 px: Initech Reports and its 28 redirect URIs (${colorScheme})`, async ({ page }) => {
      await page.setViewportSize({ width: 768, height: 1000 });
      await openClient(page, "Initech Reports");
      await page.getByRole("button", { name: "Show all 28" }).click();
      await check(page, `client-long-768-${colorScheme}`, () => expect(page.getByText("https://tenant-28.reports.initech.example/oauth/callback")).toBeVisible());
    });

    test(`[AUDIT][A11Y] the audit log (${colorScheme})`, async ({ page }) => {
      await page.goto("/audit");
      await check(page, `audit-${colorScheme}`, () => expect(page.getByRole("table", { name: "Audit events" })).toBeVisible());
      await page.goto("/audit?outcome=failure");
      await check(page, `audit-failures-${colorScheme}`, () => expect(page.getByRole("button", { name: "Outcome: Failure" })).toBeVisible());
    });

    test(`[CLIENTS][LOADING] the loading skeletons of the list, a client and the audit log (${colorScheme})`, async ({ page }) => {
      // Holds back a navigation's server render (not its prefetch) so that the page's skeleton stays on screen.
      let release = () => {};
      const hold = (pathname: RegExp) =>
        page.route(
          (url) => pathname.test(url.pathname),
          async (route) => {
            const headers = route.request().headers();
            if (!headers.rsc || headers["next-router-prefetch"]) return route.continue();
            await new Promise<void>((resolve) => (release = resolve));
            await route.continue().catch(() => {});
          },
        );
      const skeleton = async (name: string, status: string, navigate: () => Promise<void>) => {
        await navigate();
        await expect(page.getByRole("status", { name: status })).toBeVisible();
        await page.screenshot({ path: path.join(screenshots, `${name}-${colorScheme}.png`) });
        release();
        await expect(page.getByRole("status", { name: status })).toBeHidden();
        await page.unrouteAll({ behavior: "ignoreErrors" });
      };
      const sidebar = page.getByRole("navigation", { name: "Console" });

      await page.goto("/audit");
      // Links navigate in the page (and show skeletons) only once it is hydrated: the chips' code is its sign.
      await expect(page.getByRole("button", { name: "Outcome", exact: true })).not.toHaveAttribute("aria-disabled", "true");
      await hold(/^\/clients$/);
      await skeleton("loading-clients", "Loading clients", () => sidebar.getByRole("link", { name: "Clients" }).click());
      // A row's link prefetches the client's loading state when the pointer is on it.
      const firstClient = page.getByRole("table", { name: "Clients" }).getByRole("row").nth(1).getByRole("link").first();
      await firstClient.hover();
      await page.waitForLoadState("networkidle");
      await hold(/^\/clients\/[^/]+$/);
      await skeleton("loading-client", "Loading client", () => firstClient.click());
      await hold(/^\/audit$/);
      await skeleton("loading-audit", "Loading audit events", () => sidebar.getByRole("link", { name: "Audit log" }).click());
    });
  });
}
