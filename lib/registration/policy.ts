import { z } from "zod";
import { isWebUrl } from "./uris";
import { grantTypes, jweAlgorithms, signingAlgorithms, tokenEndpointAuthMethods } from "./vocabulary";

// A service's policy: how clients register (openly, or with an initial access token, RFC 7591 §3) and which
// metadata it accepts. Stored as JSON on the Service row; every member has a default, so `{}` is a complete
// policy. Browser-safe: the console validates metadata against the same policy.

const TrustedIssuer = z.object({
  issuer: z.string().min(1).describe("The `iss` of software statements this service trusts"),
  jwks: z.object({ keys: z.array(z.record(z.string(), z.unknown())).min(1) }).describe("The issuer's public keys"),
  approvedSoftwareIds: z
    .array(z.string().min(1))
    .optional()
    .describe("When set, only statements for these software_id values are approved"),
});

export const ServicePolicySchema = z.object({
  registrationMode: z.enum(["open", "initial_access_token", "console_only"]).default("open"),
  rotateRegistrationAccessTokenOnUpdate: z.boolean().default(true),
  allowHttpLoopbackRedirectsForWeb: z.boolean().default(true),
  requireReverseDnsNativeSchemes: z.boolean().default(false),
  allowedGrantTypes: z.array(z.enum(grantTypes)).default(grantTypes.filter((g) => g !== "password")),
  allowedTokenEndpointAuthMethods: z.array(z.enum(tokenEndpointAuthMethods)).default([...tokenEndpointAuthMethods]),
  /** Signing algorithms clients may register, "none" included (unsigned ID tokens, UserInfo responses, request objects). */
  allowedSigningAlgorithms: z.array(z.enum(signingAlgorithms)).default([...signingAlgorithms]),
  allowedEncryptionAlgorithms: z.array(z.enum(jweAlgorithms)).default(jweAlgorithms.filter((a) => a !== "RSA1_5")),
  /** Host names (exact, or `*.example.com`) allowed in https redirect URIs; empty = any host. */
  allowedRedirectHosts: z.array(z.string().min(1)).default([]),
  trustedSoftwareStatementIssuers: z.array(TrustedIssuer).default([]),
  requireSoftwareStatement: z.boolean().default(false),
  blockDuplicateSoftwareId: z.boolean().default(false),
  maxClients: z.number().int().positive().nullable().default(null),
  /**
   * Open registration (RFC 7591 §3 without an initial access token) per client address: at most `max` in a fixed
   * window of `windowSeconds`, then 429 until the window ends. `max` null = no limit. Registrations with an
   * initial access token, through the Authlete-compatible API and in the console are not counted.
   */
  openRegistrationPerAddress: z
    .object({
      max: z.number({ error: "must be a number" }).int("must be a whole number").min(1, "must be at least 1").max(1_000_000, "must be at most 1000000").nullable().default(null),
      windowSeconds: z.number({ error: "must be a number of seconds" }).int("must be a whole number of seconds").min(1, "must be at least 1 second").max(86_400, "must be at most 86400 seconds (a day)").default(3600),
    })
    .prefault({}),
  /** Lifetime of issued client secrets in seconds; 0 = never expire. */
  clientSecretLifetimeSeconds: z.number().int().min(0).default(0),
  /**
   * The base of each client's `registration_client_uri` (RFC 7592 §3), as Authlete's service setting of the same
   * name: an authorization server that fronts Registrar sets its own client configuration endpoint here, so its
   * clients manage themselves through it. Null: Registrar's own `/register`. Discovery is not affected.
   */
  registrationManagementEndpoint: z
    .string()
    .trim()
    .refine(isWebUrl, "must be an absolute http or https URL")
    .refine((v) => !/[?#]/.test(v), "must not contain a query or fragment (the client id is appended as a path segment)")
    .transform((v) => v.replace(/\/+$/, ""))
    .nullable()
    .default(null),
  /** Whether clients registered in the console may manage themselves through RFC 7592. */
  consoleClientsSelfManaged: z.boolean().default(true),
  limits: z
    .object({
      maxRedirectUris: z.number().int().min(1).max(1000).default(50),
      maxContacts: z.number().int().min(1).max(1000).default(20),
      maxJwksKeys: z.number().int().min(1).max(1000).default(20),
      maxStringLength: z.number().int().min(64).max(65536).default(2048),
      maxArrayItems: z.number().int().min(1).max(1000).default(50),
      maxMetadataBytes: z.number().int().min(1024).max(1048576).default(32768),
    })
    .prefault({}),
});

export type ServicePolicy = z.infer<typeof ServicePolicySchema>;
export type ServicePolicyInput = z.input<typeof ServicePolicySchema>;

export const defaultPolicy: ServicePolicy = ServicePolicySchema.parse({});

/** The policy stored on a service, with defaults (it was validated when it was saved). */
export function readPolicy(stored: unknown): ServicePolicy {
  return ServicePolicySchema.parse(stored ?? {});
}

/** What an administrator chooses when creating an initial access token (RFC 7591 §3); the token itself is generated. */
export const NewInitialAccessTokenSchema = z.object({
  description: z.string().trim().max(200, "must be at most 200 characters").default(""),
  /** Days until it expires; null = never. */
  expiresInDays: z.number({ error: "must be a number of days" }).int("must be a whole number of days").min(1, "must be at least 1 day").max(3650, "must be at most 3650 days").nullable().default(null),
  /** How many registrations it allows; null = unlimited. */
  uses: z.number({ error: "must be a number" }).int("must be a whole number").min(1, "must allow at least 1 registration").max(1_000_000).nullable().default(null),
});
export type NewInitialAccessToken = z.infer<typeof NewInitialAccessTokenSchema>;
