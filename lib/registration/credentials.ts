import { createCipheriv, createDecipheriv, createHash, timingSafeEqual } from "node:crypto";
import { appendFileSync } from "node:fs";
import { randomBytes } from "./random";

// Credentials of a registration (RFC 7591 §3.2.1, RFC 7592 §3). Client ids, secrets and tokens come from the
// operating system's CSPRNG (node:crypto, through random.ts); tokens are stored only as SHA-256; secrets are encrypted at rest
// with AES-256-GCM.

/** A new client id: 128 random bits, URL-safe (22 characters). */
export function newClientId(): string {
  return randomBytes(16).toString("base64url");
}

/** A new client secret: 256 random bits, URL-safe (43 characters). */
export function newClientSecret(): string {
  return issued(randomBytes(32).toString("base64url"));
}

/** A new bearer token (registration access token, initial access token, API key): 256 random bits. */
export function newToken(): string {
  return issued(randomBytes(32).toString("base64url"));
}

/**
 * The test suite's secret-leak check (scripts/check-secrets.ts) needs every credential the suite caused to
 * be issued: with REGISTRAR_CREDENTIAL_LEDGER set (only `npm test` sets it) each one is appended there.
 */
function issued(credential: string): string {
  const ledger = process.env.REGISTRAR_CREDENTIAL_LEDGER;
  if (ledger) appendFileSync(ledger, `${credential}\n`);
  return credential;
}

/** The SHA-256 of a token, as stored in the database. */
export function hashToken(token: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(createHash("sha256").update(token, "utf8").digest());
}

/** Whether `token` hashes to `expectedHash`, compared in constant time. */
export function tokenMatches(token: string, expectedHash: Uint8Array | null | undefined): boolean {
  return hashesEqual(hashToken(token), expectedHash);
}

/** Whether a token's SHA-256 (hashToken) is `expectedHash`, compared in constant time. */
export function hashesEqual(tokenHash: Uint8Array, expectedHash: Uint8Array | null | undefined): boolean {
  if (!expectedHash || expectedHash.length !== 32) return false;
  return timingSafeEqual(tokenHash, expectedHash);
}

/** Constant-time comparison of two secrets of any length (lengths may leak, contents do not). */
export function secretsEqual(a: string, b: string): boolean {
  const ha = createHash("sha256").update(a, "utf8").digest();
  const hb = createHash("sha256").update(b, "utf8").digest();
  return timingSafeEqual(ha, hb) && a.length === b.length;
}

/** The associated data a client's secret is encrypted with: the secret decrypts only as that client's, in that service. */
export const secretAad = (serviceId: string, clientId: string) => `${serviceId}/${clientId}`;

const VERSION = "v1";

/** Encrypts a client secret for storage: `v1.<iv>.<tag>.<ciphertext>` (base64url), AES-256-GCM. */
export function encryptSecret(secret: string, key: Buffer, associatedData: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(associatedData, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

/** Decrypts what encryptSecret produced; throws if the key, the associated data or the ciphertext is wrong. */
export function decryptSecret(stored: string, key: Buffer, associatedData: string): string {
  const [version, iv, tag, ciphertext] = stored.split(".");
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new Error("Unreadable stored client secret");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(associatedData, "utf8"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}
