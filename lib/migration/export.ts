import type { Prisma } from "@/generated/prisma/client";
import { recordAudit, type Caller } from "@/lib/audit";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { decryptSecret, secretAad } from "@/lib/registration/credentials";
import { inCanonicalOrder } from "@/lib/registration/members";
import type { ClientMetadata } from "@/lib/registration/metadata";
import { loadService } from "@/lib/registration/store";
import { clientConfigurationEndpoint, serviceIssuer } from "@/lib/registration/uris";
import { tokenHashMember } from "./import";

// Export of a service's live clients as NDJSON of RFC 7591 client information (RFC 7591 §3.2.1; docs/API.md,
// Client files), one client a line, in the order they were created. Without secrets a line carries no
// client_secret and no token hash; with them (administrators only: the console and the CLI check that) it
// carries the secret in clear and the registration access token's SHA-256, so importing the file into another
// Registrar keeps every credential working. Either way the export is one audit event.

export type ExportOptions = { includeSecrets: boolean; where?: Prisma.ClientWhereInput };

const PAGE = 1_000;

const columns = {
  id: true,
  serviceId: true,
  clientId: true,
  metadata: true,
  secretCiphertext: true,
  secretExpiresAt: true,
  registrationAccessTokenHash: true,
  createdAt: true,
} as const satisfies Prisma.ClientSelect;

type ExportedRow = Prisma.ClientGetPayload<{ select: typeof columns }>;

/**
 * NDJSON lines (each ending in "\n"), read in keyset pages of a thousand and streamed; `where` (the console's
 * list filter) is ANDed with the service and "not deleted". One `clients.exported` audit event
 * ({ count, includeSecrets, filtered, complete }) is written when the export ends, also when the reader stops early.
 */
export async function* exportClients(serviceId: string, options: ExportOptions, caller: Caller): AsyncGenerator<string> {
  const where: Prisma.ClientWhereInput = { AND: [{ serviceId, deletedAt: null }, options.where ?? {}] };
  const service = await loadService(serviceId);
  if (!service) throw new Error(`Unknown service ${serviceId}`);
  // Each line's registration_client_uri is the one the client was given: under the service's issuer, or under
  // the policy's registration management endpoint when one is set.
  const { issuer, serviceId: defaultServiceId } = config();
  const uris = { issuer: serviceIssuer(issuer, serviceId, defaultServiceId), managementEndpoint: service.policy.registrationManagementEndpoint };
  let count = 0;
  let complete = false;
  let after: string | undefined;
  try {
    for (;;) {
      const rows = await db().client.findMany({ where: after ? { AND: [where, { id: { gt: after } }] } : where, orderBy: { id: "asc" }, take: PAGE, select: columns });
      for (const row of rows) {
        yield `${JSON.stringify(clientInformation(row, options.includeSecrets, uris))}\n`;
        count++;
      }
      if (rows.length < PAGE) break;
      after = rows.at(-1)!.id;
    }
    complete = true;
  } finally {
    await recordAudit(db(), caller, {
      serviceId,
      action: "clients.exported",
      outcome: "success",
      details: { count, includeSecrets: options.includeSecrets, filtered: options.where !== undefined, complete },
    });
  }
}

/** A client's information as RFC 7591 §3.2.1 returns it, with the token's hash (extension) instead of the token. */
export function clientInformation(row: ExportedRow, includeSecrets: boolean, uris: { issuer: string; managementEndpoint?: string | null }): Record<string, unknown> {
  const information: Record<string, unknown> = { client_id: row.clientId };
  if (includeSecrets && row.secretCiphertext) information.client_secret = decryptSecret(row.secretCiphertext, config().encryptionKey, secretAad(row.serviceId, row.clientId));
  information.client_id_issued_at = Math.floor(row.createdAt.getTime() / 1000);
  information.client_secret_expires_at = row.secretCiphertext ? row.secretExpiresAt : 0;
  information.registration_client_uri = clientConfigurationEndpoint(uris.issuer, row.clientId, uris.managementEndpoint);
  if (includeSecrets && row.registrationAccessTokenHash) information[tokenHashMember] = Buffer.from(row.registrationAccessTokenHash).toString("base64url");
  return Object.assign(information, inCanonicalOrder(row.metadata as ClientMetadata));
}
