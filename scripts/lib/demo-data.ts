// The demo data set of `npm run db:seed`: clients an identity team would recognise — web apps, single-page
// apps, native and MCP clients, machine-to-machine services, OpenID Connect relying parties with keys,
// several languages, long redirect URI lists and a client with a long history.

/** Member values that vary per client; logo paths are served from public/demo-logos. */
export type DemoClient = { metadata: Record<string, unknown>; origin?: "dynamic" | "console"; history?: Record<string, unknown>[] };

const rsaKey = {
  kty: "RSA",
  kid: "portal-2026-01",
  use: "sig",
  alg: "RS256",
  e: "AQAB",
  n: "sXchDaQebHnPiGvyDOAT4saGEUetSyo9MKLOoWFsueri23bOdgWp4Dy1WlUzewbgBHod5pcM9H95GQRV3JDXboIRROSBigeC5yjU1hGzHHyXss8UDprecbAYxknTcQkhslANGRUZmdTOQ5qTRsLAt6BTYuyvVRdhS8exSZEy_c4gs_7svlJJQ4H9_NxsiIoLwAEk7-Q3UXERGYw_75IDrGA84-lA_-Ct4eTlXHBIY2EaV7t7LjJaynVJCpkv4LKjTTAumiGUIuQhrNhZLuF_RJLqHpM2kgWFLU7-VTdL1VbC2tejvcI2BlMkEpk1BzBZI0KQB0GaDWFLN-aEAw3vRw",
};
const ecKey = { kty: "EC", kid: "globex-signing-1", use: "sig", alg: "ES256", crv: "P-256", x: "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU", y: "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0" };
const ecKey2 = { kty: "EC", kid: "globex-signing-2", use: "sig", alg: "ES256", crv: "P-256", x: "gI0GAILBdu7T53akrFmMyGcsF3n5dO7MmwNBHKW5SV0", y: "SLW_xSffzlPWrHEVI30DHM_4egVwt3NQqeUD7nMFpps" };

export function demoClients(issuer: string): DemoClient[] {
  const logo = (name: string) => `${issuer}/demo-logos/${name}.svg`;
  const manyRedirects = Array.from({ length: 28 }, (_, i) => `https://tenant-${String(i + 1).padStart(2, "0")}.reports.initech.example/oauth/callback`);
  return [
    {
      metadata: {
        client_name: "Acme Customer Portal",
        "client_name#fr": "Portail client Acme",
        "client_name#de": "Acme Kundenportal",
        "client_name#ja": "Acme カスタマーポータル",
        client_uri: "https://portal.acme.example",
        "client_uri#fr": "https://portal.acme.example/fr",
        logo_uri: logo("acme"),
        tos_uri: "https://portal.acme.example/terms",
        policy_uri: "https://portal.acme.example/privacy",
        "policy_uri#de": "https://portal.acme.example/de/datenschutz",
        redirect_uris: ["https://portal.acme.example/oauth/callback", "https://portal.acme.example/silent-renew"],
        post_logout_redirect_uris: ["https://portal.acme.example/signed-out"],
        grant_types: ["authorization_code", "refresh_token"],
        response_types: ["code"],
        token_endpoint_auth_method: "private_key_jwt",
        token_endpoint_auth_signing_alg: "RS256",
        jwks: { keys: [rsaKey] },
        scope: "openid profile email orders:read",
        contacts: ["identity@acme.example", "oncall@acme.example"],
        // Pairwise without a sector_identifier_uri: its redirect URIs share one host. The service would fetch a
        // sector_identifier_uri when the client is registered (OpenID Connect Registration §5), and the demo's hosts do not exist.
        subject_type: "pairwise",
        id_token_signed_response_alg: "RS256",
        default_max_age: 3600,
        require_auth_time: true,
        backchannel_logout_uri: "https://portal.acme.example/logout/backchannel",
        backchannel_logout_session_required: true,
        software_id: "acme-portal",
        software_version: "4.12.0",
      },
      origin: "console",
      history: Array.from({ length: 14 }, (_, i) => ({ software_version: `4.${i}.0`, ...(i % 3 === 0 && { default_max_age: 1800 + i * 300 }) })),
    },
    {
      metadata: {
        client_name: "Acme Mobile",
        "client_name#ja": "Acme モバイル",
        logo_uri: logo("acme"),
        application_type: "native",
        redirect_uris: ["com.acme.mobile:/oauth2redirect", "http://127.0.0.1/callback"],
        token_endpoint_auth_method: "none",
        grant_types: ["authorization_code", "refresh_token"],
        scope: "openid profile offline_access",
        software_id: "acme-mobile",
        software_version: "2.8.1",
        contacts: ["mobile@acme.example"],
      },
    },
    {
      metadata: {
        client_name: "Globex Billing Service",
        logo_uri: logo("globex"),
        grant_types: ["client_credentials"],
        token_endpoint_auth_method: "private_key_jwt",
        token_endpoint_auth_signing_alg: "ES256",
        jwks: { keys: [ecKey, ecKey2] },
        scope: "invoices:write payments:read",
        contacts: ["billing-platform@globex.example"],
        tls_client_certificate_bound_access_tokens: false,
      },
      origin: "console",
    },
    {
      metadata: {
        client_name: "Initech Reports",
        logo_uri: logo("initech"),
        redirect_uris: manyRedirects,
        grant_types: ["authorization_code"],
        token_endpoint_auth_method: "client_secret_basic",
        contacts: ["reports-team@initech.example"],
        client_uri: "https://reports.initech.example",
      },
    },
    {
      metadata: {
        client_name: "Hooli Search (single-page app)",
        logo_uri: logo("hooli"),
        redirect_uris: ["https://search.hooli.example/callback"],
        token_endpoint_auth_method: "none",
        grant_types: ["authorization_code", "refresh_token"],
        dpop_bound_access_tokens: true,
        scope: "openid search:query",
        contacts: ["frontend@hooli.example"],
      },
    },
    {
      metadata: {
        client_name: "Notebook Assistant (MCP client)",
        logo_uri: logo("notebook"),
        application_type: "native",
        redirect_uris: ["http://127.0.0.1:33418/oauth/callback", "http://localhost:33418/oauth/callback"],
        token_endpoint_auth_method: "none",
        grant_types: ["authorization_code", "refresh_token"],
        scope: "mcp:tools mcp:resources",
        software_id: "notebook-assistant",
        software_version: "0.9.3",
      },
    },
    {
      metadata: {
        client_name: "Umbrella Health Records",
        "client_name#es": "Historias clínicas Umbrella",
        logo_uri: logo("umbrella"),
        redirect_uris: ["https://records.umbrella.example/auth/cb"],
        token_endpoint_auth_method: "client_secret_post",
        id_token_signed_response_alg: "PS256",
        id_token_encrypted_response_alg: "RSA-OAEP-256",
        id_token_encrypted_response_enc: "A256GCM",
        userinfo_signed_response_alg: "PS256",
        request_object_signing_alg: "PS256",
        require_signed_request_object: true,
        require_pushed_authorization_requests: true,
        jwks_uri: "https://records.umbrella.example/.well-known/jwks.json",
        contacts: ["security@umbrella.example"],
        default_acr_values: ["urn:mace:incommon:iap:silver"],
      },
      origin: "console",
    },
    {
      metadata: {
        client_name: "Living Room TV",
        "client_name#fr": "Téléviseur du salon",
        logo_uri: logo("tv"),
        grant_types: ["urn:ietf:params:oauth:grant-type:device_code", "refresh_token"],
        token_endpoint_auth_method: "none",
        scope: "openid profile media:stream",
      },
    },
    {
      metadata: {
        client_name: "Branch Teller Console",
        logo_uri: logo("bank"),
        grant_types: ["urn:openid:params:grant-type:ciba"],
        token_endpoint_auth_method: "tls_client_auth",
        tls_client_auth_subject_dn: "CN=teller-console,OU=Branches,O=First Example Bank,C=GB",
        tls_client_certificate_bound_access_tokens: true,
        contacts: ["branch-it@bank.example"],
      },
      origin: "console",
    },
    {
      metadata: {
        client_name: "API Gateway (token exchange)",
        logo_uri: logo("gateway"),
        grant_types: ["urn:ietf:params:oauth:grant-type:token-exchange", "client_credentials"],
        token_endpoint_auth_method: "client_secret_jwt",
        token_endpoint_auth_signing_alg: "HS256",
        authorization_details_types: ["payment_initiation", "account_information"],
      },
    },
  ];
}

const companies = [
  "Northwind", "Contoso", "Fabrikam", "Tailspin", "Wingtip", "Adventure Works", "Litware", "Proseware", "Woodgrove", "Lucerne",
  "Coho Winery", "Alpine Ski House", "Blue Yonder", "Fourth Coffee", "Margie's Travel", "Trey Research", "Wide World Importers",
  "Graphic Design Institute", "School of Fine Art", "Humongous Insurance",
];
const products = ["Orders", "Analytics", "Support Desk", "Payroll", "Inventory", "Checkout", "Partner Hub", "Field App", "Data Sync", "Status Page"];

/** Dozens more, of every kind, so the list has something to search, filter and sort. */
export function generatedDemoClients(issuer: string, count = 36): DemoClient[] {
  return Array.from({ length: count }, (_, i) => {
    const company = companies[i % companies.length]!;
    // Offset by the round through the companies, so that no company gets the same product twice.
    const product = products[(i * 7 + Math.floor(i / companies.length) * 3) % products.length]!;
    const slug = `${company}-${product}`.toLowerCase().replace(/[^a-z0-9]+/g, "-");
    const host = `${slug}.example`;
    const kind = i % 4;
    const base = { client_name: `${company} ${product}`, contacts: [`admin@${host}`], client_uri: `https://${host}`, logo_uri: `${issuer}/demo-logos/generic-${i % 6}.svg` };
    if (kind === 0) return { metadata: { ...base, redirect_uris: [`https://${host}/callback`], grant_types: ["authorization_code", "refresh_token"] } };
    if (kind === 1) return { metadata: { ...base, application_type: "native", redirect_uris: [`com.example.${slug.replace(/-/g, "")}:/callback`], token_endpoint_auth_method: "none" } };
    if (kind === 2) return { metadata: { ...base, grant_types: ["client_credentials"], token_endpoint_auth_method: "client_secret_post", scope: `${product.toLowerCase().replace(/\s+/g, "-")}:write` }, origin: "console" };
    return { metadata: { ...base, redirect_uris: [`https://${host}/spa/callback`], token_endpoint_auth_method: "none", "client_name#fr": `${company} ${product} (FR)` } };
  });
}
