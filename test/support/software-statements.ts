import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from "jose";

// A software statement issuer with a real key pair (RFC 7591 §2.3): the entry a service's policy trusts,
// and statements it signs.

export type StatementIssuer = {
  issuer: string;
  /** The policy's trustedSoftwareStatementIssuers entry for this issuer. */
  trusted: (approvedSoftwareIds?: string[]) => { issuer: string; jwks: { keys: Record<string, unknown>[] }; approvedSoftwareIds?: string[] };
  /**
   * A statement with these claims; times in seconds since the epoch: `expiresAt` (default: in an hour),
   * `issuedAt` (default: now), `notBefore` (default: none).
   */
  sign: (claims: JWTPayload, options?: { expiresAt?: number; issuedAt?: number; notBefore?: number; issuer?: string }) => Promise<string>;
};

export async function statementIssuer(issuer = "https://statements.example.com"): Promise<StatementIssuer> {
  const { publicKey, privateKey } = await generateKeyPair("ES256");
  const kid = `${issuer}#key-1`;
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: "ES256", use: "sig" };
  return {
    issuer,
    trusted: (approvedSoftwareIds) => ({ issuer, jwks: { keys: [publicJwk] }, ...(approvedSoftwareIds && { approvedSoftwareIds }) }),
    sign: (claims, options = {}) => {
      const jwt = new SignJWT(claims)
        .setProtectedHeader({ alg: "ES256", kid })
        .setIssuer(options.issuer ?? issuer)
        .setIssuedAt(options.issuedAt)
        .setExpirationTime(options.expiresAt ?? Math.floor(Date.now() / 1000) + 3600);
      if (options.notBefore !== undefined) jwt.setNotBefore(options.notBefore);
      return jwt.sign(privateKey);
    },
  };
}
