import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { baseURL, users } from "../env";
import { authFile, clientIp, registerThroughApi } from "../support";

// Security headers on the console and what they allow: scripts only with the request's nonce (and no page
// of ours needs more), never framed, no cross-site credentialed posts.

test.describe("[SECURITY][HEADERS]", () => {
  test.use({ storageState: authFile("admin") });

  for (const path of ["/sign-in", "/services/default/clients", "/services/default/audit", "/services/default/settings"]) {
    test(`${path} has a nonce-based CSP, frame-ancestors 'none' and the other security headers; the page violates none of it`, async ({ page }) => {
      const violations: string[] = [];
      page.on("console", (message) => {
        if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text())) violations.push(message.text());
      });
      const response = await page.goto(path);
      const headers = response!.headers();
      expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
      expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect(headers["content-security-policy"]).toContain("object-src 'none'");
      expect(headers["content-security-policy"]).not.toContain("unsafe-eval");
      expect(headers["x-frame-options"]).toBe("DENY");
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(headers["strict-transport-security"]).toBeUndefined(); // served over http here
      await page.waitForLoadState("networkidle");
      expect(violations).toEqual([]);
    });
  }

  test("what Next.js serves besides pages (a script, a revalidated script, the health check) carries the base security headers and no page policy", async ({ page, request }) => {
    const scripts: string[] = [];
    page.on("response", (response) => {
      if (response.url().includes("/_next/static/") && response.url().endsWith(".js")) scripts.push(response.url());
    });
    await page.goto("/sign-in");
    await expect.poll(() => scripts.length).toBeGreaterThan(0);
    const script = await request.get(scripts[0]!);
    expect(script.status()).toBe(200);
    const etag = script.headers()["etag"];
    const revalidated = etag ? await request.get(scripts[0]!, { headers: { "If-None-Match": etag } }) : script;
    for (const response of [script, revalidated, await request.get("/api/health")]) {
      const headers = response.headers();
      expect(headers["x-content-type-options"], response.url()).toBe("nosniff");
      expect(headers["referrer-policy"], response.url()).toBe("strict-origin-when-cross-origin");
      expect(headers["content-security-policy"], response.url()).toBeUndefined();
    }
  });

  test("a fresh nonce on every response", async ({ request }) => {
    const nonce = async () => (await request.get("/sign-in")).headers()["content-security-policy"]!.match(/'nonce-([^']+)'/)![1];
    expect(await nonce()).not.toBe(await nonce());
  });
});

test("[SECURITY][CSRF] a cross-site sign-in post is refused and starts no session", async ({ request }) => {
  const response = await request.post("/api/auth/sign-in/email", {
    headers: { origin: "https://evil.example", "x-registrar-client-ip": clientIp() },
    data: { email: users.admin.email, password: users.admin.password },
  });
  expect(response.status()).toBe(403);
  expect(response.headers()["set-cookie"]).toBeUndefined();
  const same = await request.post("/api/auth/sign-in/email", {
    headers: { origin: baseURL, "x-registrar-client-ip": clientIp() },
    data: { email: users.admin.email, password: "wrong-password-here" },
  });
  expect(same.status()).toBe(401); // the same request from the console's own origin reaches the password check
});

test.describe("[SECURITY][CSRF] server actions", () => {
  test.use({ storageState: authFile("admin") });

  /** The id of a server action, from the build's manifest, as a browser would send it in `Next-Action`. */
  function actionId(exportedName: string): string {
    const manifest = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, { exportedName?: string }> };
    const id = Object.entries(manifest.node).find(([, action]) => action.exportedName === exportedName)?.[0];
    if (!id) throw new Error(`No server action ${exportedName} in the build`);
    return id;
  }

  test("a cross-site post to the delete action, with the administrator's cookie, is refused and deletes nothing", async ({ request }) => {
    const client = await registerThroughApi(request, { client_name: "CSRF target", redirect_uris: ["https://csrf.example/cb"] });
    const post = (origin: string) =>
      request.post(`/services/default/clients/${client.client_id}`, {
        headers: { origin, "next-action": actionId("deleteClient"), "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" },
        data: JSON.stringify([{ serviceId: "default", clientId: client.client_id, confirmation: client.client_id }]),
      });
    const stillThere = async () => (await request.get(`/register/${client.client_id}`, { headers: { authorization: `Bearer ${client.registration_access_token}` } })).status();

    const crossSite = await post("https://evil.example");
    expect(crossSite.ok()).toBe(false);
    expect(await stillThere()).toBe(200);
    // The same request from the console's own origin is the action's normal use: it deletes the client.
    const sameSite = await post(baseURL);
    expect(sameSite.status()).toBe(200);
    expect(await stillThere()).toBe(401);
  });
});
