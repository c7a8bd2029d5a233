// Finds credentials in text: every 43-character base64url run (the shape of Registrar's secrets and tokens)
// is looked up in a set, in one pass over the text; other known secrets are searched for as they are.

export type Leak = { source: string; credential: string; at: number };

const CREDENTIAL_LENGTH = 43;
const run = /[A-Za-z0-9_-]{43,}/g;

export function findLeaks(credentials: Iterable<string>, sources: { name: string; text: string }[]): Leak[] {
  const generated = new Set<string>();
  const other: string[] = [];
  for (const credential of credentials) {
    if (!credential) continue;
    if (credential.length === CREDENTIAL_LENGTH && /^[A-Za-z0-9_-]+$/.test(credential)) generated.add(credential);
    else other.push(credential);
  }
  const leaks: Leak[] = [];
  for (const { name, text } of sources) {
    for (const match of text.matchAll(run)) {
      const value = match[0];
      for (let i = 0; i + CREDENTIAL_LENGTH <= value.length; i++) {
        const window = value.slice(i, i + CREDENTIAL_LENGTH);
        if (generated.has(window)) leaks.push({ source: name, credential: window, at: match.index + i });
      }
    }
    for (const credential of other) {
      const at = text.indexOf(credential);
      if (at >= 0) leaks.push({ source: name, credential, at });
    }
  }
  return leaks;
}

/** A credential as it may be shown in a report: enough to find it, not enough to use it. */
export const maskCredential = (credential: string) => `${credential.slice(0, 4)}…${credential.slice(-2)} (${credential.length} chars)`;
