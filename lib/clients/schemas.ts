import { z } from "zod";
import { clientMetadataSchema } from "@/lib/registration/metadata";
import type { ServicePolicy } from "@/lib/registration/policy";
import { serviceScope } from "@/lib/actions/service-scope";
import { maxSearchLength } from "./list-params";

// The inputs of the console's client actions and forms. Browser-safe: the forms and the server actions parse
// with these same schemas; the metadata rules themselves are the core's (clientMetadataSchema).

const clientId = z.string().trim().min(1, "Client id is required").max(255);
const version = z.number().int().positive();

/** The token issued at registration or at the last re-issue; never stored by the console. */
export const registrationAccessTokenField = z.string().trim().min(1, "Enter the client's registration access token").max(1024, "This is not a registration access token");

/** A metadata document as the editor produced it: any JSON object (the core validates its members). */
export const metadataDocument = z.record(z.string(), z.unknown(), { error: "The metadata must be a JSON object" });

export const registerClientInput = serviceScope.extend({ metadata: metadataDocument });

export const updateClientInput = serviceScope.extend({ clientId, registrationAccessToken: registrationAccessTokenField, expectedVersion: version, metadata: metadataDocument });

export const revertClientInput = serviceScope.extend({ clientId, registrationAccessToken: registrationAccessTokenField, toVersion: version, expectedVersion: version });

export const deleteClientInput = serviceScope
  .extend({ clientId, confirmation: z.string().trim() })
  .refine((input) => input.confirmation === input.clientId, { path: ["confirmation"], message: "Type the client id exactly to confirm" });

export const reissueRegistrationAccessTokenInput = serviceScope.extend({ clientId });

/** The metadata editor's text: JSON, then the service's metadata rules. */
export function metadataTextSchema(policy: ServicePolicy) {
  return z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "The metadata is not valid JSON" });
        return z.NEVER;
      }
    })
    .pipe(clientMetadataSchema(policy));
}

/** The edit step's form: the registration access token and the metadata JSON. */
export function editClientFormSchema(policy: ServicePolicy) {
  return z.object({ registrationAccessToken: registrationAccessTokenField, metadataText: metadataTextSchema(policy) });
}

/** The register step's form: the metadata JSON only (the console is trusted to register). */
export function registerClientFormSchema(policy: ServicePolicy) {
  return z.object({ metadataText: metadataTextSchema(policy) });
}

/** The command palette's search: a name or a client id. */
export const SearchClientsInput = serviceScope.extend({ query: z.string().trim().min(1, "Type a name or a client id").max(maxSearchLength) });
