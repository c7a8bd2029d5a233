import { clientName } from "@/lib/registration/members";
import type { ClientMetadata } from "@/lib/registration/metadata";

// How the console names a client, in one place. Which name a client has is the core's rule (clientName).

/** What the console shows for a client without a name. */
export const unnamedClient = "Unnamed client";

/** The name the console shows for a client whose name is at hand (a row's stored name), else the placeholder. */
export function displayName(name: string | null | undefined): string {
  return name ?? unnamedClient;
}

/** The name the console shows for a client's metadata: client_name, else a language-tagged variant, else the placeholder. */
export function clientDisplayName(metadata: Partial<ClientMetadata>): string {
  return displayName(clientName(metadata));
}
