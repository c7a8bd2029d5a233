import { decodeJwt } from "jose";
import { knownMembers, splitLocalizedMember, type KnownMember } from "@/lib/registration/members";
import type { ClientMetadata } from "@/lib/registration/metadata";
import type { LocalizableMember } from "@/lib/registration/vocabulary";

// What the client detail page's overview cards read out of a client's metadata. Presentation only: the rules
// about these members live in lib/registration.

/** A member's value per language: the untagged value first (tag null), then each `member#tag` variant. */
export type LocalizedValue = { tag: string | null; value: string };

export function localizedValues(metadata: ClientMetadata, member: LocalizableMember): LocalizedValue[] {
  const values: LocalizedValue[] = [];
  for (const [key, value] of Object.entries(metadata)) {
    if (typeof value !== "string") continue;
    if (key === member) values.unshift({ tag: null, value });
    else if (splitLocalizedMember(key)?.member === member) values.push({ tag: splitLocalizedMember(key)!.tag, value });
  }
  return values;
}

const languageNames = new Intl.DisplayNames(["en"], { type: "language", fallback: "code" });

/** "French (fr)", "Japanese (ja)"; the tag itself when it names no language Intl knows. */
export function languageLabel(tag: string): string {
  try {
    const name = languageNames.of(tag);
    return name && name.toLowerCase() !== tag.toLowerCase() ? `${name} (${tag})` : tag;
  } catch {
    return tag;
  }
}

/** The `iss` of a software statement, read from its payload without verifying it (it was verified on registration). */
export function softwareStatementIssuer(statement: string | undefined): string | null {
  if (!statement) return null;
  try {
    const { iss } = decodeJwt(statement);
    return typeof iss === "string" ? iss : null;
  } catch {
    return null;
  }
}

/** The members each overview card shows; "Advanced" shows whichever other known members are set. */
export const overviewMembers = {
  redirects: ["redirect_uris", "post_logout_redirect_uris"],
  grants: ["grant_types", "response_types", "scope"],
  authentication: [
    "application_type",
    "token_endpoint_auth_method",
    "token_endpoint_auth_signing_alg",
    "id_token_signed_response_alg",
    "userinfo_signed_response_alg",
    "request_object_signing_alg",
    "tls_client_auth_subject_dn",
    "tls_client_auth_san_dns",
    "tls_client_auth_san_uri",
    "tls_client_auth_san_ip",
    "tls_client_auth_san_email",
  ],
  keys: ["jwks", "jwks_uri"],
  links: ["client_uri", "policy_uri", "tos_uri", "logo_uri"],
  contacts: ["contacts"],
  software: ["software_id", "software_version", "software_statement"],
  name: ["client_name"],
} as const satisfies Record<string, readonly KnownMember[]>;

const shownElsewhere = new Set<string>(Object.values(overviewMembers).flat());

/** The members set on the client that no other card shows, in the specifications' order. */
export function advancedMembers(metadata: ClientMetadata): { member: KnownMember; value: unknown }[] {
  return knownMembers.filter((member) => !shownElsewhere.has(member) && metadata[member] !== undefined).map((member) => ({ member, value: metadata[member] }));
}

/** What a client's secret looks like from outside: whether one is set and when it expires; never the secret. */
export function secretStatus(hasSecret: boolean, secretExpiresAt: number, now = Date.now()): { label: string; expiresAt: Date | null; expired: boolean } {
  if (!hasSecret) return { label: "No secret", expiresAt: null, expired: false };
  if (secretExpiresAt === 0) return { label: "Secret set · never expires", expiresAt: null, expired: false };
  const expiresAt = new Date(secretExpiresAt * 1000);
  const expired = expiresAt.getTime() <= now;
  return { label: expired ? "Secret expired" : "Secret set · expires", expiresAt, expired };
}

/** A JSON Web Key's public description: never its key material. */
export type KeySummary = { kid: string | null; kty: string; alg: string | null; use: string | null; crv: string | null };

export function keySummaries(jwks: ClientMetadata["jwks"]): KeySummary[] {
  const text = (v: unknown) => (typeof v === "string" ? v : null);
  return (jwks?.keys ?? []).map((key) => ({ kid: text(key.kid), kty: text(key.kty) ?? "?", alg: text(key.alg), use: text(key.use), crv: text(key.crv) }));
}
