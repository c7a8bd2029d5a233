import path from "node:path";
import { expect, test, type Page, type Request } from "@playwright/test";
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

    // At most two axe passes a test: one pass with its screenshot takes up to about 20 s on a busy two-core
    // machine (as CI is), and a test has 60 s.
    test(`[CLIENTS][A11Y] the clients list (${colorScheme})`, async ({ page }) => {
      await page.goto("/clients");
      await check(page, `clients-${colorScheme}`, () => expect(page.getByRole("table", { name: "Clients" })).toBeVisible());
    });

    test(`[CLIENTS][A11Y] the clients list's filter popover (${colorScheme})`, async ({ page }) => {
      await page.goto("/clients");
      await openFilter(page, "Type");
      await check(page, `clients-filter-${colorScheme}`, () => expect(page.getByRole("checkbox", { name: "Web" })).toBeVisible());
    });

    test(`[CLIENTS][A11Y] the clients list's no-results state and a narrow window (${colorScheme})`, async ({ page }) => {
      await page.goto("/clients?q=no-such-client");
      await check(page, `clients-no-results-${colorScheme}`, () => expect(page.getByRole("heading", { name: /No clients match/ })).toBeVisible());
      await page.setViewportSize({ width: 768, height: 1000 });
      await page.goto("/clients");
      await check(page, `clients-768-${colorScheme}`, () => expect(page.getByRole("table", { name: "Clients" })).toBeVisible());
    });

    test(`[CLIENTS][DETAIL][A11Y] a client's overview and metadata tabs (${colorScheme})`, async ({ page }) => {
      const clientId = await openClient(page, "Acme Customer Portal");
      await check(page, `client-overview-${colorScheme}`, () => expect(page.getByRole("heading", { name: "Redirect URIs" })).toBeVisible());
      await page.goto(`/clients/${clientId}?tab=metadata`);
      await check(page, `client-metadata-${colorScheme}`, () => expect(page.getByLabel("Client metadata JSON")).toBeVisible());
    });

    test(`[CLIENTS][DETAIL][A11Y] a client's history with a comparison, and its audit tab (${colorScheme})`, async ({ page }) => {
      const clientId = await openClient(page, "Acme Customer Portal");
      await page.goto(`/clients/${clientId}?tab=history&compare=13..15`);
      await check(page, `client-history-${colorScheme}`, () => expect(page.getByRole("region", { name: /Comparison/ })).toBeVisible());
      await page.goto(`/clients/${clientId}?tab=audit`);
      await check(page, `client-audit-${colorScheme}`, () => expect(page.getByRole("table", { name: "Audit events of this client" })).toBeVisible());
    });

    test(`[CLIENTS][DETAIL][A11Y] an unknown client's not-found view (${colorScheme})`, async ({ page }) => {
      await page.goto("/clients/no-such-client-id");
      await check(page, `client-not-found-${colorScheme}`, () => expect(page.getByRole("heading", { name: "No client with this id" })).toBeVisible());
    });

    test(`[CLIENTS][DETAIL][A11Y] long content at 768 px: Initech Reports and its 28 redirect URIs (${colorScheme})`, async ({ page }) => {
      await page.setViewportSize({ width: 768, height: 1000 });
      await openClient(page, "Initech Reports");
      await page.getByRole("button", { name: "Show all 28" }).click();
      await check(page, `client-long-768-${colorScheme}`, () => expect(page.getByText("https://tenant-28.reports.initech.example/oauth/callback")).toBeVisible());
    });

    test(`[MIGRATION][A11Y] the import page, empty and with a file's dry-run report (${colorScheme})`, async ({ page }) => {
      await page.goto("/clients/import");
      await check(page, `import-${colorScheme}`, () => expect(page.getByRole("button", { name: "Choose a file" })).toBeVisible());
      const file = ['{"client_id": "a11y-import-1", "client_name": "A11y Import", "redirect_uris": ["https://a11y.example/cb"], "token_endpoint_auth_method": "none"}', '{"client_id": "a11y-import-2", "redirect_uris": ["not a URL"]}'].join("\n");
      await page.locator("#import-file").setInputFiles({ name: "clients.ndjson", mimeType: "application/x-ndjson", buffer: Buffer.from(file) });
      await page.getByRole("button", { name: "Check" }).click();
      await check(page, `import-report-${colorScheme}`, () => expect(page.getByRole("table", { name: "Clients in the file" })).toBeVisible());
    });

    test(`[AUDIT][A11Y] the audit log (${colorScheme})`, async ({ page }) => {
      await page.goto("/audit");
      await check(page, `audit-${colorScheme}`, () => expect(page.getByRole("table", { name: "Audit events" })).toBeVisible());
      await page.goto("/audit?outcome=failure");
      await check(page, `audit-failures-${colorScheme}`, () => expect(page.getByRole("button", { name: "Outcome: Failure" })).toBeVisible());
    });

    test(`[CLIENTS][LOADING] the loading skeletons of the list, a client and the audit log (${colorScheme})`, async ({ page }) => {
      // Holds back a navigation's server render (not its prefetch) so that the page's skeleton stays on screen,
      // until the test has seen it: `release` lets the held requests go on, once one has arrived.
      let held = Promise.resolve();
      let release = () => {};
      const hold = (pathname: RegExp) => {
        let arrived = () => {};
        held = new Promise<void>((resolve) => (arrived = resolve));
        let released = false;
        const waiting: (() => void)[] = [];
        release = () => {
          released = true;
          for (const go of waiting.splice(0)) go();
        };
        return page.route(
          (url) => pathname.test(url.pathname),
          async (route) => {
            const headers = route.request().headers();
            if (!headers.rsc || headers["next-router-prefetch"]) return route.continue();
            if (!released) {
              arrived();
              await new Promise<void>((resolve) => waiting.push(resolve));
            }
            await route.continue().catch(() => {});
          },
        );
      };
      /**
       * The router's prefetch of a page has arrived: its route tree (the `/_tree` request, when not yet known),
       * then its segments down to the loading state, the request awaited here: done when it has finished, or
       * when the router has aborted it, having read what it needs (a request that fails is never "finished").
       * A navigation shows the page's skeleton at once only with it; without it the router waits for the (held)
       * server render. Listened for from the call on, so call it before what triggers the prefetch.
       */
      const prefetched = (pathname: string) =>
        new Promise<void>((resolve) => {
          const settled = (request: Request) => {
            const headers = request.headers();
            if (!headers["next-router-prefetch"] || headers["next-router-segment-prefetch"] === "/_tree" || new URL(request.url()).pathname !== pathname) return;
            page.off("requestfinished", settled);
            page.off("requestfailed", settled);
            resolve();
          };
          page.on("requestfinished", settled);
          page.on("requestfailed", settled);
        });
      const skeleton = async (name: string, status: string, navigate: () => Promise<void>) => {
        await navigate();
        await expect(page.getByRole("status", { name: status })).toBeVisible();
        await page.screenshot({ path: path.join(screenshots, `${name}-${colorScheme}.png`) });
        await held;
        release();
        await expect(page.getByRole("status", { name: status })).toBeHidden();
        await page.unrouteAll({ behavior: "ignoreErrors" });
      };
      const sidebar = page.getByRole("navigation", { name: "Console" });

      // The sidebar's links prefetch their pages once the page is hydrated.
      const clientsPrefetched = prefetched("/services/default/clients");
      const auditPrefetched = prefetched("/services/default/audit"); // not the page's own: once on the clients list
      await page.goto("/services/default/audit");
      await clientsPrefetched;
      await hold(/^\/services\/default\/clients$/);
      await skeleton("loading-clients", "Loading clients", () => sidebar.getByRole("link", { name: "Clients" }).click());
      // A row's link prefetches the client's loading state when the pointer is on it.
      const firstClient = page.getByRole("table", { name: "Clients" }).getByRole("row").nth(1).getByRole("link").first();
      const clientPrefetched = prefetched((await firstClient.getAttribute("href"))!);
      await firstClient.hover();
      await clientPrefetched;
      await hold(/^\/services\/default\/clients\/[^/]+$/);
      await skeleton("loading-client", "Loading client", () => firstClient.click());
      await auditPrefetched;
      await hold(/^\/services\/default\/audit$/);
      await skeleton("loading-audit", "Loading audit events", () => sidebar.getByRole("link", { name: "Audit log" }).click());
    });
  });
}
