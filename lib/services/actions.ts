"use server";

import { z } from "zod";
import { ActionError, authActionClient, serviceActionClient } from "@/lib/actions/client";
import { consoleCaller } from "@/lib/actions/caller";
import { serviceScope } from "@/lib/actions/service-scope";
import { createApiKey, revokeApiKey } from "@/lib/registration/api-keys";
import { createService, deleteService, renameService, serviceIdUnavailable, ServiceIdSchema, type ServiceIssue } from "@/lib/registration/services";

// The Services page's actions (the global administrator's) and a service's API keys: thin calls of the core. Refusals the
// administrator can fix in the form come back as issues naming their field; the rest as the action's error.

export type ServiceFormResult = { ok: true; id: string; name: string } | { ok: false; issues: ServiceIssue[] };

const text = z.string().max(1_000);

/** Creates a service with the default policy. */
export const createServiceAction = authActionClient
  .metadata({ actionName: "services.create", permission: { service: ["create"] } })
  .inputSchema(z.object({ id: text, name: text }))
  .action(async ({ parsedInput, ctx }): Promise<ServiceFormResult> => {
    const outcome = await createService(parsedInput, await consoleCaller(ctx.administrator));
    return outcome.ok ? { ok: true, id: outcome.value.id, name: outcome.value.name } : { ok: false, issues: outcome.issues };
  });

/** Whether an id can be given to a new service: the create dialog's live check (the rule is checked in the browser too). */
export const checkServiceIdAction = authActionClient
  .metadata({ actionName: "services.checkId", permission: { service: ["create"] } })
  .inputSchema(z.object({ id: text }))
  .action(async ({ parsedInput: { id } }): Promise<{ available: true } | { available: false; message: string }> => {
    const parsed = ServiceIdSchema.safeParse(id);
    if (!parsed.success) return { available: false, message: `id ${parsed.error.issues[0]!.message}` };
    const taken = await serviceIdUnavailable(id);
    return taken ? { available: false, message: taken } : { available: true };
  });

export const renameServiceAction = authActionClient
  .metadata({ actionName: "services.rename", permission: { service: ["rename"] } })
  .inputSchema(z.object({ id: text, name: text }))
  .action(async ({ parsedInput: { id, name }, ctx }): Promise<ServiceFormResult> => {
    const outcome = await renameService(id, name, await consoleCaller(ctx.administrator));
    return outcome.ok ? { ok: true, id, name: outcome.value.name } : { ok: false, issues: outcome.issues };
  });

/** Deletes an empty service; `confirmation` is the id as the administrator typed it. */
export const deleteServiceAction = authActionClient
  .metadata({ actionName: "services.delete", permission: { service: ["delete"] } })
  .inputSchema(z.object({ id: text, confirmation: text }))
  .action(async ({ parsedInput: { id, confirmation }, ctx }) => {
    const outcome = await deleteService(id, confirmation, await consoleCaller(ctx.administrator));
    if (!outcome.ok) throw new ActionError(outcome.issues.map((i) => i.message).join("; "));
    return { id, name: outcome.value.name };
  });

// A service's API keys: actions on one service, whose input names it (`serviceId`); the administrator's role on
// that service must allow changing its settings.

/** Creates an API key of the service; its value is in the result once and nowhere else. */
export const createServiceApiKey = serviceActionClient
  .metadata({ actionName: "services.createApiKey", permission: { settings: ["update"] } })
  .inputSchema(serviceScope.extend({ name: text }))
  .action(async ({ parsedInput: { name }, ctx }) => {
    const outcome = await createApiKey(ctx.serviceId, { name }, await consoleCaller(ctx.administrator));
    if (!outcome.ok) return { ok: false as const, issues: outcome.issues.map((i) => ({ path: i.path.map(String), message: i.message })) };
    return { ok: true as const, key: outcome.value.key, apiKey: outcome.value.apiKey };
  });

export const revokeServiceApiKey = serviceActionClient
  .metadata({ actionName: "services.revokeApiKey", permission: { settings: ["update"] } })
  .inputSchema(serviceScope.extend({ id: z.uuid() }))
  .action(async ({ parsedInput: { id }, ctx }) => {
    const outcome = await revokeApiKey(ctx.serviceId, id, await consoleCaller(ctx.administrator));
    if (!outcome.ok) throw new ActionError("This API key does not exist or was already revoked.");
    return { id, name: outcome.value.name, hint: outcome.value.hint };
  });
