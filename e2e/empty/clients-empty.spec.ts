import path from "node:path";
import { expect, test } from "@playwright/test";
import { authFile, screenshots, seriousViolations } from "../support";

// A fresh install (this project runs before the demo data set is loaded): the clients list explains itself.

test.describe("signed in as an admin", () => {
  test.use({ storageState: authFile("admin") });

  for (const colorScheme of ["light", "dark"] as const) {
    test(`[CLIENTS][LIST][EMPTY] says what a client is, offers to register one and gives the registration endpoint (${colorScheme})`, async ({ page, baseURL }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto("/clients");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Clients");
      await expect(page.getByRole("heading", { name: "No clients yet" })).toBeVisible();
      await expect(page.getByText(/A client is an application that signs people in/)).toBeVisible();
      await expect(page.getByText(`${baseURL}/register`, { exact: true })).toBeVisible();
      await expect(page.getByRole("button", { name: "Copy the registration endpoint" })).toBeVisible();
      await expect(page.getByRole("link", { name: "Register client" }).first()).toHaveAttribute("href", "/services/default/clients/new");
      await expect(page.getByRole("search")).toHaveCount(0);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: path.join(screenshots, `clients-empty-${colorScheme}.png`), fullPage: true });
    });
  }
});

test.describe("signed in as a viewer", () => {
  test.use({ storageState: authFile("viewer") });

  test("[CLIENTS][LIST][EMPTY] a viewer gets the explanation without a Register button", async ({ page }) => {
    await page.goto("/clients");
    await expect(page.getByRole("heading", { name: "No clients yet" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Register client" })).toHaveCount(0);
  });
});
