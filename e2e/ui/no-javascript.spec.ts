import { expect, test, type Browser, type BrowserContextOptions, type Locator, type Page, type Request } from "@playwright/test";
import { readThroughApi, registerThroughApi, updateThroughApi } from "../clients";
import { users } from "../env";
import { authFile } from "../support";

// A form submitted before the page's JavaScript runs falls back to its own method and action. Two ways a
// person gets there: a browser without JavaScript, and a page whose scripts never load (Next.js's dev server
// refused them to a console opened at 127.0.0.1, the page looked ready and never was). Either way the fields
// holding a secret (a password, a registration access token) are posted to the page, never put in a URL,
// and nothing happens. The forms that only open in a dialog need the page's JavaScript to appear at all;
// that every form posts is also a lint rule (test/form-method.test.ts).

const scriptsOf = /\/_next\/static\/.+\.js(?:\?|$)/;
const modes = {
  "without JavaScript": { javaScriptEnabled: false },
  "with its scripts not loaded": {},
} as const;

async function openContext(browser: Browser, baseURL: string, mode: keyof typeof modes, options: BrowserContextOptions = {}) {
  const context = await browser.newContext({ ...options, ...modes[mode], baseURL });
  if (mode === "with its scripts not loaded") await context.route(scriptsOf, (route) => route.abort());
  return context;
}

/** Presses Enter in `field` (the browser submits the form) and returns the request it sent, with every request the page made. */
async function submitWithEnter(page: Page, field: Locator) {
  const sent: Request[] = [];
  page.on("request", (request) => sent.push(request));
  const submission = page.waitForRequest((request) => request.isNavigationRequest());
  await field.press("Enter");
  const request = await submission;
  await page.waitForLoadState();
  return { request, sent };
}

/** Neither the address the page ended on nor any request the browser sent carries one of `secrets`. */
function expectNoSecretInUrls(page: Page, sent: Request[], secrets: string[]) {
  for (const secret of secrets) {
    for (const url of [page.url(), ...sent.map((request) => request.url())]) {
      expect(url).not.toContain(secret);
      expect(url).not.toContain(encodeURIComponent(secret));
    }
  }
  expect(sent.filter((request) => request.method() === "GET" && /[?&](?:email|password|registrationAccessToken)=/.test(request.url()))).toEqual([]);
}

for (const mode of Object.keys(modes) as (keyof typeof modes)[]) {
  test(`[HARDENING][FORMS] signing in ${mode}: the e-mail and password are posted, never put in the address, and no session starts`, async ({ browser, baseURL }) => {
    const context = await openContext(browser, baseURL!, mode);
    const page = await context.newPage();
    await page.goto("/sign-in?next=%2Fservices%2Fdefault%2Fsettings");
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    const password = `typed-before-ready-${Date.now()}`;
    await page.getByLabel("E-mail").fill(users.admin.email);
    await page.getByLabel("Password").fill(password);

    const { request, sent } = await submitWithEnter(page, page.getByLabel("Password"));
    expect(request.method()).toBe("POST");
    expect(request.url()).toBe(`${baseURL}/sign-in?next=%2Fservices%2Fdefault%2Fsettings`);
    expectNoSecretInUrls(page, sent, [password, users.admin.email]);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain("better-auth.session_token");
    await context.close();
  });
}

test("[HARDENING][FORMS] reverting with the page's scripts not loaded: the registration access token is posted, never put in the address, and nothing is saved", async ({ browser, baseURL, request }) => {
  const client = await registerThroughApi(request, { client_name: "Reverted before ready" });
  const updated = await updateThroughApi(request, client, client.registration_access_token, { client_name: "Changed before ready" });
  const context = await openContext(browser, baseURL!, "with its scripts not loaded", { storageState: authFile("editor") });
  const page = await context.newPage();
  const path = `/services/default/clients/${client.client_id}/revert/1`;
  await page.goto(path);
  await expect(page.getByRole("button", { name: "Save revert to version 1" })).toBeEnabled();
  const token = page.getByLabel("Registration access token");
  await token.fill(updated.registration_access_token);

  const { request: submission, sent } = await submitWithEnter(page, token);
  expect(submission.method()).toBe("POST");
  expect(new URL(submission.url()).pathname).toBe(path);
  expectNoSecretInUrls(page, sent, [updated.registration_access_token]);
  // The page came back as it was, and the client is unchanged: its token still works, its name is the same.
  await expect(page.getByRole("button", { name: "Save revert to version 1" })).toBeVisible();
  const read = await readThroughApi(request, client.client_id, updated.registration_access_token);
  expect(read.status).toBe(200);
  expect(read.body).toMatchObject({ client_name: "Changed before ready" });
  await context.close();
});
