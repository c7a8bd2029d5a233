"use server";

import { z } from "zod";
import { ActionError, authActionClient } from "@/lib/actions/client";
import { consoleCaller } from "@/lib/actions/caller";
import { config } from "@/lib/config";
import { NewInitialAccessTokenSchema, ServicePolicySchema } from "@/lib/registration/policy";
import { createInitialAccessToken, revokeInitialAccessToken, updatePolicy, type SettingIssue } from "@/lib/registration/settings";

// The Settings page's actions (admin only): thin calls of the core's settings functions.

const serviceId = () => config().serviceId;

export type PolicySaveResult = { ok: true; changed: string[] } | { ok: false; issues: SettingIssue[] };

/** Saves the service's whole policy; the audit event lists the members that changed. */
export const saveServicePolicy = authActionClient
  .metadata({ actionName: "settings.savePolicy", permission: { settings: ["update"] } })
  .inputSchema(ServicePolicySchema)
  .action(async ({ parsedInput, ctx }): Promise<PolicySaveResult> => {
    const outcome = await updatePolicy(serviceId(), parsedInput, await consoleCaller(ctx.administrator));
    if (!outcome.ok) return { ok: false, issues: outcome.issues };
    return { ok: true, changed: outcome.value.changes.map((c) => c.path.join(".")) };
  });

/** Creates an initial access token; the token is in the result once and nowhere else. */
export const createServiceInitialAccessToken = authActionClient
  .metadata({ actionName: "settings.createInitialAccessToken", permission: { settings: ["update"] } })
  .inputSchema(NewInitialAccessTokenSchema)
  .action(async ({ parsedInput, ctx }) => {
    const outcome = await createInitialAccessToken(serviceId(), parsedInput, await consoleCaller(ctx.administrator));
    if (!outcome.ok) throw new ActionError(outcome.issues.map((i) => i.message).join("; "));
    return outcome.value;
  });

export const revokeServiceInitialAccessToken = authActionClient
  .metadata({ actionName: "settings.revokeInitialAccessToken", permission: { settings: ["update"] } })
  .inputSchema(z.object({ id: z.uuid() }))
  .action(async ({ parsedInput: { id }, ctx }) => {
    const outcome = await revokeInitialAccessToken(serviceId(), id, await consoleCaller(ctx.administrator));
    if (!outcome.ok) throw new ActionError("This initial access token does not exist or was already revoked.");
    return outcome.value;
  });
