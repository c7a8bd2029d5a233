import path from "node:path";
import { expect, test } from "@playwright/test";
import { baseURL } from "../env";
import { authFile, screenshots, seriousViolations } from "../support";

// A fresh install (this project runs before any other service is created): the Services page shows the default
// service and invites to add one.

test.use({ storageState: authFile("admin") });

test("[SERVICES][A11Y] with the default service only, the page invites to add one (light and dark)", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/services");
  await expect(page.getByRole("heading", { level: 1, name: "Services" })).toBeVisible();
  const listed = page.getByRole("list", { name: "Services" }).getByRole("listitem");
  await expect(listed).toHaveCount(1);
  await expect(page.getByRole("heading", { name: "No other services yet" })).toBeVisible();
  const defaultCard = listed.first();
  await expect(defaultCard.getByText("Default", { exact: true })).toBeVisible();
  await expect(defaultCard).toContainText(`${baseURL}/register`);
  await expect(defaultCard).toContainText(`${baseURL}/.well-known/oauth-authorization-server`);
  await expect(defaultCard).toContainText(`${baseURL}/api/default`);
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    // The pointer rests in an empty corner of the content, over nothing that changes on hover.
    const { width, height } = page.viewportSize()!;
    await page.mouse.move(width - 2, height - 2);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(screenshots, `services-empty-${colorScheme}.png`), fullPage: true });
  }
});
