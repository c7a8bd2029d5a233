import { createLocalJWKSet, decodeJwt, jwtVerify, type JSONWebKeySet } from "jose";
import type { MetadataIssue } from "./metadata";
import type { ServicePolicy } from "./policy";

// Software statements (RFC 7591 §2.3, §3.1.1): a JWS from an issuer the service trusts. Its claims are
// metadata values that override the plain ones; the statement itself is kept and echoed unmodified.

type Outcome = { ok: true; document: Record<string, unknown> } | { ok: false; issue: MetadataIssue };

const fail = (code: MetadataIssue["code"], message: string): Outcome => ({ ok: false, issue: { path: ["software_statement"], code, message } });

const registeredClaims = new Set(["iss", "sub", "aud", "exp", "nbf", "iat", "jti"]);

/** How far the issuer's clock may be from ours when exp, nbf and iat are checked (RFC 7519 §4.1.4–4.1.6). */
export const clockSkewSeconds = 60;

/** Why a statement whose signature was checked is refused, for jose's error; null when the signature failed. */
function claimProblem(error: unknown): string | null {
  const { code, claim, reason } = error as { code?: string; claim?: string; reason?: string };
  if (code === "ERR_JWT_EXPIRED") return "has expired";
  if (code !== "ERR_JWT_CLAIM_VALIDATION_FAILED") return null;
  if (claim === "nbf" && reason === "check_failed") return "is not yet valid (its nbf is in the future)";
  return `has an invalid ${claim} claim (${(error as Error).message})`;
}

/**
 * Verifies the document's software statement against the policy and merges its claims over the document.
 * A statement identical to `alreadyVerified` (the one the client registered with) is not verified again:
 * its expiry must not stop the client from updating the rest of its metadata.
 */
export async function applySoftwareStatement(document: Record<string, unknown>, policy: ServicePolicy, alreadyVerified?: string): Promise<Outcome> {
  const statement = document.software_statement;
  if (statement === undefined || statement === null) {
    return policy.requireSoftwareStatement
      ? fail("invalid_software_statement", "software_statement is required by this service")
      : { ok: true, document };
  }
  if (typeof statement !== "string") return { ok: true, document }; // the metadata schema reports the type
  if (alreadyVerified !== undefined && statement === alreadyVerified) return { ok: true, document: merge(document, decodeJwt(statement), statement) };

  let issuer: unknown;
  try {
    issuer = decodeJwt(statement).iss;
  } catch {
    return fail("invalid_software_statement", "software_statement must be a signed JWT (compact JWS)");
  }
  if (typeof issuer !== "string" || !issuer) return fail("invalid_software_statement", "software_statement must have an iss claim");
  const trusted = policy.trustedSoftwareStatementIssuers.find((t) => t.issuer === issuer);
  if (!trusted) return fail("invalid_software_statement", `software_statement is from an issuer this service does not trust ("${issuer}")`);

  let claims: Record<string, unknown>;
  try {
    // Checks the signature, then exp and nbf when present (RFC 7519 §4.1.4, §4.1.5).
    ({ payload: claims } = await jwtVerify(statement, createLocalJWKSet(trusted.jwks as JSONWebKeySet), { issuer, clockTolerance: clockSkewSeconds }));
  } catch (error) {
    return fail("invalid_software_statement", `software_statement ${claimProblem(error) ?? "has a signature that does not verify with the issuer's keys"}`);
  }
  // RFC 7519 §4.1.6: a statement cannot have been issued in the future.
  if (typeof claims.iat === "number" && claims.iat > Date.now() / 1000 + clockSkewSeconds)
    return fail("invalid_software_statement", "software_statement was issued in the future (its iat is later than now)");
  if (trusted.approvedSoftwareIds && !trusted.approvedSoftwareIds.includes(String(claims.software_id ?? "")))
    return fail("unapproved_software_statement", `software_statement is for software ${JSON.stringify(claims.software_id ?? null)}, which this service has not approved`);

  return { ok: true, document: merge(document, claims, statement) };
}

function merge(document: Record<string, unknown>, claims: Record<string, unknown>, statement: string) {
  const fromStatement = Object.fromEntries(Object.entries(claims).filter(([k]) => !registeredClaims.has(k)));
  return { ...document, ...fromStatement, software_statement: statement };
}
