import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadService, SERVICE_CACHE_ENTRIES } from "@/lib/registration/store";

// loadService's cache (lib/registration/store.ts) against ids anyone can make up: every protocol path under
// `/s/{serviceId}` loads the service it names, so a stranger chooses the ids. The map is read where it lives,
// on globalThis, because its size is what must stay bounded.

const cache = () => (globalThis as unknown as { registrarServiceCache: Map<string, unknown> }).registrarServiceCache;
const known = `cache-known-${randomBytes(4).toString("hex")}`;

beforeAll(async () => {
  await db().service.create({ data: { id: known, name: "A service that exists" } });
});

describe("[SERVICES][CACHE] the service cache and unknown service ids", () => {
  it("10,000 unknown ids asked for at once: each is answered as absent, the cache never holds more than its bound, and keeps none of them", async () => {
    const prefix = `unknown-${randomBytes(4).toString("hex")}`;
    expect((await loadService(known))?.id).toBe(known);
    let largest = 0;
    const reads: Promise<unknown>[] = [];
    for (let i = 0; i < 10_000; i++) {
      reads.push(loadService(`${prefix}-${i}`));
      largest = Math.max(largest, cache().size);
    }
    // Read together (a few queries), they all find a connection: a reply each, and no pool timeout.
    const answers = await Promise.all(reads);
    expect(answers.filter((answer) => answer !== null)).toEqual([]);
    expect(largest).toBe(SERVICE_CACHE_ENTRIES);
    expect([...cache().keys()].filter((id) => id.startsWith(prefix))).toEqual([]);
    expect(cache().size).toBeLessThanOrEqual(2); // the known service, perhaps the default one: nothing else
    // The known service is still served (read again if the flood pushed it out).
    expect((await loadService(known))?.name).toBe("A service that exists");
  }, 120_000);

  it("an unknown id is not kept once answered, and a known one is", async () => {
    const unknown = `unknown-${randomBytes(4).toString("hex")}`;
    expect(await loadService(unknown)).toBeNull();
    expect(cache().has(unknown)).toBe(false);
    expect((await loadService(known))?.id).toBe(known);
    expect(cache().has(known)).toBe(true);
  });
});
