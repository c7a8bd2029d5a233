import { db } from "@/lib/db";

// What the Settings page reads. Writes go through lib/registration/settings.ts.

export type InitialAccessTokenStatus = "active" | "expired" | "used_up" | "revoked";

export type InitialAccessTokenSummary = {
  id: string;
  /** The token's last characters, to tell tokens apart; never the token. */
  hint: string;
  description: string;
  expiresAt: Date | null;
  usesLeft: number | null;
  useCount: number;
  status: InitialAccessTokenStatus;
  createdBy: string;
  createdAt: Date;
};

/** The service's initial access tokens, newest first. */
export async function listInitialAccessTokens(serviceId: string, now = new Date()): Promise<InitialAccessTokenSummary[]> {
  const rows = await db().initialAccessToken.findMany({ where: { serviceId }, orderBy: { createdAt: "desc" }, take: 200 });
  return rows.map((row) => ({
    id: row.id,
    hint: row.hint,
    description: row.description,
    expiresAt: row.expiresAt,
    usesLeft: row.usesLeft,
    useCount: row.useCount,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    status: row.revokedAt ? "revoked" : row.expiresAt && row.expiresAt <= now ? "expired" : row.usesLeft !== null && row.usesLeft <= 0 ? "used_up" : "active",
  }));
}
