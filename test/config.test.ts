import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig, refuseCredentialLedgerOutsideTests } from "@/lib/config";

const valid = {
  DATABASE_URL: "postgresql://u:p@db.internal:5432/registrar",
  REGISTRAR_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
  AUTH_SECRET: "a".repeat(32),
};

function problems(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("[CONFIG] environment", () => {
  it("applies the documented defaults", () => {
    const config = parseConfig(valid);
    expect(config.port).toBe(3000);
    expect(config.issuer).toBe("http://localhost:3000");
    expect(config.serviceId).toBe("default");
    expect(config.encryptionKey).toHaveLength(32);
    expect(config.admin).toBeUndefined();
  });

  it("derives the issuer from PORT and strips a trailing slash from REGISTRAR_ISSUER", () => {
    expect(parseConfig({ ...valid, PORT: "8080" }).issuer).toBe("http://localhost:8080");
    expect(parseConfig({ ...valid, REGISTRAR_ISSUER: "https://id.example.com/" }).issuer).toBe("https://id.example.com");
  });

  it("accepts a hex encryption key", () => {
    expect(parseConfig({ ...valid, REGISTRAR_ENCRYPTION_KEY: "ab".repeat(32) }).encryptionKey.toString("hex")).toBe("ab".repeat(32));
  });

  it("names each missing or bad variable and its rule", () => {
    expect(problems({})).toEqual(
      expect.arrayContaining([
        "DATABASE_URL is required",
        "REGISTRAR_ENCRYPTION_KEY is required",
        "AUTH_SECRET is required",
      ]),
    );
    expect(problems({ ...valid, DATABASE_URL: "mysql://x@y/z" })).toEqual(["DATABASE_URL must be a postgresql:// URL"]);
    expect(problems({ ...valid, PORT: "http" })).toEqual(["PORT must be a port number"]);
    expect(problems({ ...valid, REGISTRAR_ENCRYPTION_KEY: "short" })[0]).toMatch(/^REGISTRAR_ENCRYPTION_KEY must be 32 bytes/);
    expect(problems({ ...valid, REGISTRAR_SERVICE_ID: "a b" })[0]).toMatch(/^REGISTRAR_SERVICE_ID must be 1–64 letters/);
    expect(problems({ ...valid, ADMIN_EMAIL: "root@example.com" })).toEqual([
      "ADMIN_PASSWORD is required when the other of ADMIN_EMAIL / ADMIN_PASSWORD is set",
    ]);
    expect(problems({ ...valid, ADMIN_EMAIL: "root", ADMIN_PASSWORD: "long-enough-password" })).toEqual(["ADMIN_EMAIL must be an e-mail address"]);
  });

  it("METRICS_TOKEN: unset = no /metrics; a short token is refused", () => {
    expect(parseConfig(valid).metricsToken).toBeUndefined();
    expect(parseConfig({ ...valid, METRICS_TOKEN: "m".repeat(32) }).metricsToken).toBe("m".repeat(32));
    expect(problems({ ...valid, METRICS_TOKEN: "short" })).toEqual(["METRICS_TOKEN must be at least 32 characters"]);
  });

  it("REGISTRAR_SECTOR_FETCH_ALLOW_PRIVATE: off by default, for tests only, refused in production", () => {
    expect(parseConfig(valid).sectorFetchAllowPrivate).toBe(false);
    expect(parseConfig({ ...valid, REGISTRAR_SECTOR_FETCH_ALLOW_PRIVATE: "1" }).sectorFetchAllowPrivate).toBe(true);
    expect(problems({ ...valid, REGISTRAR_SECTOR_FETCH_ALLOW_PRIVATE: "yes" })).toEqual(["REGISTRAR_SECTOR_FETCH_ALLOW_PRIVATE must be 1 or 0"]);
    expect(problems({ ...valid, NODE_ENV: "production", REGISTRAR_SECTOR_FETCH_ALLOW_PRIVATE: "1" })).toEqual([
      "REGISTRAR_SECTOR_FETCH_ALLOW_PRIVATE must not be set in production: it lets clients make the service fetch from private addresses",
    ]);
  });

  it("reports every problem at once, in one message", () => {
    const error = (() => {
      try {
        parseConfig({ DATABASE_URL: "nope", PORT: "0" });
      } catch (e) {
        return e as ConfigError;
      }
    })();
    expect(error?.message).toContain("DATABASE_URL");
    expect(error?.message).toContain("PORT");
    expect(error?.message).toContain("AUTH_SECRET");
  });

  it("allows the credential ledger in a test run only", () => {
    const ledger = { REGISTRAR_CREDENTIAL_LEDGER: "/tmp/credentials.txt" };
    expect(() => refuseCredentialLedgerOutsideTests({ ...ledger, NODE_ENV: "test" })).not.toThrow();
    expect(() => refuseCredentialLedgerOutsideTests({ NODE_ENV: "production" })).not.toThrow();
    for (const NODE_ENV of ["production", "development", undefined]) {
      let refusal: unknown;
      try {
        refuseCredentialLedgerOutsideTests({ ...ledger, NODE_ENV });
      } catch (error) {
        refusal = error;
      }
      expect(refusal).toBeInstanceOf(ConfigError);
      expect((refusal as ConfigError).problems).toEqual([expect.stringMatching(/^REGISTRAR_CREDENTIAL_LEDGER is for test runs only .*it writes every client secret and token/)]);
    }
  });
});
