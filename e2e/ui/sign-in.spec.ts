import { expect, test, type Page } from "@playwright/test";
import { users } from "../env";
import { clientIp, hasSession, signInThroughApi } from "../support";

// Signed out; each test signs in from an address of its own (the limit is 5 sign-ins a minute per address).
test.beforeEach(async ({ context }) => {
  await context.setExtraHTTPHeaders({ "x-registrar-client-ip": clientIp() });
});

/** Fills and submits the form; resolves once the app has answered the sign-in request. */
async function submitSignIn(page: Page, email: string, password: string) {
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  const answered = page.waitForResponse((response) => response.url().endsWith("/api/auth/sign-in/email"));
  await page.getByRole("button", { name: "Sign in" }).click();
  return answered;
}

test("[AUTH] a signed-out visit to a console page goes to sign-in, and back to that page after signing in", async ({ page }) => {
  await page.goto("/settings?tab=policies");
  await expect(page).toHaveURL("/sign-in?next=%2Fsettings%3Ftab%3Dpolicies");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

  await submitSignIn(page, users.admin.email, users.admin.password);
  await expect(page).toHaveURL("/services/default/settings?tab=policies");
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
});

test("[AUTH] a wrong password shows the error on the form and starts no session", async ({ page }) => {
  await page.goto("/sign-in");
  await submitSignIn(page, users.admin.email, "not-the-password");

  const error = page.locator("#sign-in-error");
  await expect(error).toHaveText("Wrong e-mail or password.");
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-describedby", "sign-in-error");
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  await expect(page).toHaveURL("/sign-in");
  expect((await page.context().cookies()).map((c) => c.name)).not.toContain("better-auth.session_token");
  expect(await hasSession(page)).toBe(false);
});

test("[AUTH] empty fields are named before anything is sent", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#sign-in-error")).toHaveText("Enter your e-mail address.");
  await expect(page.getByLabel("E-mail")).toHaveAttribute("aria-invalid", "true");
});

test("[AUTH] a `next` pointing off-site is ignored: sign-in lands on /clients", async ({ page }) => {
  for (const next of ["https://evil.example", "//evil.example/clients"]) {
    await page.context().clearCookies();
    await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
    await submitSignIn(page, users.editor.email, users.editor.password);
    await expect(page).toHaveURL("/services/default/clients");
  }
});

test("[AUTH] / sends a signed-out visitor to sign-in and a signed-in one to the clients", async ({ page, baseURL }) => {
  await page.goto("/");
  await expect(page).toHaveURL("/sign-in");
  await signInThroughApi(page.request, baseURL!, "viewer");
  await page.goto("/");
  await expect(page).toHaveURL("/services/default/clients");
  // Signed in, the sign-in page itself moves on to the console.
  await page.goto("/sign-in?next=/audit");
  await expect(page).toHaveURL("/services/default/audit");
});

test("[AUTH] sign-out ends the session", async ({ page, baseURL }) => {
  await signInThroughApi(page.request, baseURL!, "editor");
  await page.goto("/clients");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL("/sign-in");
  expect(await hasSession(page)).toBe(false);
  await page.goto("/clients");
  await expect(page).toHaveURL("/sign-in?next=%2Fclients");
});

test("[AUTH] after 5 sign-ins from one address in a minute, the next is refused with the wait", async ({ page }) => {
  await page.goto("/sign-in");
  for (let attempt = 1; attempt <= 5; attempt++) {
    expect((await submitSignIn(page, users.viewer.email, `wrong-password-${attempt}`)).status()).toBe(401);
    await expect(page.locator("#sign-in-error")).toHaveText("Wrong e-mail or password.");
  }
  // Even the right password waits now.
  expect((await submitSignIn(page, users.viewer.email, users.viewer.password)).status()).toBe(429);
  await expect(page.locator("#sign-in-error")).toHaveText(/^Too many attempts, try again in \d+ s\.$/);
  expect(await hasSession(page)).toBe(false);

  // Another address is not affected.
  await page.context().setExtraHTTPHeaders({ "x-registrar-client-ip": clientIp() });
  await submitSignIn(page, users.viewer.email, users.viewer.password);
  await expect(page).toHaveURL("/services/default/clients");
});
