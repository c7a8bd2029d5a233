import { randomInt } from "node:crypto";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { users } from "./env";

export type Role = keyof typeof users;

/** The saved session (storageState) of each role, written by global.setup.ts. */
export const authFile = (role: Role) => path.join(import.meta.dirname, ".auth", `${role}.json`);

/**
 * A client address of its own for a test. The app takes the address from x-registrar-client-ip only, and
 * rate-limits sign-ins per address, so tests that sign in must not share one.
 */
export function clientIp(): string {
  return `198.18.${randomInt(0, 256)}.${randomInt(1, 255)}`;
}

/** Signs in through better-auth's HTTP API, as the browser's sign-in form does (same origin check). */
export async function signInThroughApi(request: APIRequestContext, baseURL: string, role: Role, ip = clientIp()) {
  const response = await request.post("/api/auth/sign-in/email", {
    headers: { origin: baseURL, "x-registrar-client-ip": ip },
    data: { email: users[role].email, password: users[role].password },
  });
  expect(response.status(), await response.text()).toBe(200);
}

/** Whether the browser holds a valid session, as the app sees it. */
export async function hasSession(page: Page): Promise<boolean> {
  const response = await page.request.get("/api/auth/get-session");
  return (await response.json()) !== null;
}

/** Where the UI tests write their screenshots (light and dark, one per page and state), to look at. */
export const screenshots = path.join(import.meta.dirname, "screenshots");

/** Accessibility problems axe rates serious or critical, in a readable form. */
export async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** What RFC 7591 registration returns: the credentials are shown here once. */
export type Registered = { client_id: string; client_secret?: string; registration_access_token: string } & Record<string, unknown>;

/** Registers a client the way client software does (POST /register), from a browser-less request. */
export async function registerThroughApi(request: APIRequestContext, metadata: Record<string, unknown>): Promise<Registered> {
  const response = await request.post("/register", { data: metadata, headers: { "x-registrar-client-ip": clientIp() } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as Registered;
}

/** Deletes a client with its own registration access token (RFC 7592 §2.3). */
export async function deleteThroughApi(request: APIRequestContext, client: Registered) {
  const response = await request.delete(`/register/${client.client_id}`, {
    headers: { authorization: `Bearer ${client.registration_access_token}`, "x-registrar-client-ip": clientIp() },
  });
  expect(response.status()).toBe(204);
}

/** Opens a client's page from the list by its name; returns its client id. */
export async function openClient(page: Page, name: string): Promise<string> {
  await page.goto(`/clients?q=${encodeURIComponent(name)}`);
  await page.getByRole("table", { name: "Clients" }).getByRole("link", { name, exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  return decodeURIComponent(new URL(page.url()).pathname.split("/")[4]!);
}

/**
 * Waits until the console's frame is interactive: its theme switch marks the theme in use, which it knows only
 * once hydrated. The frame's keyboard shortcuts (Ctrl-K) are listened for from then on; a key pressed before
 * is lost. (A page's own content, in its loading boundary, may hydrate later still.)
 */
export async function frameHydrated(page: Page) {
  const themeSwitch = page.getByRole("group", { name: "Theme", includeHidden: true }).first();
  await expect(themeSwitch.getByRole("button", { pressed: true, includeHidden: true })).toHaveCount(1);
}

/**
 * Waits until the settings form is interactive: react-hook-form fills its fields in when it hydrates (the server
 * renders them blank), so until a registration mode is checked, a field changed would be reset by hydration.
 */
export async function settingsFormHydrated(page: Page) {
  await expect(page.getByRole("group", { name: "Registration mode" }).getByRole("radio", { checked: true })).toHaveCount(1);
}

/**
 * Opens a filter chip's popover. Its code arrives just after hydration and the chip is inert until then, so
 * this also waits for the page to be interactive.
 */
export async function openFilter(page: Page, label: string) {
  const chip = page.getByRole("button", { name: label, exact: true });
  await expect(chip).not.toHaveAttribute("aria-disabled", "true");
  await chip.click();
}
