import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/audit";
import { auth } from "@/lib/auth/auth";
import { db } from "@/lib/db";
import { clientAddressHeader } from "@/lib/request-headers";
import { seedAdministrator } from "./support/administrators";

const issuer = process.env.REGISTRAR_ISSUER!;
// The header better-auth takes the client address from: the one the launcher pins on every request.
const addressHeader = clientAddressHeader;

/** POST /api/auth/sign-in/email exactly as a browser would, through better-auth's HTTP handler. */
function signInRequest(email: string, password: string, ip: string) {
  return auth().handler(
    new Request(`${issuer}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: issuer, [addressHeader]: ip },
      body: JSON.stringify({ email, password }),
    }),
  );
}

const signInEvents = (actor: string) =>
  db().auditEvent.findMany({ where: { actor, action: "administrator.sign_in" }, orderBy: { id: "asc" } });

describe("[AUDIT] audit events", () => {
  it("are written in the caller's transaction and vanish with it when it rolls back", async () => {
    const actor = `tx-${randomBytes(4).toString("hex")}@registrar.test`;
    await expect(
      db().$transaction(async (tx) => {
        await recordAudit(tx, { interface: "console", actor }, { action: "administrator.sign_in", outcome: "success" });
        expect(await tx.auditEvent.count({ where: { actor } })).toBe(1);
        throw new Error("the change it records failed");
      }),
    ).rejects.toThrow("the change it records failed");
    expect(await db().auditEvent.count({ where: { actor } })).toBe(0);

    await db().$transaction((tx) => recordAudit(tx, { interface: "console", actor, ip: "192.0.2.1" }, { action: "administrator.sign_in", outcome: "success" }));
    const [event] = await signInEvents(actor);
    expect(event).toMatchObject({ actor, outcome: "success", ip: "192.0.2.1", details: {} });
  });

  it("[AUTH] a refused sign-in is recorded with the e-mail typed and the client address, never the password", async () => {
    const { email } = await seedAdministrator("viewer");
    const response = await signInRequest(email.toUpperCase(), "not-the-password-123", "203.0.113.41");
    expect(response.status).toBe(401);

    const events = await signInEvents(email);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actor: email,
      outcome: "failure",
      ip: "203.0.113.41",
      interface: "console",
      details: { reason: "INVALID_EMAIL_OR_PASSWORD" },
    });
    expect(JSON.stringify(events[0], (_, value) => (typeof value === "bigint" ? String(value) : value))).not.toContain("not-the-password-123");
  });

  it("[AUTH] a sign-in with an unknown e-mail is recorded as a failure too", async () => {
    const email = `nobody-${randomBytes(4).toString("hex")}@registrar.test`;
    expect((await signInRequest(email, "whatever-password-1", "203.0.113.42")).status).toBe(401);
    expect(await signInEvents(email)).toMatchObject([{ outcome: "failure", ip: "203.0.113.42" }]);
  });

  it("[AUTH] sign-in attempts from one IPv6 /64 share the rate limit, and each is audited with its full address", async () => {
    const email = `nobody-${randomBytes(4).toString("hex")}@registrar.test`;
    const prefix = `2001:db8:${randomBytes(2).toString("hex")}:${randomBytes(2).toString("hex")}`;
    const statuses = [];
    for (let i = 1; i <= 6; i++) statuses.push((await signInRequest(email, "whatever-password-1", `${prefix}::${i}`)).status);
    // 5 attempts a minute per address (lib/auth/auth.ts): the sixth, from yet another address of the /64, is refused.
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    expect((await signInRequest(email, "whatever-password-1", `2001:db8:${randomBytes(2).toString("hex")}:1::1`)).status).toBe(401);
    expect((await signInEvents(email)).map((e) => e.ip)).toEqual([1, 2, 3, 4, 5].map((i) => `${prefix}::${i}`).concat([expect.stringMatching(/^2001:db8:/)]));
  });

  it("[AUTH] a successful sign-in is recorded as a success", async () => {
    const { email, password } = await seedAdministrator("editor");
    const response = await signInRequest(email, password, "203.0.113.43");
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie().join()).toContain("better-auth.session_token=");
    expect(await signInEvents(email)).toMatchObject([{ outcome: "success", ip: "203.0.113.43", details: {} }]);
  });
});
