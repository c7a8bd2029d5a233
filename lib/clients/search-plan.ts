import { Prisma } from "@/generated/prisma/client";
import { queryRows } from "@/lib/db";

// Which parts of a search phrase the trigram index is asked for. Given `search_text LIKE '%contoso orders 4%'`,
// PostgreSQL's GIN index reads the posting list of every trigram of the phrase (17 here) and intersects them:
// with common words those lists are long at a million clients, however few clients match the phrase
// (docs/BENCHMARKS.md, Design notes).
// Any substring of the phrase finds a superset of its matches, so a few selective substrings ("keys") can stand
// in for the phrase in the index, and the phrase itself is then checked on those rows only. Which substrings
// are selective is read from a sample of the clients, as PostgreSQL's own statistics are read from a sample.

const { sql } = Prisma;

/**
 * A random sample of the live clients' search texts, and how many rows the table holds (the planner's count).
 * `provisional`: the table has no statistics yet and the sample is only its first rows.
 */
export type SearchSample = { texts: string[]; rows: number; provisional?: boolean };

const sampleSize = 3_000;
/** A sample of a small table, or a provisional one, is read again sooner: it is cheap, and such a table changes fast. */
const sampleLifetimeMs = (sample: SearchSample | undefined) => (sample && !sample.provisional && sample.texts.length >= sampleSize / 2 ? 10 * 60_000 : 30_000);
/** Fewer sampled clients than this say little about a phrase's share: the walk in sort order is cheap then anyway. */
const minSampleForShare = 1_000;
/** Rows the index may hand over for the phrase to be checked on: each is a heap fetch. */
const targetCandidates = 1_000;
/** Each key costs the index its posting list: past a few, another one costs more than it saves. */
const maxKeys = 4;
/** Trigrams looked at per word: enough to find a rare one, bounded for long words (ids, URLs). */
const maxTrigramsPerWord = 6;

// The sample being read, and the last one read: requests keep using the last one while a new one is read.
let reading: { at: number; sample: Promise<SearchSample> } | undefined;
let current: { at: number; sample: SearchSample } | undefined;
const plans = new WeakMap<SearchSample, Map<string, SearchPlan>>();

/**
 * The sample, read once and then again every few minutes in the background: requests meanwhile keep the
 * previous one. It only steers how the index is used: a stale sample makes a search slower, never wrong.
 */
function searchSample(): Promise<SearchSample> {
  const now = Date.now();
  if (current && now - current.at <= sampleLifetimeMs(current.sample)) return Promise.resolve(current.sample);
  if (!reading) {
    const entry = { at: now, sample: readSample() };
    reading = entry;
    entry.sample.then(
      (sample) => {
        current = { at: entry.at, sample };
        if (reading === entry) reading = undefined;
      },
      () => reading === entry && (reading = undefined),
    );
  }
  return current ? Promise.resolve(current.sample) : reading.sample;
}

/** Drops the sample: the next search reads a new one (tests that have just written thousands of clients). */
export function forgetSearchSample() {
  reading = undefined;
  current = undefined;
}

async function readSample(): Promise<SearchSample> {
  const [table] = await queryRows<{ rows: number }>(sql`SELECT greatest(reltuples, 0)::float8 AS rows FROM pg_class WHERE oid = 'client'::regclass`);
  const estimate = table?.rows ?? 0;
  // SYSTEM sampling reads that share of the table's pages: a few hundred at a million clients.
  if (estimate > sampleSize) {
    const rows = await queryRows<{ search_text: string }>(
      sql`SELECT search_text FROM client TABLESAMPLE SYSTEM (${(sampleSize / estimate) * 100}::float4) WHERE deleted_at IS NULL`,
    );
    return { texts: rows.map((r) => r.search_text), rows: Math.max(estimate, rows.length) };
  }
  const rows = await queryRows<{ search_text: string }>(sql`SELECT search_text FROM client WHERE deleted_at IS NULL LIMIT ${sampleSize}`);
  // A full read of a table said to be small: it has no statistics yet (never analyzed), and may be far larger.
  return { texts: rows.map((r) => r.search_text), rows: rows.length, provisional: rows.length === sampleSize };
}

/** Characters pg_trgm treats as word boundaries that may stand before a short word in a key. */
const boundary = /[ \-./@:_]/;

/**
 * Substrings of a (lowercased) phrase that the trigram index can look up on their own: three letters or digits
 * inside a word, or a word of one or two characters with the boundary before it (" 4" is a word starting with 4).
 */
export function searchKeyCandidates(phrase: string): string[] {
  const keys = new Set<string>();
  for (const match of phrase.matchAll(/[a-z0-9]+/g)) {
    const word = match[0];
    const at = match.index;
    if (word.length >= 3) {
      const windows = word.length - 2;
      const step = Math.max(1, windows / maxTrigramsPerWord);
      for (let i = 0; i < windows && keys.size < 64; i += step) keys.add(word.slice(Math.floor(i), Math.floor(i) + 3));
    } else if (at > 0 && boundary.test(phrase[at - 1]!)) {
      keys.add(phrase.slice(at - 1, at + word.length));
    }
  }
  return [...keys];
}

/**
 * The keys to look the phrase up by, chosen greedily on the sample: each time the candidate that leaves the
 * fewest sampled clients (ties: the one with the shortest posting list), until the index is expected to hand
 * over at most `targetCandidates` rows, or no key narrows it further. Empty when no part of the phrase can be
 * looked up (a phrase of one or two characters): the phrase itself is then the condition.
 */
export function chooseSearchKeys(phrase: string, sample: SearchSample): string[] {
  const candidates = searchKeyCandidates(phrase).map((key) => {
    const rows: number[] = [];
    sample.texts.forEach((text, i) => text.includes(key) && rows.push(i));
    return { key, rows };
  });
  const chosen: string[] = [];
  let remaining: Set<number> | null = null; // null: every sampled row
  const scale = sample.rows / Math.max(1, sample.texts.length);
  while (chosen.length < maxKeys && candidates.length) {
    let best = -1;
    let bestLeft = Infinity;
    for (const [i, c] of candidates.entries()) {
      const left = remaining ? c.rows.reduce((n, row) => n + (remaining!.has(row) ? 1 : 0), 0) : c.rows.length;
      if (left < bestLeft || (left === bestLeft && c.rows.length < candidates[best]!.rows.length)) [best, bestLeft] = [i, left];
    }
    const [pick] = candidates.splice(best, 1);
    if (remaining && bestLeft === remaining.size) break;
    chosen.push(pick!.key);
    remaining = new Set(remaining ? pick!.rows.filter((row) => remaining!.has(row)) : pick!.rows);
    // A provisional sample cannot tell how many rows the table holds: keys are added while they narrow it at all.
    if (remaining.size * scale <= (sample.provisional ? 0 : targetCandidates)) break;
  }
  return chosen;
}

/**
 * How to look a phrase up: its keys, and the share of sampled clients whose search text holds it (0 when none
 * of the sample does, which at a million clients still allows a few hundred; null when the sample is too small
 * to tell).
 */
export type SearchPlan = { keys: string[]; share: number | null };

/** The plan for a (lowercased) phrase under the current sample, remembered per phrase while the sample lasts. */
export async function searchPlan(phrase: string): Promise<SearchPlan> {
  // Without a sample (it could not be read), the phrase itself is the condition and the walk goes first, as before.
  const sample = await searchSample().catch(() => null);
  if (!sample) return { keys: [], share: null };
  let known = plans.get(sample);
  if (!known) plans.set(sample, (known = new Map()));
  let plan = known.get(phrase);
  if (!plan) {
    if (known.size >= 500) known.clear();
    const share = sample.texts.length >= minSampleForShare && !sample.provisional ? sample.texts.reduce((n, text) => n + (text.includes(phrase) ? 1 : 0), 0) / sample.texts.length : null;
    known.set(phrase, (plan = { keys: chooseSearchKeys(phrase, sample), share }));
  }
  return plan;
}
