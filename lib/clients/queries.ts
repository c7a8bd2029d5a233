import { cache } from "react";
import { db } from "@/lib/db";
import type { Change } from "@/lib/registration/diff";
import type { ClientMetadata } from "@/lib/registration/metadata";
import type { RevisionKind } from "@/lib/registration/vocabulary";

// What the console reads about clients. Reads only: every write goes through lib/registration/service.ts.

export type ConsoleClient = {
  clientId: string;
  number: number;
  metadata: ClientMetadata;
  version: number;
  origin: "dynamic" | "console" | "import";
  selfManaged: boolean;
  /** Whether a client secret is stored (never the secret itself). */
  hasSecret: boolean;
  /** Seconds since the epoch; 0 = never expires. */
  secretExpiresAt: number;
  /** Whether a registration access token currently works for this client. */
  hasRegistrationAccessToken: boolean;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
};

/** A client of the service as the console shows it, or null (also for a deleted client unless asked). */
export async function getConsoleClient(serviceId: string, clientId: string, { includeDeleted = false } = {}): Promise<ConsoleClient | null> {
  const row = await db().client.findFirst({ where: { serviceId, clientId, ...(!includeDeleted && { deletedAt: null }) } });
  if (!row) return null;
  return {
    clientId: row.clientId,
    number: row.number,
    metadata: row.metadata as ClientMetadata,
    version: row.version,
    origin: row.origin,
    selfManaged: row.selfManaged,
    hasSecret: row.secretCiphertext !== null,
    secretExpiresAt: row.secretExpiresAt,
    hasRegistrationAccessToken: row.registrationAccessTokenHash !== null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    deletedAt: row.deletedAt,
  };
}

/**
 * The client of a console page under /services/{serviceId}/clients/{clientId} (a deleted one too: it keeps its
 * page), read once per request however many of the page's layouts and parts ask.
 */
export const clientOfPage = cache((serviceId: string, clientId: string) => getConsoleClient(serviceId, clientId, { includeDeleted: true }));

export type ConsoleRevision = {
  version: number;
  kind: RevisionKind;
  metadata: ClientMetadata;
  changeSet: Change[];
  actor: string;
  interface: string;
  requestId: string | null;
  createdAt: Date;
};

type RevisionRow = Awaited<ReturnType<ReturnType<typeof db>["clientRevision"]["findMany"]>>[number];

const toRevision = (r: RevisionRow): ConsoleRevision => ({
  version: r.version,
  kind: r.kind,
  metadata: r.metadata as ClientMetadata,
  changeSet: r.changeSet as unknown as Change[],
  actor: r.actor,
  interface: r.interface,
  requestId: r.requestId,
  createdAt: r.createdAt,
});

/** The client's revisions, newest first. */
export async function listRevisions(serviceId: string, clientId: string): Promise<ConsoleRevision[]> {
  const rows = await db().clientRevision.findMany({ where: { client: { serviceId, clientId } }, orderBy: { version: "desc" } });
  return rows.map(toRevision);
}

/** One revision of the client, or null. */
export async function getRevision(serviceId: string, clientId: string, version: number): Promise<ConsoleRevision | null> {
  const row = await db().clientRevision.findFirst({ where: { client: { serviceId, clientId }, version } });
  return row ? toRevision(row) : null;
}

/**
 * The revision that `/services/{serviceId}/clients/{id}/revert/{version}` proposes, read once per request (its layout, page and
 * metadata all ask); null for a version that is not a whole number, that the client does not have, or that
 * records its deletion.
 */
export const revertibleRevisionOfPage = cache(async (serviceId: string, clientId: string, version: string): Promise<ConsoleRevision | null> => {
  const number = /^[1-9][0-9]{0,9}$/.test(version) ? Number(version) : NaN;
  // A revision's version is a 32-bit integer column: a larger number is no version, not a database error.
  if (!(number <= 2 ** 31 - 1)) return null;
  const revision = await getRevision(serviceId, clientId, number);
  return revision && revision.kind !== "deleted" ? revision : null;
});
