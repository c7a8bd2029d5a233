import { cache } from "react";
import { Prisma } from "@/generated/prisma/client";
import { db, queryRows } from "@/lib/db";
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

const { sql } = Prisma;

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

type RevisionRow = { version: number; kind: RevisionKind; metadata: unknown; change_set: unknown; actor: string; interface: string; request_id: string | null; created_at: Date };

const toRevision = (r: RevisionRow): ConsoleRevision => ({
  version: r.version,
  kind: r.kind,
  metadata: r.metadata as ClientMetadata,
  changeSet: r.change_set as Change[],
  actor: r.actor,
  interface: r.interface,
  requestId: r.request_id,
  createdAt: r.created_at,
});

// Every read of revisions names the client's row once (an InitPlan) and walks the unique index on
// (client_ref, version): a page costs the same whether the client has 10 revisions or 10,000.
const revisionsOf = (serviceId: string, clientId: string, condition: Prisma.Sql) => sql`
  SELECT version, kind, metadata, change_set, actor, interface::text AS interface, request_id, created_at
    FROM client_revision
   WHERE client_ref = (SELECT id FROM client WHERE service_id = ${serviceId} AND client_id = ${clientId}) AND ${condition}`;

/** The statement of a page of revisions (one more than shown tells whether older ones exist), for its EXPLAIN too. */
export const revisionPageSql = (serviceId: string, clientId: string, before: number | undefined, limit: number) =>
  sql`${revisionsOf(serviceId, clientId, before === undefined ? sql`true` : sql`version < ${before}`)} ORDER BY version DESC LIMIT ${limit}`;

/** How many revisions a page of the History tab shows. */
export const revisionPageSize = 50;

export type RevisionPage = {
  /** Newest first. */
  revisions: ConsoleRevision[];
  /** How many revisions a full page holds. */
  size: number;
  /** The `before` of the next page of older revisions (the oldest version shown), or null when this page reaches version 1. */
  olderBefore: number | null;
};

/**
 * A page of the client's revisions, newest first: those before version `before` (all, without it). Paged by
 * version (keyset), never by OFFSET, so the oldest page costs what the newest costs.
 */
export async function listRevisionPage(serviceId: string, clientId: string, { before, size = revisionPageSize }: { before?: number; size?: number } = {}): Promise<RevisionPage> {
  const rows = await queryRows<RevisionRow>(revisionPageSql(serviceId, clientId, before, size + 1));
  const page = rows.slice(0, size).map(toRevision);
  return { revisions: page, size, olderBefore: rows.length > size ? page.at(-1)!.version : null };
}

/** The client's revisions of these versions (those it has), by version. */
export async function getRevisions(serviceId: string, clientId: string, versions: number[]): Promise<Map<number, ConsoleRevision>> {
  const rows = await queryRows<RevisionRow>(revisionsOf(serviceId, clientId, sql`version = ANY(${versions}::int[])`));
  return new Map(rows.map((r) => [r.version, toRevision(r)]));
}

/** One revision of the client, or null. */
export async function getRevision(serviceId: string, clientId: string, version: number): Promise<ConsoleRevision | null> {
  return (await getRevisions(serviceId, clientId, [version])).get(version) ?? null;
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
