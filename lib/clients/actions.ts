"use server";

import { ActionError, serviceActionClient } from "@/lib/actions/client";
import { consoleCaller } from "@/lib/actions/caller";
import type { MetadataIssue } from "@/lib/registration/metadata";
import { findClientsToJumpTo } from "./list";
import { register, reissueRegistrationAccessToken, remove, revert, update, type ClientInformation, type Conflict, type Failure } from "@/lib/registration/service";
import { deleteClientInput, registerClientInput, reissueRegistrationAccessTokenInput, revertClientInput, SearchClientsInput, updateClientInput } from "./schemas";

// The console's client actions: each parses its input with the shared schemas, calls the registration core
// as the signed-in administrator, and shapes the outcome for the form. serviceActionClient checks the role.

/** Why a save did not happen, in the terms of the edit form. */
export type SaveFailure =
  | { ok: false; reason: "invalid_token"; message: string }
  | { ok: false; reason: "invalid_metadata"; message: string; issues: MetadataIssue[] }
  | { ok: false; reason: "conflict"; message: string; conflict: Conflict };

export type SaveResult =
  | {
      ok: true;
      clientId: string;
      version: number;
      /** The new registration access token when the policy rotated it; shown once, then forgotten. */
      rotatedRegistrationAccessToken: string | null;
    }
  | SaveFailure;

const wrongTokenMessage = "This registration access token does not work for this client. Enter the token issued at registration or at the last re-issue.";

/** Failures the form shows beside a field or as a conflict; anything else is a message for a toast. */
function saveFailure(failure: Failure): SaveFailure {
  if (failure.status === 401) return { ok: false, reason: "invalid_token", message: wrongTokenMessage };
  if (failure.status === 409 && failure.conflict) return { ok: false, reason: "conflict", message: failure.description, conflict: failure.conflict };
  if (failure.status === 400) return { ok: false, reason: "invalid_metadata", message: failure.description, issues: failure.issues };
  if (failure.status === 404) throw new ActionError("This client does not exist any more. It may have been deleted meanwhile.");
  throw new ActionError(failure.description);
}

const saved = (client: ClientInformation): SaveResult => ({
  ok: true,
  clientId: client.clientId,
  version: client.version,
  rotatedRegistrationAccessToken: client.registrationAccessTokenRotated ? client.registrationAccessToken : null,
});

/** Saves the edited metadata of a client over the version the editor started from. */
export const updateClient = serviceActionClient
  .metadata({ actionName: "clients.update", permission: { client: ["update"] } })
  .inputSchema(updateClientInput)
  .action(async ({ parsedInput: { clientId, registrationAccessToken, expectedVersion, metadata }, ctx }): Promise<SaveResult> => {
    const document = { ...metadata, client_id: clientId };
    const outcome = await update(ctx.serviceId, { clientId, registrationAccessToken, expectedVersion, document }, await consoleCaller(ctx.administrator));
    return outcome.ok ? saved(outcome.value) : saveFailure(outcome.failure);
  });

/** Restores an earlier revision's metadata as a new revision. */
export const revertClient = serviceActionClient
  .metadata({ actionName: "clients.revert", permission: { client: ["revert"] } })
  .inputSchema(revertClientInput)
  .action(async ({ parsedInput, ctx }): Promise<SaveResult> => {
    const outcome = await revert(ctx.serviceId, parsedInput, await consoleCaller(ctx.administrator));
    return outcome.ok ? saved(outcome.value) : saveFailure(outcome.failure);
  });

/** The one-time credentials of a client registered in the console. */
export type IssuedCredentials = {
  clientId: string;
  clientSecret: string | null;
  clientSecretExpiresAt: number;
  registrationAccessToken: string;
  registrationClientUri: string;
};

export type RegisterResult = { ok: true; credentials: IssuedCredentials } | { ok: false; reason: "invalid_metadata"; message: string; issues: MetadataIssue[] };

export const registerClient = serviceActionClient
  .metadata({ actionName: "clients.register", permission: { client: ["create"] } })
  .inputSchema(registerClientInput)
  .action(async ({ parsedInput: { metadata }, ctx }): Promise<RegisterResult> => {
    const outcome = await register(ctx.serviceId, { document: metadata, origin: "console" }, await consoleCaller(ctx.administrator));
    if (!outcome.ok) {
      if (outcome.failure.status === 400) return { ok: false, reason: "invalid_metadata", message: outcome.failure.description, issues: outcome.failure.issues };
      throw new ActionError(outcome.failure.description);
    }
    const { clientId, clientSecret, clientSecretExpiresAt, registrationAccessToken, registrationClientUri } = outcome.value;
    return { ok: true, credentials: { clientId, clientSecret, clientSecretExpiresAt, registrationAccessToken: registrationAccessToken!, registrationClientUri } };
  });

/** Deletes a client: it, its secret and its registration access token stop working at once. */
export const deleteClient = serviceActionClient
  .metadata({ actionName: "clients.delete", permission: { client: ["delete"] } })
  .inputSchema(deleteClientInput)
  .action(async ({ parsedInput: { clientId }, ctx }) => {
    const outcome = await remove(ctx.serviceId, { clientId, administrator: true }, await consoleCaller(ctx.administrator));
    if (!outcome.ok) throw new ActionError(outcome.failure.status === 404 ? "This client does not exist any more." : outcome.failure.description);
    return { clientId: outcome.value.clientId };
  });

/** Issues a new registration access token for a client (shown once); the old one stops working. */
export const reissueClientRegistrationAccessToken = serviceActionClient
  .metadata({ actionName: "clients.reissueRegistrationAccessToken", permission: { registrationToken: ["reissue"] } })
  .inputSchema(reissueRegistrationAccessTokenInput)
  .action(async ({ parsedInput: { clientId }, ctx }) => {
    const outcome = await reissueRegistrationAccessToken(ctx.serviceId, { clientId }, await consoleCaller(ctx.administrator));
    if (!outcome.ok) throw new ActionError(outcome.failure.status === 404 ? "This client does not exist any more." : outcome.failure.description);
    return outcome.value;
  });

/** The command palette's client search (components/console/command-palette.tsx): a name or a client id. */
export const searchClientsAction = serviceActionClient
  .metadata({ actionName: "searchClients", permission: { client: ["read"] } })
  .inputSchema(SearchClientsInput)
  .action(async ({ parsedInput, ctx }) => findClientsToJumpTo(ctx.serviceId, parsedInput.query));
