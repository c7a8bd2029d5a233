import { randomBytes } from "node:crypto";
import { vi } from "vitest";
import { db } from "@/lib/db";
import { ServicePolicySchema, type ServicePolicyInput } from "@/lib/registration/policy";
import { forgetService } from "@/lib/registration/store";
import { seedAdministrator, sessionCookie } from "./administrators";

// Console server actions called directly, as the browser would call them: each test picks the session
// cookie of the request (next/headers is mocked by the test file with `consoleRequest`).

/** The request every action in the file sees; set `cookie` to act as someone. */
export const consoleRequest = { cookie: "" };

export const nextHeadersMock = () => ({
  headers: async () => new Headers({ ...(consoleRequest.cookie && { cookie: consoleRequest.cookie }), "x-test-client-ip": "192.0.2.99" }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => {} }),
});

type Role = "viewer" | "editor" | "admin";

/** One administrator of each role; `actAs` picks whose session the next action call carries (null: nobody's). */
export function consoleAdministrators() {
  const sessions = {} as Record<Role, { email: string; cookie: string }>;
  return {
    async signIn() {
      for (const role of ["viewer", "editor", "admin"] as const) {
        const account = await seedAdministrator(role);
        sessions[role] = { email: account.email, cookie: await sessionCookie(account.email, account.password) };
      }
    },
    actAs(role: Role | null) {
      consoleRequest.cookie = role ? sessions[role].cookie : "";
    },
    email: (role: Role) => sessions[role].email,
  };
}

/**
 * The console manages the service named by REGISTRAR_SERVICE_ID; each test file gets one of its own
 * (config() is read once per file, and Vitest isolates files).
 */
export function dedicatedConsoleService(name: string) {
  const id = `test-console-${name}-${randomBytes(4).toString("hex")}`;
  vi.stubEnv("REGISTRAR_SERVICE_ID", id);
  return {
    id,
    create: () => db().service.create({ data: { id, name: `Test console ${name}` } }),
    async setPolicy(policy: ServicePolicyInput = {}) {
      await db().service.update({ where: { id }, data: { policy: ServicePolicySchema.parse(policy) as object } });
      forgetService(id);
    },
  };
}
