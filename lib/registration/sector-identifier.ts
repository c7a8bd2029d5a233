import type { ClientMetadata, MetadataIssue } from "./metadata";
import { fetchSectorDocument, type SectorFetch } from "./sector-fetch";

// OpenID Connect Dynamic Client Registration 1.0 §5: a client's sector_identifier_uri names a JSON array of
// strings, and every one of the client's redirect_uris must be in it. The service checks it when a client is
// registered with one, and again when an update changes the URI or the redirect URIs (docs/API.md).

/** The documents of one request, each fetched once: an update fetches before it locks the client, and the rule reuses the answer. */
export type SectorDocuments = (uri: string) => Promise<SectorFetch>;

export function sectorDocuments(fetch: (uri: string) => Promise<SectorFetch> = fetchSectorDocument): SectorDocuments {
  const fetched = new Map<string, Promise<SectorFetch>>();
  return (uri) => {
    let document = fetched.get(uri);
    if (!document) fetched.set(uri, (document = fetch(uri)));
    return document;
  };
}

const sameUris = (a: readonly string[] | undefined, b: readonly string[] | undefined) => {
  const before = new Set(a ?? []);
  const after = new Set(b ?? []);
  return before.size === after.size && [...after].every((uri) => before.has(uri));
};

/** Whether `metadata` needs its sector_identifier_uri checked: it has one, and it or the redirect URIs differ from `before` (none: a new client). */
export function sectorIdentifierToCheck(metadata: Pick<ClientMetadata, "sector_identifier_uri" | "redirect_uris">, before?: Pick<ClientMetadata, "sector_identifier_uri" | "redirect_uris">): string | null {
  const uri = metadata.sector_identifier_uri;
  if (typeof uri !== "string") return null;
  if (before && before.sector_identifier_uri === uri && sameUris(before.redirect_uris, metadata.redirect_uris)) return null;
  return uri;
}

const issue = (message: string): MetadataIssue => ({ path: ["sector_identifier_uri"], code: "invalid_client_metadata", message: `sector_identifier_uri ${message}` });

/** The problem with the client's sector_identifier_uri document (OpenID Connect Registration §5), or null. */
export async function sectorIdentifierProblem(metadata: ClientMetadata, before: ClientMetadata | undefined, documents: SectorDocuments): Promise<MetadataIssue | null> {
  const uri = sectorIdentifierToCheck(metadata, before);
  if (!uri) return null;
  const fetched = await documents(uri);
  if (!fetched.ok) return issue(fetched.problem);
  let listed: unknown;
  try {
    listed = JSON.parse(fetched.text);
  } catch {
    return issue("must be a JSON array of the client's redirect URIs; its document is not JSON");
  }
  if (!Array.isArray(listed) || !listed.every((entry) => typeof entry === "string"))
    return issue("must be a JSON array of strings (the client's redirect URIs); its document is not one");
  const missing = (metadata.redirect_uris ?? []).filter((uri) => !listed.includes(uri));
  if (missing.length) return issue(`must list every redirect URI of the client; its document does not list ${missing.map((m) => JSON.stringify(m)).join(", ")}`);
  return null;
}
