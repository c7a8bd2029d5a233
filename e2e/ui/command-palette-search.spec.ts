import { expect, test } from "@playwright/test";
import { authFile, frameHydrated } from "../support";

test.describe("signed in as a viewer", () => {
  test.use({ storageState: authFile("viewer") });

  test("[CLIENTS][PALETTE] Ctrl-K finds a client by name and opens it", async ({ page }) => {
    await page.goto("/audit");
    await frameHydrated(page);
    await page.getByRole("heading", { level: 1 }).click();
    await page.keyboard.press("Control+k");
    const palette = page.getByRole("dialog", { name: "Command palette" });
    await palette.getByRole("combobox").fill("initech");
    await expect(palette.getByRole("option", { name: /Initech Reports/ })).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Initech Reports");
    await expect(palette).toBeHidden();
  });

  test("[CLIENTS][PALETTE] a client id jumps to that client", async ({ page }) => {
    await page.goto("/clients?q=Living+Room");
    const href = await page.getByRole("link", { name: "Living Room TV" }).getAttribute("href");
    const clientId = decodeURIComponent(href!.split("/")[4]!);
    await page.getByRole("button", { name: /Search or jump to/ }).click();
    const palette = page.getByRole("dialog", { name: "Command palette" });
    await palette.getByRole("combobox").fill(clientId);
    const hit = palette.getByRole("option", { name: /Living Room TV/ });
    await expect(hit).toBeVisible();
    await hit.click();
    await expect(page).toHaveURL(href!);
  });
});
