import { diffMetadata } from "@/lib/registration/diff";
import { needsClientSecret, rotatesRegistrationAccessToken } from "@/lib/registration/members";
import type { ClientMetadata } from "@/lib/registration/metadata";
import type { ServicePolicy } from "@/lib/registration/policy";

// What a reviewed change will do beyond the fields themselves, in words, shown on the review step before a
// save. The rules that decide (secrets, rotation) are the core's; this only explains their effect. Browser-safe.

export type Consequence = { tone: "warning" | "info"; message: string };

const words = (value: string | undefined) => new Set((value ?? "").split(" ").filter(Boolean));
const removed = <T,>(before: readonly T[] | undefined, after: readonly T[] | undefined) => (before ?? []).filter((item) => !(after ?? []).includes(item));
const list = (items: string[]) => items.map((i) => `“${i}”`).join(", ");

/**
 * The consequences of saving `after` over `before` (`before` is `{}` for a new client). `hasSecret`: whether
 * the client has a secret now.
 */
export function changeConsequences(before: Partial<ClientMetadata>, after: ClientMetadata, { hasSecret, policy }: { hasSecret: boolean; policy: ServicePolicy }): Consequence[] {
  const isNew = Object.keys(before).length === 0;
  const out: Consequence[] = [];
  const warn = (message: string) => out.push({ tone: "warning", message });
  const note = (message: string) => out.push({ tone: "info", message });

  const goneRedirects = removed(before.redirect_uris, after.redirect_uris);
  if (goneRedirects.length)
    warn(`Removing ${goneRedirects.length === 1 ? "the redirect URI" : "the redirect URIs"} ${list(goneRedirects)} can break sign-in: authorization requests that still use ${goneRedirects.length === 1 ? "it" : "them"} will be refused.`);
  const goneLogout = removed(before.post_logout_redirect_uris, after.post_logout_redirect_uris);
  if (goneLogout.length) warn(`Logout redirects to ${list(goneLogout)} will be refused.`);

  const method = after.token_endpoint_auth_method;
  if (method === "none" && (isNew || before.token_endpoint_auth_method !== "none"))
    (isNew ? note : warn)(`The client is public (token_endpoint_auth_method “none”): it does not authenticate at the token endpoint${hasSecret ? ", and its client secret is deleted" : ""}. Use PKCE.`);
  else if (!isNew && before.token_endpoint_auth_method && before.token_endpoint_auth_method !== method)
    warn(`The client must authenticate with “${method}” instead of “${before.token_endpoint_auth_method}” from the next token request on.`);

  const secretNeeded = needsClientSecret(after);
  if (secretNeeded && !hasSecret) note(isNew ? "A client secret will be created and shown once after registration." : "A new client secret will be created. The client software can read it with its registration access token (RFC 7592), and must be configured with it.");
  else if (!secretNeeded && hasSecret && method !== "none") warn("The client secret is no longer needed and will be deleted; anything that still uses it stops working.");

  if (!isNew && diffMetadata({ jwks: before.jwks, jwks_uri: before.jwks_uri }, { jwks: after.jwks, jwks_uri: after.jwks_uri }).length > 0)
    warn("The client's keys change: signatures made with a key that is no longer listed (private_key_jwt assertions, request objects) stop being accepted, and encrypted responses use the new keys.");

  const goneGrants = removed(before.grant_types, after.grant_types);
  if (!isNew && goneGrants.length) warn(`The client can no longer use the ${list(goneGrants)} grant${goneGrants.length > 1 ? "s" : ""}.`);

  const goneScopes = [...words(before.scope)].filter((s) => !words(after.scope).has(s));
  if (!isNew && goneScopes.length && after.scope !== undefined) warn(`The client can no longer request the scope${goneScopes.length > 1 ? "s" : ""} ${list(goneScopes)}.`);

  if (!isNew && before.application_type && before.application_type !== after.application_type)
    warn(`The client becomes a ${after.application_type} client: the rules for its redirect URIs change (RFC 8252 for native clients).`);

  if (!isNew && rotatesRegistrationAccessToken(policy))
    note("Saving issues a new registration access token and the current one stops working: the client software must be given the new one.");
  return out;
}
