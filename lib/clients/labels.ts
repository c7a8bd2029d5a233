import type { TokenEndpointAuthMethod } from "@/lib/registration/vocabulary";

// Words for protocol values, shown beside the values themselves. Browser-safe.

export const authMethodLabels: Record<TokenEndpointAuthMethod, string> = {
  client_secret_basic: "Secret (Basic)",
  client_secret_post: "Secret (POST)",
  client_secret_jwt: "Secret JWT",
  private_key_jwt: "Private key JWT",
  tls_client_auth: "Mutual TLS",
  self_signed_tls_client_auth: "Self-signed TLS",
  none: "None (public)",
};

const grantTypeLabels: Record<string, string> = {
  authorization_code: "Authorization code",
  implicit: "Implicit",
  refresh_token: "Refresh token",
  client_credentials: "Client credentials",
  password: "Password",
  "urn:ietf:params:oauth:grant-type:device_code": "Device code",
  "urn:ietf:params:oauth:grant-type:jwt-bearer": "JWT bearer",
  "urn:ietf:params:oauth:grant-type:saml2-bearer": "SAML 2 bearer",
  "urn:ietf:params:oauth:grant-type:token-exchange": "Token exchange",
  "urn:openid:params:grant-type:ciba": "CIBA",
};

export const authMethodLabel = (method: string) => (Object.hasOwn(authMethodLabels, method) ? authMethodLabels[method as TokenEndpointAuthMethod] : method);
export const grantTypeLabel = (grantType: string) => (Object.hasOwn(grantTypeLabels, grantType) ? grantTypeLabels[grantType]! : grantType);

const interfaceLabels: Record<string, string> = {
  console: "Console",
  rfc7591: "RFC 7591 registration",
  rfc7592: "RFC 7592 management",
  authlete_api: "Authlete-compatible API",
  cli: "Command line",
};

export const interfaceLabel = (name: string | null) => (name ? (Object.hasOwn(interfaceLabels, name) ? interfaceLabels[name]! : name) : "—");

/** Who acted, in words: `admin:dana@…` → `dana@…`, `client:<id>` → "The client itself". */
export function actorLabel(actor: string): string {
  if (actor.startsWith("admin:")) return actor.slice("admin:".length);
  if (actor === "client" || actor.startsWith("client:")) return "The client itself";
  if (actor.startsWith("import:")) return "Import";
  if (actor.startsWith("api:")) return `Authorization server (${actor.slice("api:".length)})`;
  if (actor === "anonymous") return "Anonymous";
  return actor;
}
