import { describe, expect, it } from "vitest";
import { newClientSecret, newToken } from "@/lib/registration/credentials";
import { findLeaks } from "@/scripts/lib/secret-scan";

describe("[HARDENING][SECRETS] the secret scanner used at the end of npm test", () => {
  const secret = newClientSecret();
  const token = newToken();

  it("finds a credential wherever it stands: alone, in JSON, glued to other characters", () => {
    const sources = [
      { name: "log", text: `{"level":30,"msg":"x","client_secret":"${secret}"}` },
      { name: "revision", text: `Bearer ${token}` },
      { name: "glued", text: `abc${token}xyz` },
    ];
    const leaks = findLeaks([secret, token], sources);
    expect(leaks.map((l) => l.source)).toEqual(["log", "revision", "glued"]);
  });

  it("finds fixed secrets of other shapes, and nothing in clean text", () => {
    expect(findLeaks(["admin-password-e2e"], [{ name: "log", text: "password=admin-password-e2e" }])).toHaveLength(1);
    expect(findLeaks([secret, token, "admin-password-e2e"], [{ name: "clean", text: `{"client_id":"abc","msg":"${"x".repeat(60)}"}` }])).toEqual([]);
  });
});
