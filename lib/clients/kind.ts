import { grantTypesWithRedirect } from "@/lib/registration/vocabulary";

// How the console sorts clients into kinds for badges and the list's type filter. Browser-safe.

export const clientKinds = ["web", "native", "machine"] as const;
export type ClientKind = (typeof clientKinds)[number];

export const clientKindLabels: Record<ClientKind, string> = { web: "Web", native: "Native", machine: "Machine" };

/** A machine client uses no grant that sends a user agent to a redirect URI; the others are web or native apps. */
export function clientKind(applicationType: string, grantTypes: readonly string[]): ClientKind {
  if (!grantTypes.some((g) => (grantTypesWithRedirect as readonly string[]).includes(g))) return "machine";
  return applicationType === "native" ? "native" : "web";
}

/** A public client has no credentials of its own at the token endpoint (RFC 6749 §2.1). */
export const isPublicClient = (tokenEndpointAuthMethod: string) => tokenEndpointAuthMethod === "none";
