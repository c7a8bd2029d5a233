// The environment of the app under test: fixed, non-secret test values (never used outside tests).
export const e2ePort = Number(process.env.E2E_PORT ?? 3199);
export const baseURL = `http://127.0.0.1:${e2ePort}`;

export const users = {
  admin: { email: "admin@registrar.test", password: "admin-password-e2e", role: "admin" },
  editor: { email: "editor@registrar.test", password: "editor-password-e2e", role: "editor" },
  viewer: { email: "viewer@registrar.test", password: "viewer-password-e2e", role: "viewer" },
} as const;

export const apiKey = "e2e-api-key-0123456789abcdef0123456789abcdef";

export const serverEnv = {
  PORT: String(e2ePort),
  HOST: "127.0.0.1",
  REGISTRAR_ISSUER: baseURL,
  REGISTRAR_SERVICE_ID: "default",
  REGISTRAR_API_KEY: apiKey,
  REGISTRAR_ENCRYPTION_KEY: "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
  AUTH_SECRET: "e2e-auth-secret-0123456789abcdef0123456789",
  ADMIN_EMAIL: users.admin.email,
  ADMIN_PASSWORD: users.admin.password,
  LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  // The tests play the trusted proxy: each one that signs in sends its own client address.
  TRUSTED_IP_HEADER: "x-registrar-client-ip",
};
