import { describe, expect, it } from "vitest";
import { analyzeMetadataText, lineAt } from "@/components/metadata-editor/analysis";
import { metadataText } from "@/components/metadata-editor/text";
import { policyWith, webClient } from "./support/metadata";

const policy = policyWith();

/** The text a problem underlines. */
const underlined = (text: string, problem: { from: number; to: number }) => text.slice(problem.from, problem.to);

describe("[EDITOR] metadata problems on their source range", () => {
  it("puts a redirect URI's problem on that item's line and value", () => {
    const text = metadataText(webClient({ redirect_uris: ["https://app.example.com/cb", "https://app.example.com/cb#frag"] }));
    const { problems } = analyzeMetadataText(text, policy);
    expect(problems).toEqual([
      { from: expect.any(Number), to: expect.any(Number), line: 4, message: "redirect_uris[1] must not contain a fragment", source: "metadata", path: ["redirect_uris", 1] },
    ]);
    expect(underlined(text, problems[0]!)).toBe('"https://app.example.com/cb#frag"');
    expect(text.split("\n")[3]).toContain("#frag");
  });

  it("underlines the member name of an object or array member, and a missing member's closest existing part", () => {
    const text = metadataText({
      redirect_uris: ["https://app.example.com/cb"],
      jwks_uri: "https://app.example.com/jwks",
      jwks: { keys: [{ kty: "RSA", e: "AQAB" }] },
    });
    const { problems } = analyzeMetadataText(text, policy);
    const byPath = Object.fromEntries(problems.map((p) => [p.path!.join("."), { text: underlined(text, p), line: p.line }]));
    expect(byPath["jwks"]).toEqual({ text: `"jwks"`, line: 6 });
    // keys[0] has no "n": the squiggle goes to the key object's opening brace.
    expect(byPath["jwks.keys.0.n"]).toEqual({ text: "{", line: 8 });
  });

  it("points a problem of the whole document at its opening brace", () => {
    const text = metadataText({ client_name: "No redirect" });
    const { problems } = analyzeMetadataText(text, policy);
    expect(problems).toMatchObject([{ path: ["redirect_uris"], line: 1, message: "redirect_uris is required for the authorization_code grant" }]);
    expect(underlined(text, problems[0]!)).toBe("{");
  });

  it("reports the first JSON syntax error on its line and skips the metadata rules", () => {
    const text = '{\n  "client_name": "A"\n  "redirect_uris": []\n}\n';
    const analysis = analyzeMetadataText(text, policy);
    expect(analysis.problems).toEqual([{ from: text.indexOf('"redirect_uris"'), to: expect.any(Number), line: 3, message: "A comma is expected between members or items", source: "syntax" }]);
    expect(analysis.document).toBeUndefined();
  });

  it("refuses comments, trailing commas and an empty text as JSON does", () => {
    expect(analyzeMetadataText('{ "a": 1, }', policy).problems[0]).toMatchObject({ source: "syntax", line: 1 });
    expect(analyzeMetadataText('{\n// note\n"a": 1 }', policy).problems[0]).toMatchObject({ source: "syntax", line: 2, message: "Comments are not allowed in JSON" });
    expect(analyzeMetadataText("", policy).problems[0]).toMatchObject({ source: "syntax", from: 0, to: 1 });
  });

  it("returns the normalized metadata of a valid document, and the same issues as the core for an invalid one", () => {
    const valid = analyzeMetadataText(metadataText(webClient()), policy);
    expect(valid.problems).toEqual([]);
    expect(valid.metadata).toMatchObject({ application_type: "web", grant_types: ["authorization_code"] });
    const invalid = analyzeMetadataText(metadataText(webClient({ grant_types: ["password"] })), policyWith({ allowedGrantTypes: ["authorization_code"] }));
    expect(invalid.problems.map((p) => p.message)).toContain('grant_types[0] "password" is not allowed by this service');
  });

  it("follows the last of repeated member names, as JSON.parse does", () => {
    const text = '{\n  "redirect_uris": ["https://a.example/cb"],\n  "redirect_uris": ["https://a.example/cb#x"]\n}';
    expect(analyzeMetadataText(text, policy).problems).toMatchObject([{ line: 3, path: ["redirect_uris", 0] }]);
  });

  it("counts lines from 1", () => {
    expect(lineAt("a\nb\nc", 0)).toBe(1);
    expect(lineAt("a\nb\nc", 4)).toBe(3);
  });
});
