// Starting points for registering a client in the console (the register page's templates): typical metadata of each
// kind of client, to be completed in the editor. Browser-safe data.

export type ClientTemplate = { id: string; name: string; description: string; metadata: Record<string, unknown> };

export const clientTemplates: readonly ClientTemplate[] = [
  {
    id: "web",
    name: "Web application",
    description: "A server-side app that keeps a client secret. Authorization code with refresh tokens.",
    metadata: {
      client_name: "My web application",
      application_type: "web",
      redirect_uris: ["https://app.example.com/oauth/callback"],
      post_logout_redirect_uris: ["https://app.example.com/signed-out"],
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
      scope: "openid profile email",
      contacts: ["identity-team@example.com"],
    },
  },
  {
    id: "spa",
    name: "Single-page app",
    description: "Runs in the browser and cannot keep a secret: a public client that uses PKCE.",
    metadata: {
      client_name: "My single-page app",
      application_type: "web",
      redirect_uris: ["https://spa.example.com/callback"],
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "none",
      scope: "openid profile",
    },
  },
  {
    id: "native",
    name: "Native app",
    description: "A mobile or desktop app (RFC 8252): private-use scheme or loopback redirect, public client with PKCE.",
    metadata: {
      client_name: "My native app",
      application_type: "native",
      redirect_uris: ["com.example.app:/oauth2redirect", "http://127.0.0.1/callback"],
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "none",
      scope: "openid profile offline_access",
    },
  },
  {
    id: "machine",
    name: "Machine-to-machine",
    description: "A service that calls APIs on its own behalf with the client credentials grant; no redirect.",
    metadata: {
      client_name: "My backend service",
      grant_types: ["client_credentials"],
      response_types: [],
      token_endpoint_auth_method: "client_secret_basic",
      scope: "api:read api:write",
      contacts: ["platform-team@example.com"],
    },
  },
  {
    id: "mcp",
    name: "MCP client",
    description: "A Model Context Protocol client (an AI assistant or tool host) with a loopback redirect, public with PKCE.",
    metadata: {
      client_name: "My MCP client",
      application_type: "native",
      redirect_uris: ["http://127.0.0.1:33418/oauth/callback"],
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "none",
      scope: "mcp:tools mcp:resources",
      software_id: "my-mcp-client",
      software_version: "1.0.0",
    },
  },
];
