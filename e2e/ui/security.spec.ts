import { expect, test } from "@playwright/test";
import { baseURL, users } from "../env";
import { authFile, clientIp } from "../support";

// Security headers on the console and what they allow: scripts only with the request's nonce (and no page
// of ours needs more), never framed, no cross-site credentialed posts.

test.describe("[SECURITY][HEADERS]", () => {
  test.use({ storageState: authFile("admin") });

  for (const path of ["/sign-in", "/clients", "/audit", "/settings"]) {
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
