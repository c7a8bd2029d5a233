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

export const authMethodLabel = (method: string) => authMethodLabels[method as TokenEndpointAuthMethod] ?? method;
export const grantTypeLabel = (grantType: string) => grantTypeLabels[grantType] ?? grantType;
