import { describe, expect, it } from "vitest";
import { sideBySide } from "@/components/diff/json-diff";
import { changeConsequences } from "@/lib/clients/consequences";
import { policyWith, validMetadata, webClient } from "./support/metadata";

const policy = policyWith();
const messages = (before: Record<string, unknown>, after: Record<string, unknown>, hasSecret = true, p = policy) =>
  changeConsequences(before.redirect_uris || Object.keys(before).length ? validMetadata(before) : {}, validMetadata(after), { hasSecret, policy: p }).map((c) => `${c.tone}: ${c.message}`);

describe("[CLIENTS][REVIEW] consequences of a change, in words", () => {
  it("warns that removing a redirect URI can break sign-in, and that the token rotates", () => {
    const before = webClient({ redirect_uris: ["https://app.example.com/cb", "https://app.example.com/old"] });
    expect(messages(before, webClient())).toEqual([
      "warning: Removing the redirect URI “https://app.example.com/old” can break sign-in: authorization requests that still use it will be refused.",
      "info: Saving issues a new registration access token and the current one stops working: the client software must be given the new one.",
    ]);
    expect(messages(before, webClient(), true, policyWith({ rotateRegistrationAccessTokenOnUpdate: false }))).toHaveLength(1);
  });

  it("says that switching to none makes the client public and drops its secret, and that a new secret will be created", () => {
    expect(messages(webClient(), webClient({ token_endpoint_auth_method: "none" }))).toContain(
      "warning: The client is public (token_endpoint_auth_method “none”): it does not authenticate at the token endpoint, and its client secret is deleted. Use PKCE.",
    );
    expect(messages(webClient({ token_endpoint_auth_method: "none" }), webClient(), false)).toContain(
      "info: A new client secret will be created. The client software can read it with its registration access token (RFC 7592), and must be configured with it.",
    );
  });

  it("warns about keys, grants, scopes and the application type", () => {
    const jwksUri = { token_endpoint_auth_method: "private_key_jwt", jwks_uri: "https://app.example.com/jwks" };
    const out = messages(
      webClient({ ...jwksUri, grant_types: ["authorization_code", "refresh_token"], scope: "openid orders:read" }),
      webClient({ ...jwksUri, jwks_uri: "https://app.example.com/jwks-2", scope: "openid" }),
      false,
    );
    expect(out).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^warning: The client's keys change/),
        "warning: The client can no longer use the “refresh_token” grant.",
        "warning: The client can no longer request the scope “orders:read”.",
      ]),
    );
  });

  it("describes a new client without speaking of changes", () => {
    expect(messages({}, webClient({ token_endpoint_auth_method: "none" }), false)).toEqual([
      "info: The client is public (token_endpoint_auth_method “none”): it does not authenticate at the token endpoint. Use PKCE.",
    ]);
    expect(messages({}, webClient(), false)).toEqual(["info: A client secret will be created and shown once after registration."]);
  });
});

describe("[CLIENTS][REVIEW] side-by-side JSON", () => {
  it("faces a replaced line with its replacement and folds long unchanged stretches", () => {
    const before = ["{", ...Array.from({ length: 10 }, (_, i) => `  "k${i}": ${i},`), '  "name": "a"', "}"].join("\n");
    const after = before.replace('"name": "a"', '"name": "b"');
    const rows = sideBySide(`${before}\n`, `${after}\n`);
    expect(rows[0]).toEqual({ folded: 8 });
    const changed = rows.find((r) => "left" in r && r.left?.kind === "removed");
    expect(changed).toEqual({ left: { number: 12, text: '  "name": "a"', kind: "removed" }, right: { number: 12, text: '  "name": "b"', kind: "added" } });
    expect(rows.at(-1)).toEqual({ left: { number: 13, text: "}", kind: "same" }, right: { number: 13, text: "}", kind: "same" } });
  });
});
