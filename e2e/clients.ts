import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import path from "node:path";

// Clients as client software sees them (RFC 7591/7592 through the API), and the console's metadata editor.

export type Registered = { client_id: string; registration_access_token: string; client_secret?: string; [member: string]: unknown };

const credentialMembers = ["client_id", "client_secret", "client_id_issued_at", "client_secret_expires_at", "registration_access_token", "registration_client_uri"];

/** The metadata members of an RFC 7591/7592 response (its credentials left out). */
export const metadataOf = (response: Record<string, unknown>) => Object.fromEntries(Object.entries(response).filter(([k]) => !credentialMembers.includes(k)));

/** Registers a client the way client software does; a fresh registration access token for the test. */
export async function registerThroughApi(request: APIRequestContext, metadata: Record<string, unknown> = {}, initialAccessToken?: string) {
  const response = await request.post("/register", {
    data: { redirect_uris: ["https://e2e.example.com/callback"], client_name: `E2E client ${Date.now().toString(36)}`, ...metadata },
    headers: initialAccessToken ? { authorization: `Bearer ${initialAccessToken}` } : {},
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as Registered;
}

/** RFC 7592 read: the client's current registration, or the status when it fails. */
export async function readThroughApi(request: APIRequestContext, clientId: string, token: string) {
  const response = await request.get(`/register/${clientId}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status(), body: response.status() === 200 ? ((await response.json()) as Registered) : null };
}

/** RFC 7592 update with the client's own token. */
export async function updateThroughApi(request: APIRequestContext, client: Registered, token: string, changes: Record<string, unknown>) {
  const response = await request.put(`/register/${client.client_id}`, { headers: { authorization: `Bearer ${token}` }, data: { ...metadataOf(client), client_id: client.client_id, ...changes } });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as Registered;
}

export const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** The metadata editor's text area (CodeMirror's content element). */
export const editorContent = (page: Page) => page.locator(".cm-content");

/** The editor's preview, shown until the administrator turns to the editor and CodeMirror has loaded. */
export const editorPreview = (page: Page) => page.getByTestId("metadata-preview");

/**
 * Turns to the editor as an administrator does (the pointer over it), which loads CodeMirror on demand (slowly
 * on a busy machine), and waits for it to show `text`.
 */
export async function waitForEditor(page: Page, text: string) {
  await page.getByTestId("metadata-editor").hover();
  await expect(editorContent(page)).toContainText(text, { timeout: 30_000 });
}

/** Replaces the editor's whole text, as a paste would. */
export async function setEditorText(page: Page, text: string) {
  const content = editorContent(page);
  await page.getByTestId("metadata-editor").hover();
  await expect(content).toBeVisible({ timeout: 30_000 });
  await content.click();
  await page.keyboard.press("Control+a");
  await page.keyboard.insertText(text);
}

/** The problem list under the editor. */
export const problems = (page: Page): Locator => page.getByRole("list", { name: "Problems" }).getByRole("link");

const screenshots = path.join(import.meta.dirname, "screenshots");

/** Serious and critical axe findings, readable. */
export async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** An accessibility check and a screenshot of what the page shows now (the whole page with `fullPage`). */
export async function inspect(page: Page, name: string, { fullPage = false } = {}) {
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage });
}
