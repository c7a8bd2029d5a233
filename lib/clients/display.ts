import type { ClientMetadata } from "@/lib/registration/metadata";

/** The name the console shows for a client: client_name, else a language-tagged variant, else a placeholder. */
export function clientDisplayName(metadata: Partial<ClientMetadata>): string {
  if (metadata.client_name) return metadata.client_name;
  const tagged = Object.entries(metadata).find(([key]) => key.startsWith("client_name#"));
  return typeof tagged?.[1] === "string" ? tagged[1] : "Unnamed client";
}
