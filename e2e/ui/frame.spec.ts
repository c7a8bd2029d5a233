import path from "node:path";
import { expect, test } from "@playwright/test";
import { users } from "../env";
import { authFile, frameHydrated, screenshots, seriousViolations } from "../support";

test.describe("signed in as a viewer", () => {
  test.use({ storageState: authFile("viewer") });

  test("[FRAME] the sidebar shows the service, the sections and the administrator with a role badge", async ({ page }) => {
    await page.goto("/clients");
    const sidebar = page.getByRole("complementary");
    await expect(sidebar.getByText("Registrar", { exact: true })).toBeVisible();
    const nav = sidebar.getByRole("navigation", { name: "Console" });
    await expect(nav.getByRole("link")).toHaveText(["Clients", "Audit log", "Settings", "Services"]);
    await expect(nav.getByRole("link", { name: "Clients" })).toHaveAttribute("aria-current", "page");
    await expect(sidebar.getByText(users.viewer.email)).toBeVisible();
    await expect(sidebar.getByText("Viewer", { exact: true })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toHaveText("Clients");

    await nav.getByRole("link", { name: "Audit log" }).click();
    await expect(page).toHaveURL("/services/default/audit");
    await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Audit log" })).toHaveAttribute("aria-current", "page");
  });

  test("[FRAME] the theme switch sets the class on <html>", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto("/clients");
    const html = page.locator("html");
    await page.getByRole("button", { name: "Dark theme" }).click();
    await expect(html).toHaveClass(/\bdark\b/);
    await expect(page.getByRole("button", { name: "Dark theme" })).toHaveAttribute("aria-pressed", "true");
    await page.reload();
    await expect(html).toHaveClass(/\bdark\b/);
    await page.getByRole("button", { name: "Light theme" }).click();
    await expect(html).toHaveClass(/\blight\b/);
    await expect(html).not.toHaveClass(/\bdark\b/);
    await page.getByRole("button", { name: "System theme" }).click();
    await page.emulateMedia({ colorScheme: "dark" });
    await expect(html).toHaveClass(/\bdark\b/);
  });

  test("[FRAME] below 1024 px the sidebar collapses behind a menu button", async ({ page }) => {
    await page.setViewportSize({ width: 800, height: 700 });
    await page.goto("/clients");
    await expect(page.getByRole("navigation", { name: "Console" })).toBeHidden();
    await page.getByRole("button", { name: "Open navigation" }).click();
    const drawer = page.getByRole("dialog", { name: "Navigation" });
    await expect(drawer.getByRole("link", { name: "Clients" })).toBeFocused();
    await expect(drawer.getByText(users.viewer.email)).toBeVisible();
    await drawer.getByRole("link", { name: "Settings" }).click();
    await expect(page).toHaveURL("/services/default/settings");
    await expect(drawer).toBeHidden();
  });

  test("[FRAME] Ctrl-K opens the command palette, which jumps to a page", async ({ page }) => {
    await page.goto("/clients");
    await frameHydrated(page);
    await page.getByRole("heading", { name: "Clients", level: 1 }).click();
    await page.keyboard.press("Control+k");
    const palette = page.getByRole("dialog", { name: "Command palette" });
    await expect(palette).toBeVisible();
    await palette.getByRole("combobox").fill("audit");
    await expect(palette.getByRole("option")).toHaveText(["Audit log"]);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL("/services/default/audit");
    await expect(palette).toBeHidden();

    await page.getByRole("button", { name: /Search or jump to/ }).click();
    await page.getByRole("dialog", { name: "Command palette" }).getByRole("combobox").fill("dark theme");
    await page.keyboard.press("Enter");
    await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  });

  test("[FRAME] a copy button copies, says \"Copied\" and shows a check for 2 s", async ({ page, context, baseURL }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    // The page's clock, stopped before the click and moved on by the test: the 2 s cannot run out between two
    // checks of the copied state however slow the machine is, and the check is seen to last 2 s, not less.
    await page.clock.install();
    await page.goto("/clients");
    const copy = page.getByRole("button", { name: "Copy the registration endpoint" });
    await page.clock.pauseAt(await page.evaluate(() => Date.now() + 60_000));
    await copy.click();
    const announcement = page.locator("[aria-live=polite]", { hasText: "Copied" });
    await expect(announcement).toHaveCount(1);
    await expect(copy.locator("svg.lucide-check")).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/register`);
    await page.clock.runFor(1_900);
    await expect(copy.locator("svg.lucide-check")).toBeVisible();
    await expect(announcement).toHaveCount(1);
    await page.clock.runFor(100);
    await expect(announcement).toHaveCount(0);
    await expect(copy.locator("svg.lucide-copy")).toBeVisible();
  });

  test("[FRAME] an unknown address shows the not-found view", async ({ page }) => {
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
  });
});

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`in ${colorScheme} mode`, () => {
    test.use({ colorScheme });

    test(`[FRAME][A11Y] sign-in has no serious accessibility problems (${colorScheme})`, async ({ page }) => {
      await page.goto("/sign-in");
      await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: path.join(screenshots, `sign-in-${colorScheme}.png`) });
    });

    test.describe("signed in as an admin", () => {
      test.use({ storageState: authFile("admin") });

      test(`[FRAME][A11Y] the console frame has no serious accessibility problems (${colorScheme})`, async ({ page }) => {
        await page.goto("/clients");
        await expect(page.getByRole("heading", { name: "Clients", level: 1 })).toBeVisible();
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({ path: path.join(screenshots, `frame-${colorScheme}.png`) });

        await frameHydrated(page);
        await page.keyboard.press("Control+k");
        await expect(page.getByRole("dialog", { name: "Command palette" })).toBeVisible();
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({ path: path.join(screenshots, `palette-${colorScheme}.png`) });
      });
    });
  });
}
