import * as store from "@/lib/registration/store";

// What the Settings page reads. Writes go through lib/registration/settings.ts.

export type InitialAccessTokenStatus = store.InitialAccessTokenState;

export type InitialAccessTokenSummary = {
  id: string;
  /** The token's last characters, to tell tokens apart; never the token. */
  hint: string;
  description: string;
  expiresAt: Date | null;
  usesLeft: number | null;
  useCount: number;
  /** Whether a registration can still use it, by the same rule the registration applies. */
  status: InitialAccessTokenStatus;
  createdBy: string;
  createdAt: Date;
};

/** The service's initial access tokens, newest first. */
export async function listInitialAccessTokens(serviceId: string): Promise<InitialAccessTokenSummary[]> {
  const rows = await store.listInitialAccessTokens(serviceId, 200);
  return rows.map((row) => ({
    id: row.id,
    hint: row.hint,
    description: row.description,
    expiresAt: row.expires_at,
    usesLeft: row.uses_left,
    useCount: row.use_count,
    status: row.state,
    createdBy: row.created_by,
    createdAt: row.created_at,
  }));
}
