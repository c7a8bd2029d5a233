import { describe, expect, it } from "vitest";
import {
  decryptSecret,
  encryptSecret,
  hashToken,
  newClientId,
  newClientSecret,
  newToken,
  tokenMatches,
} from "@/lib/registration/credentials";

const key = Buffer.alloc(32, 9);

describe("[CREDENTIALS]", () => {
  it("client ids, secrets and tokens are URL-safe, unique and long enough", () => {
    const ids = new Set(Array.from({ length: 1000 }, newClientId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    // 43 base64url characters = 256 bits
    expect(newClientSecret()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newToken()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newToken()).not.toBe(newToken());
  });

  it("a token matches only its own SHA-256", () => {
    const token = newToken();
    const stored = hashToken(token);
    expect(stored).toHaveLength(32);
    expect(tokenMatches(token, stored)).toBe(true);
    expect(tokenMatches(newToken(), stored)).toBe(false);
    expect(tokenMatches(token, null)).toBe(false);
    expect(tokenMatches(token, Buffer.alloc(3))).toBe(false);
  });

  it("secrets round-trip through AES-256-GCM and fail with another key or another client", () => {
    const secret = newClientSecret();
    const stored = encryptSecret(secret, key, "client-a");
    expect(stored).not.toContain(secret);
    expect(stored.startsWith("v1.")).toBe(true);
    expect(decryptSecret(stored, key, "client-a")).toBe(secret);
    expect(() => decryptSecret(stored, Buffer.alloc(32, 1), "client-a")).toThrow();
    expect(() => decryptSecret(stored, key, "client-b")).toThrow();
    expect(encryptSecret(secret, key, "client-a")).not.toBe(stored); // fresh IV each time
  });
});
