import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { hashToken, newToken } from "@/lib/registration/credentials";
import { ServicePolicySchema, type ServicePolicyInput } from "@/lib/registration/policy";
import { forgetService } from "@/lib/registration/store";

// A Service row of its own for each test file, with the policy a test sets, and the row counts that
// prove what a call wrote (or that it wrote nothing).

export type TestService = {
  id: string;
  /** Replaces the whole policy (members not given take their defaults). */
  setPolicy: (policy?: ServicePolicyInput) => Promise<void>;
};

export async function createTestService(name: string): Promise<TestService> {
  const id = `test-${name}-${randomBytes(4).toString("hex")}`;
  await db().service.create({ data: { id, name: `Test ${name}` } });
  return {
    id,
    async setPolicy(policy = {}) {
      await db().service.update({ where: { id }, data: { policy: ServicePolicySchema.parse(policy) as Prisma.InputJsonObject } });
      forgetService(id);
    },
  };
}

export type RowCounts = { clients: number; revisions: number; audits: number };

export async function rowCounts(serviceId: string): Promise<RowCounts> {
  const [clients, revisions, audits] = await Promise.all([
    db().client.count({ where: { serviceId } }),
    db().clientRevision.count({ where: { client: { serviceId } } }),
    db().auditEvent.count({ where: { serviceId } }),
  ]);
  return { clients, revisions, audits };
}

export function activeClientCount(serviceId: string) {
  return db().client.count({ where: { serviceId, deletedAt: null } });
}

/** Runs `work` and counts the rows of each kind it added to the service. */
export async function measureRowChanges<T>(serviceId: string, work: () => Promise<T>): Promise<{ result: T; added: RowCounts }> {
  const before = await rowCounts(serviceId);
  const result = await work();
  const after = await rowCounts(serviceId);
  return { result, added: { clients: after.clients - before.clients, revisions: after.revisions - before.revisions, audits: after.audits - before.audits } };
}

/** Runs `work` and checks how many rows of each kind it added to the service; kinds not named must stay unchanged. */
export async function expectRowChanges<T>(serviceId: string, added: Partial<RowCounts>, work: () => Promise<T>): Promise<T> {
  const measured = await measureRowChanges(serviceId, work);
  expect(measured.added).toEqual({ clients: 0, revisions: 0, audits: 0, ...added });
  return measured.result;
}

/** The service's audit events, newest last; optionally only one action. */
export function auditEvents(serviceId: string, action?: string) {
  return db().auditEvent.findMany({ where: { serviceId, ...(action && { action }) }, orderBy: { id: "asc" } });
}

/** A stored initial access token of the service (as the console creates them); returns the token and its row id. */
export async function createInitialAccessToken(
  serviceId: string,
  options: { usesLeft?: number | null; expiresAt?: Date | null; revokedAt?: Date | null } = {},
): Promise<{ token: string; id: string }> {
  const token = newToken();
  const row = await db().initialAccessToken.create({
    data: {
      serviceId,
      tokenHash: hashToken(token),
      hint: token.slice(-4),
      createdBy: "admin:test@example.com",
      usesLeft: options.usesLeft ?? null,
      expiresAt: options.expiresAt ?? null,
      revokedAt: options.revokedAt ?? null,
    },
  });
  return { token, id: row.id };
}

export function initialAccessToken(id: string) {
  return db().initialAccessToken.findUniqueOrThrow({ where: { id } });
}
