import { randomInt } from "node:crypto";
import path from "node:path";
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
