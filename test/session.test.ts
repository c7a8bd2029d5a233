import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { auth } from "@/lib/auth/auth";
import { currentAdministrator, freshAdministrator, requirePermission } from "@/lib/auth/session";
import { recentSessionChecks } from "@/lib/auth/session-checks";
import { db } from "@/lib/db";
import { safeReturnPath, signInPath } from "@/lib/auth/return-path";
import { seedAdministrator, sessionCookie } from "./support/administrators";

const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => {} }),
}));
// What next.config.js's experimental.authInterrupts sets for the app.
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";

/** The Next.js navigation error a call throws (redirect / forbidden), as its digest. */
async function interruption(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
  } catch (error) {
    return String((error as { digest?: string }).digest);
  }
  return "none";
}

let viewerCookie: string;
beforeAll(async () => {
  const viewer = await seedAdministrator("viewer");
  viewerCookie = await sessionCookie(viewer.email, viewer.password);
});
afterEach(() => {
  request.headers = new Headers();
});

describe("[AUTH] page guards", () => {
  it("send a signed-out visitor to sign-in, coming back to the page afterwards", async () => {
    request.headers = new Headers({ "x-registrar-path": "/clients?q=acme" });
    expect(await interruption(() => requirePermission({ client: ["read"] }))).toMatch(
      /^NEXT_REDIRECT;replace;\/sign-in\?next=%2Fclients%3Fq%3Dacme;307;/,
    );
  });

  it("show a signed-in administrator without the permission the 403 view", async () => {
    request.headers = new Headers({ cookie: viewerCookie });
    expect(await interruption(() => requirePermission({ client: ["update"] }))).toBe("NEXT_HTTP_ERROR_FALLBACK;403");
  });

  it("let an administrator with the permission through", async () => {
    request.headers = new Headers({ cookie: viewerCookie });
    const administrator = await requirePermission({ client: ["read"] });
    expect(administrator).toMatchObject({ role: "viewer" });
    expect(await currentAdministrator()).toMatchObject({ role: "viewer" });
  });
});

describe("[AUTH] a session that ends", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("ends for pages and server actions at once when the administrator signs out", async () => {
    const editor = await seedAdministrator("editor");
    request.headers = new Headers({ cookie: await sessionCookie(editor.email, editor.password) });
    expect(await currentAdministrator()).toMatchObject({ email: editor.email });
    await auth().api.signOut({ headers: request.headers });
    expect(await currentAdministrator()).toBeNull();
    expect(await freshAdministrator()).toBeNull();
  });

  it("ends at once when an administrator revokes it", async () => {
    const [editor, admin] = [await seedAdministrator("editor"), await seedAdministrator("admin")];
    const editorCookie = await sessionCookie(editor.email, editor.password);
    request.headers = new Headers({ cookie: editorCookie });
    expect(await currentAdministrator()).toMatchObject({ email: editor.email });
    const { id: userId } = (await db().user.findUnique({ where: { email: editor.email } }))!;
    await auth().api.revokeUserSessions({ body: { userId }, headers: new Headers({ cookie: await sessionCookie(admin.email, admin.password) }) });
    expect(await currentAdministrator()).toBeNull();
  });

  it("ended by another instance (its row deleted): server actions refuse it at once, pages within 10 seconds", async () => {
    const editor = await seedAdministrator("editor");
    request.headers = new Headers({ cookie: await sessionCookie(editor.email, editor.password) });
    expect(await currentAdministrator()).toMatchObject({ email: editor.email });
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    await db().session.deleteMany({ where: { user: { email: editor.email } } });
    vi.advanceTimersByTime(10_001);
    expect(await currentAdministrator()).toBeNull();
  });

  it("a server action that finds the session ended ends it for pages too", async () => {
    const editor = await seedAdministrator("editor");
    request.headers = new Headers({ cookie: await sessionCookie(editor.email, editor.password) });
    expect(await currentAdministrator()).toMatchObject({ email: editor.email });
    await db().session.deleteMany({ where: { user: { email: editor.email } } });
    expect(await freshAdministrator()).toBeNull();
    expect(await currentAdministrator()).toBeNull();
  });

  it("a new role applies to pages at once", async () => {
    const [viewer, admin] = [await seedAdministrator("viewer"), await seedAdministrator("admin")];
    request.headers = new Headers({ cookie: await sessionCookie(viewer.email, viewer.password) });
    expect(await currentAdministrator()).toMatchObject({ role: "viewer" });
    const { id: userId } = (await db().user.findUnique({ where: { email: viewer.email } }))!;
    await auth().api.setRole({ body: { userId, role: "editor" }, headers: new Headers({ cookie: await sessionCookie(admin.email, admin.password) }) });
    expect(await currentAdministrator()).toMatchObject({ role: "editor" });
  });

  it("only the cookie better-auth reads counts", async () => {
    const editor = await seedAdministrator("editor");
    const cookie = await sessionCookie(editor.email, editor.password);
    request.headers = new Headers({ cookie });
    expect(await currentAdministrator()).toMatchObject({ email: editor.email });
    // The same value under the name better-auth uses on https only: this console is on http.
    request.headers = new Headers({ cookie: cookie.replace("better-auth.session_token=", "__Secure-better-auth.session_token=") });
    expect(await currentAdministrator()).toBeNull();
  });

  it("a lookup that began before a sign-out is not remembered after it", () => {
    const administrator = { id: "u1", name: "A", email: "a@registrar.test", role: "admin" as const, grants: {} };
    const before = recentSessionChecks.generation();
    recentSessionChecks.forgetAll();
    recentSessionChecks.remember("cookie-value", before, administrator, Date.now() + 60_000);
    expect(recentSessionChecks.get("cookie-value")).toBeUndefined();
    recentSessionChecks.remember("cookie-value", recentSessionChecks.generation(), administrator, Date.now() + 60_000);
    expect(recentSessionChecks.get("cookie-value")).toEqual(administrator);
  });
});

describe("[AUTH] return path after sign-in", () => {
  it.each([
    ["/services/default/clients/abc/edit?tab=json#top", "/services/default/clients/abc/edit?tab=json#top"],
    ["/settings", "/settings"],
    [undefined, "/"],
    ["", "/"],
    ["https://evil.example", "/"],
    ["//evil.example/clients", "/"],
    ["/\\evil.example", "/"],
    ["/\t/evil.example", "/"],
    ["javascript:alert(1)", "/"],
    ["clients", "/"],
    ["/sign-in?next=/sign-in", "/"],
  ])("%j → %s", (next, expected) => {
    expect(safeReturnPath(next)).toBe(expected);
  });

  it("sign-in links carry the path, encoded", () => {
    expect(signInPath("/audit?actor=a@b.c")).toBe("/sign-in?next=%2Faudit%3Factor%3Da%40b.c");
    expect(signInPath(null)).toBe("/sign-in");
  });
});
