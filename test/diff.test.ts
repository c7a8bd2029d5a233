import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyChanges, changeKind, diffMetadata, overlappingPaths, type Change } from "@/lib/registration/diff";
import { knownMembers } from "@/lib/registration/members";
import { ecKey, jwksWith } from "./support/metadata";

// The field-level change set {path, before, after} of every revision, and the console's
// review and conflict views built on it.

const otherKey = { ...ecKey, kid: "ec-2" };
const before = {
  client_name: "Example",
  redirect_uris: ["https://app.example.com/a", "https://app.example.com/b"],
  jwks: jwksWith(ecKey),
  logo_uri: "https://app.example.com/logo.png",
};

describe("[CORE][DIFF] diffMetadata", () => {
  it("[CORE][DIFF]: identical documents have no changes, whatever the order of their keys", () => {
    const reordered = { logo_uri: before.logo_uri, jwks: { keys: [Object.fromEntries(Object.entries(ecKey).reverse())] }, redirect_uris: [...before.redirect_uris], client_name: "Example" };
    expect(diffMetadata(before, reordered)).toEqual([]);
  });

  it("[CORE][DIFF]: a member added, removed and changed, sorted by path", () => {
    const after = { ...before, client_name: "Example 2", tos_uri: "https://app.example.com/tos" } as Record<string, unknown>;
    delete after.logo_uri;
    const changes = diffMetadata(before, after);
    expect(changes).toEqual([
      { path: ["client_name"], before: "Example", after: "Example 2" },
      { path: ["logo_uri"], before: "https://app.example.com/logo.png" },
      { path: ["tos_uri"], after: "https://app.example.com/tos" },
    ]);
    expect(changes.map(changeKind)).toEqual(["changed", "removed", "added"]);
  });

  it("[CORE][DIFF]: arrays are compared as whole values: a reordered array is one change of the member", () => {
    const after = { ...before, redirect_uris: [...before.redirect_uris].reverse() };
    expect(diffMetadata(before, after)).toEqual([{ path: ["redirect_uris"], before: before.redirect_uris, after: after.redirect_uris }]);
  });

  it("[CORE][DIFF]: nested objects are followed: a new key in jwks is a change of jwks.keys", () => {
    const after = { ...before, jwks: jwksWith(ecKey, otherKey) };
    expect(diffMetadata(before, after)).toEqual([{ path: ["jwks", "keys"], before: [ecKey], after: [ecKey, otherKey] }]);
  });

  it("[CORE][DIFF]: a member that turns from an object into something else is one change", () => {
    expect(diffMetadata({ jwks: jwksWith(ecKey) }, { jwks_uri: "https://app.example.com/jwks" })).toEqual([
      { path: ["jwks"], before: jwksWith(ecKey) },
      { path: ["jwks_uri"], after: "https://app.example.com/jwks" },
    ]);
  });

  it("[CORE][DIFF]: the change set of a creation lists every member as added", () => {
    expect(diffMetadata({}, { client_name: "Example", grant_types: ["authorization_code"] }).map((c) => [c.path, changeKind(c)])).toEqual([
      [["client_name"], "added"],
      [["grant_types"], "added"],
    ]);
  });
});

describe("[CORE][DIFF] applyChanges", () => {
  it("[CORE][DIFF]: applying a diff to its starting document gives the target document, without touching either", () => {
    const after = { client_name: "Renamed", redirect_uris: ["https://app.example.com/c"], jwks: jwksWith(otherKey) };
    const frozen = structuredClone(before);
    const changes = diffMetadata(before, after);
    expect(applyChanges(before, changes)).toEqual(after);
    expect(before).toEqual(frozen);
  });

  it("[CORE][DIFF]: an edit re-applied over a newer version keeps what the newer version changed elsewhere", () => {
    const ours = diffMetadata(before, { ...before, client_name: "Ours" });
    const newer = { ...before, logo_uri: "https://cdn.example.com/logo.svg", policy_uri: "https://app.example.com/privacy" };
    expect(applyChanges(newer, ours)).toEqual({ ...newer, client_name: "Ours" });
  });

  it("[CORE][DIFF]: nested paths are created where the document has none", () => {
    expect(applyChanges({}, [{ path: ["jwks", "keys"], after: [ecKey] }])).toEqual({ jwks: { keys: [ecKey] } });
  });

  it("[CORE][DIFF]: the result does not share values with the change set", () => {
    const change: Change = { path: ["redirect_uris"], after: ["https://app.example.com/a"] };
    const result = applyChanges({}, [change]);
    (result.redirect_uris as string[]).push("https://evil.example/");
    expect(change.after).toEqual(["https://app.example.com/a"]);
  });

  it("[CORE][DIFF]: for any two metadata-like documents, applying the diff of a to b onto a gives b", () => {
    const json = fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown); // JSON has no -0
    const document = fc.dictionary(fc.constantFrom(...knownMembers, "client_name#fr"), json, { maxKeys: 8 });
    fc.assert(
      fc.property(document, document, (a, b) => {
        expect(applyChanges(a, diffMetadata(a, b))).toEqual(b);
      }),
    );
  });
});

describe("[CORE][DIFF] members named like Object.prototype's properties", () => {
  it("[CORE][DIFF]: toString, constructor and __proto__ are members like any other, read and written as own properties", () => {
    const a = JSON.parse('{"jwks":{"toString":1},"software_statement":{"constructor":{"x":1}}}') as Record<string, unknown>;
    const b = JSON.parse('{"jwks":{"toString":2,"__proto__":{"polluted":true}},"software_statement":{}}') as Record<string, unknown>;
    const changes = diffMetadata(a, b);
    expect(changes.map((c) => c.path)).toEqual([["jwks", "__proto__"], ["jwks", "toString"], ["software_statement", "constructor"]]);
    const result = applyChanges(a, changes);
    expect(result).toEqual(b);
    expect(Object.hasOwn(result.jwks as object, "__proto__")).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(diffMetadata({}, { toString: "x" })).toEqual([{ path: ["toString"], after: "x" }]);
  });
});

describe("[CORE][DIFF] overlappingPaths", () => {
  const change = (...path: string[]): Change => ({ path, after: 1 });

  it("[CORE][DIFF]: edits of different members do not overlap", () => {
    expect(overlappingPaths([change("client_name")], [change("logo_uri"), change("jwks", "keys")])).toEqual([]);
  });

  it("[CORE][DIFF]: the same member changed on both sides overlaps", () => {
    expect(overlappingPaths([change("client_name"), change("tos_uri")], [change("client_name")])).toEqual([["client_name"]]);
  });

  it("[CORE][DIFF]: a member overlaps the paths below it, both ways, and is reported once", () => {
    expect(overlappingPaths([change("jwks")], [change("jwks", "keys")])).toEqual([["jwks"]]);
    expect(overlappingPaths([change("jwks", "keys")], [change("jwks")])).toEqual([["jwks", "keys"]]);
    expect(overlappingPaths([change("jwks"), change("jwks")], [change("jwks", "keys"), change("jwks")])).toEqual([["jwks"]]);
  });

  it("[CORE][DIFF]: a member name that merely starts like another does not overlap it", () => {
    expect(overlappingPaths([change("client_name")], [change("client_name#fr")])).toEqual([]);
  });
});
