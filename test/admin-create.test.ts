import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";

const exec = promisify(execFile);

/** `npm run admin:create -- …args` against the test database; its exit code and output. */
async function adminCreate(...args: string[]) {
  try {
    const { stdout, stderr } = await exec(process.execPath, ["--import", "tsx", "scripts/admin-create.ts", ...args], { env: process.env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const email = `script-${randomBytes(4).toString("hex")}@registrar.test`;

describe("[ADMIN] npm run admin:create", () => {
  it("creates an administrator with the role and name given, who can sign in", async () => {
    const result = await adminCreate("--email", email, "--password", "script-password-123", "--role", "editor", "--name", "Script Editor");
    expect(result).toMatchObject({ code: 0, stdout: `Created administrator ${email} (editor)\n` });
    const user = await db().user.findUnique({ where: { email }, include: { accounts: true } });
    expect(user).toMatchObject({ name: "Script Editor", role: "editor" });
    // Stored hashed by better-auth, never as typed.
    expect(user?.accounts[0]?.password).toBeTruthy();
    expect(user?.accounts[0]?.password).not.toContain("script-password-123");
  });

  it("refuses an e-mail that is taken, and changes nothing", async () => {
    const result = await adminCreate("--email", email.toUpperCase(), "--password", "another-password-123", "--role", "admin");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`an administrator with the e-mail ${email.toUpperCase()} already exists`);
    expect(await db().user.findUnique({ where: { email } })).toMatchObject({ role: "editor" });
  });

  it("refuses an unknown role", async () => {
    const other = `root-${randomBytes(4).toString("hex")}@registrar.test`;
    const result = await adminCreate("--email", other, "--password", "script-password-123", "--role", "root");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--role must be one of viewer, editor, admin, none (got "root")');
    expect(await db().user.count({ where: { email: other } })).toBe(0);
  });

  it("refuses a role named after an Object member (constructor, __proto__), as a role and as a grant", async () => {
    for (const role of ["constructor", "__proto__", "toString"]) {
      const other = `proto-${randomBytes(4).toString("hex")}@registrar.test`;
      const result = await adminCreate("--email", other, "--password", "script-password-123", "--role", role);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`--role must be one of viewer, editor, admin, none (got "${role}")`);
      expect(await db().user.count({ where: { email: other } })).toBe(0);
    }
    const other = `proto-${randomBytes(4).toString("hex")}@registrar.test`;
    const grant = await adminCreate("--email", other, "--password", "script-password-123", "--role", "none", "--grant", "default=constructor");
    expect(grant.code).toBe(1);
    expect(grant.stderr).toContain('--grant must be <service id>=<viewer|editor|admin> (got "default=constructor")');
    const service = await adminCreate("--email", other, "--password", "script-password-123", "--role", "none", "--grant", "__proto__=viewer");
    expect(service.code).toBe(1);
    expect(service.stderr).toContain('there is no service "__proto__"');
    expect(await db().user.count({ where: { email: other } })).toBe(0);
  });

  it("refuses a short password", async () => {
    const other = `short-${randomBytes(4).toString("hex")}@registrar.test`;
    const result = await adminCreate("--email", other, "--password", "short", "--role", "viewer");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("the password must be 12–256 characters long");
    expect(await db().user.count({ where: { email: other } })).toBe(0);
  });

  it("explains its usage when an option is missing (exit code 2)", async () => {
    const result = await adminCreate("--email", email);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("missing --password, --role");
    expect(result.stderr).toContain("usage: npm run admin:create");
  });

  it("creates an administrator of chosen services only, who has no role elsewhere", async () => {
    const scoped = `scoped-${randomBytes(4).toString("hex")}@registrar.test`;
    const staging = `staging-${randomBytes(4).toString("hex")}`;
    await db().service.create({ data: { id: staging, name: "Staging" } });
    const result = await adminCreate("--email", scoped, "--password", "script-password-123", "--role", "none", "--grant", `${staging}=editor`);
    expect(result).toMatchObject({ code: 0, stdout: `Created administrator ${scoped} (editor of ${staging})\n` });
    const user = await db().user.findUnique({ where: { email: scoped }, include: { serviceGrants: true } });
    expect(user?.role).toBe("none");
    expect(user?.serviceGrants.map((g) => [g.serviceId, g.role])).toEqual([[staging, "editor"]]);

    const unknown = await adminCreate("--email", `x-${scoped}`, "--password", "script-password-123", "--role", "none", "--grant", "no-such-service=viewer");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('there is no service "no-such-service"');
    expect(await db().user.count({ where: { email: `x-${scoped}` } })).toBe(0);
    const nothing = await adminCreate("--email", `y-${scoped}`, "--password", "script-password-123", "--role", "none");
    expect(nothing.code).toBe(1);
    expect(nothing.stderr).toContain("needs a role on at least one service");
  });
});

