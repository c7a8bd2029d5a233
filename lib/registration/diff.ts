import { dequal } from "dequal";

// The one semantic diff of metadata documents: it writes the change set of every revision and drives the
// console's review step. Object key order is ignored; arrays are compared as whole values (the review view
// lists their items). Browser-safe.

export type Change = {
  /** Member path, e.g. ["client_name"] or ["jwks", "keys"]. */
  path: string[];
  /** Absent before (undefined) = added. */
  before?: unknown;
  /** Absent after (undefined) = removed. */
  after?: unknown;
};

export type ChangeKind = "added" | "removed" | "changed";

export function changeKind(change: Change): ChangeKind {
  if (change.before === undefined) return "added";
  if (change.after === undefined) return "removed";
  return "changed";
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A member of a JSON document: its own properties only (a member named `toString` is not the prototype's). */
const member = (o: Record<string, unknown>, key: string): unknown => (Object.hasOwn(o, key) ? o[key] : undefined);

/** Sets a member as an own property, whatever its name (`__proto__` included). */
const setMember = (o: Record<string, unknown>, key: string, value: unknown) => Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });

/** The field-level changes from `before` to `after`, sorted by path. */
export function diffMetadata(before: Record<string, unknown>, after: Record<string, unknown>, prefix: string[] = []): Change[] {
  const changes: Change[] = [];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  for (const key of keys) {
    const a = member(before, key);
    const b = member(after, key);
    if (dequal(a, b)) continue;
    const path = [...prefix, key];
    if (isPlainObject(a) && isPlainObject(b)) changes.push(...diffMetadata(a, b, path));
    else changes.push({ path, ...(a !== undefined && { before: a }), ...(b !== undefined && { after: b }) });
  }
  return changes;
}

/** Applies changes to a document (for re-applying an edit on top of a newer version); returns a new document. */
export function applyChanges(document: Record<string, unknown>, changes: readonly Change[]): Record<string, unknown> {
  const out = structuredClone(document);
  for (const { path, after } of changes) {
    let target: Record<string, unknown> = out;
    for (const key of path.slice(0, -1)) {
      if (!isPlainObject(member(target, key))) setMember(target, key, {});
      target = member(target, key) as Record<string, unknown>;
    }
    const last = path[path.length - 1]!;
    if (after === undefined) delete target[last];
    else setMember(target, last, structuredClone(after));
  }
  return out;
}

/** Paths changed on both sides (an edit re-applied over a newer version collides there). */
export function overlappingPaths(ours: readonly Change[], theirs: readonly Change[]): string[][] {
  const key = (p: string[]) => p.join("\u0000");
  const prefixOf = (a: string[], b: string[]) => a.length <= b.length && a.every((k, i) => k === b[i]);
  return ours.filter((o) => theirs.some((t) => prefixOf(o.path, t.path) || prefixOf(t.path, o.path))).map((o) => o.path).filter((p, i, all) => all.findIndex((q) => key(q) === key(p)) === i);
}
