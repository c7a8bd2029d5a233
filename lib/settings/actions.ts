"use server";

import { z } from "zod";
import { ActionError, serviceActionClient } from "@/lib/actions/client";
import { serviceScope } from "@/lib/actions/service-scope";
import { consoleCaller } from "@/lib/actions/caller";
import { NewInitialAccessTokenSchema, ServicePolicySchema } from "@/lib/registration/policy";
import { createInitialAccessToken, revokeInitialAccessToken, updatePolicy, type SettingIssue } from "@/lib/registration/settings";

// The Settings page's actions (admin only): thin calls of the core's settings functions.

export type PolicySaveResult = { ok: true; changed: string[] } | { ok: false; issues: SettingIssue[] };

/** Saves the service's whole policy; the audit event lists the members that changed. */
export const saveServicePolicy = serviceActionClient
  .metadata({ actionName: "settings.savePolicy", permission: { settings: ["update"] } })
  .inputSchema(serviceScope.extend({ policy: ServicePolicySchema }))
  .action(async ({ parsedInput: { policy }, ctx }): Promise<PolicySaveResult> => {
    const outcome = await updatePolicy(ctx.serviceId, policy, await consoleCaller(ctx.administrator));
    if (!outcome.ok) return { ok: false, issues: outcome.issues };
    return { ok: true, changed: outcome.value.changes.map((c) => c.path.join(".")) };
  });

/** Creates an initial access token; the token is in the result once and nowhere else. */
export const createServiceInitialAccessToken = serviceActionClient
  .metadata({ actionName: "settings.createInitialAccessToken", permission: { settings: ["update"] } })
  .inputSchema(serviceScope.extend({ token: NewInitialAccessTokenSchema }))
  .action(async ({ parsedInput: { token }, ctx }) => {
    const outcome = await createInitialAccessToken(ctx.serviceId, token, await consoleCaller(ctx.administrator));
    if (!outcome.ok) throw new ActionError(outcome.issues.map((i) => i.message).join("; "));
    return outcome.value;
  });

export const revokeServiceInitialAccessToken = serviceActionClient
  .metadata({ actionName: "settings.revokeInitialAccessToken", permission: { settings: ["update"] } })
  .inputSchema(serviceScope.extend({ id: z.uuid() }))
  .action(async ({ parsedInput: { id }, ctx }) => {
    const outcome = await revokeInitialAccessToken(ctx.serviceId, id, await consoleCaller(ctx.administrator));
    if (!outcome.ok) throw new ActionError("This initial access token does not exist or was already revoked.");
    return outcome.value;
  });
