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

describe("[CREDENTIALS][RANDOM] the pooled CSPRNG", () => {
  it("hands out bytes of the size asked for, never the same twice, and never the pool itself", async () => {
    const { randomBytes } = await import("@/lib/registration/random");
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) {
      const size = [12, 16, 32][i % 3]!;
      const bytes = randomBytes(size);
      expect(bytes.length).toBe(size);
      seen.add(bytes.toString("hex"));
    }
    expect(seen.size).toBe(20_000);
    const a = randomBytes(16);
    const copy = Buffer.from(a);
    a.fill(0);
    expect(randomBytes(16).equals(copy)).toBe(false);
    expect(randomBytes(16).equals(Buffer.alloc(16))).toBe(false);
    expect(randomBytes(10_000).length).toBe(10_000);
  });

  it("row ids are distinct UUIDv7s", async () => {
    const { newRowId } = await import("@/lib/registration/random");
    const ids = Array.from({ length: 10_000 }, newRowId);
    expect(new Set(ids).size).toBe(10_000);
    for (const id of ids.slice(0, 100)) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
