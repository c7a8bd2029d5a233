import { describe, expect, it } from "vitest";
import { chooseSearchKeys, searchKeyCandidates, type SearchSample } from "@/lib/clients/search-plan";

// Which parts of a search phrase the trigram index is asked for (lib/clients/search-plan.ts), chosen on a
// sample shaped like the synthetic million: company, product and number, with a slug URL and a contact.

const companies = ["northwind", "contoso", "fabrikam", "tailspin", "wingtip", "litware", "proseware", "woodgrove", "lucerne", "coho"];
const products = ["orders", "analytics", "support", "payroll", "inventory", "checkout", "partners", "field", "sync", "status", "mobile", "billing"];
const sample: SearchSample = {
  texts: Array.from({ length: 3_000 }, (_, i) => {
    const n = i * 331 + 7;
    const name = `${companies[n % companies.length]} ${products[Math.floor(n / 10) % products.length]} ${n}`;
    const slug = name.replace(/ /g, "-");
    return `${name} k${n.toString(36)}x https://${slug}.example/callback admin@${slug}.example`;
  }),
  rows: 1_000_000,
};

describe("[CLIENTS][LIST][SEARCH] the keys a phrase is looked up by", () => {
  it("offers three letters from inside each word, and a short word with the boundary before it", () => {
    expect(searchKeyCandidates("contoso orders 4")).toEqual(["con", "ont", "nto", "tos", "oso", "ord", "rde", "der", "ers", " 4"]);
    expect(searchKeyCandidates("https://x-12.example")).toEqual(["htt", "ttp", "tps", "/x", "-12", "exa", "xam", "amp", "mpl", "ple"]);
    // Nothing the index can look up on its own: a lone short word, or one after a character that is no boundary.
    expect(searchKeyCandidates("ab")).toEqual([]);
    expect(searchKeyCandidates("é4")).toEqual([]);
  });

  it("bounds the trigrams taken from a long word, spread along it", () => {
    const keys = searchKeyCandidates("abcdefghijklmnopqrstuvwxyz");
    expect(keys).toHaveLength(6);
    expect(keys[0]).toBe("abc");
    expect(keys.every((key) => "abcdefghijklmnopqrstuvwxyz".includes(key))).toBe(true);
  });

  it("takes one key from each common word of a rare phrase: the words together are what is rare", () => {
    const keys = chooseSearchKeys("contoso orders 4", sample);
    expect(keys).toHaveLength(3);
    expect(keys.filter((key) => "contoso".includes(key))).toHaveLength(1);
    expect(keys.filter((key) => "orders".includes(key))).toHaveLength(1);
    expect(keys).toContain(" 4");
  });

  it("stops at one key when that key is already rare, and has none for a phrase too short to look up", () => {
    expect(chooseSearchKeys("zanzibar", sample)).toHaveLength(1);
    expect(chooseSearchKeys("ab", sample)).toEqual([]);
  });

  it("keeps narrowing on a provisional sample (a table without statistics): its size is unknown", () => {
    const provisional = { texts: sample.texts, rows: sample.texts.length, provisional: true };
    const keys = chooseSearchKeys("contoso orders 4", provisional);
    expect(keys.length).toBeGreaterThanOrEqual(chooseSearchKeys("contoso orders 4", { ...provisional, provisional: false }).length);
    expect(keys.length).toBeGreaterThanOrEqual(3);
  });

  it("takes no key that narrows nothing: a word every client has is not worth its posting list", () => {
    const keys = chooseSearchKeys("tailspin payroll 1234 example", sample);
    expect(keys.some((key) => "example".includes(key))).toBe(false);
    expect(keys.length).toBeLessThanOrEqual(4);
  });
});
