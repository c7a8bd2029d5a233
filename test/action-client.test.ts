import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ActionError, authActionClient } from "@/lib/actions/client";
import { logger } from "@/lib/logger";
import { seedAdministrator, sessionCookie } from "./support/administrators";

// Server actions read the session cookie through next/headers; here each test chooses the request's cookie.
const request = vi.hoisted(() => ({ cookie: "" }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers(request.cookie ? { cookie: request.cookie } : {}),
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => {} }),
}));

const ran = vi.fn();

/** Stands for any console action that changes a client (the editor permission). */
const updateClientName = authActionClient
  .metadata({ actionName: "test.updateClientName", permission: { client: ["update"] } })
  .inputSchema(z.object({ clientId: z.string(), name: z.string() }))
  .action(async ({ parsedInput, ctx }) => {
    ran(parsedInput);
    if (parsedInput.name === "taken") throw new ActionError("A client with this name already exists.");
    if (parsedInput.name === "crash") throw new Error("connection reset by peer");
    return { updatedBy: ctx.administrator.email };
  });

const input = { clientId: "c-123", name: "Acme Portal" };
let viewerCookie: string;
let editor: { email: string; cookie: string };

beforeAll(async () => {
  const viewer = await seedAdministrator("viewer");
  viewerCookie = await sessionCookie(viewer.email, viewer.password);
  const editorAccount = await seedAdministrator("editor");
  editor = { email: editorAccount.email, cookie: await sessionCookie(editorAccount.email, editorAccount.password) };
});

afterEach(() => {
  ran.mockClear();
  request.cookie = "";
  vi.restoreAllMocks();
});

describe("[AUTH][ACTIONS] authActionClient", () => {
  it("refuses a caller without a session, without running the action", async () => {
    const result = await updateClientName(input);
    expect(result.serverError).toBe("Your session has ended. Sign in again to continue.");
    expect(result.data).toBeUndefined();
    expect(ran).not.toHaveBeenCalled();
  });

  it("refuses a forged or expired session cookie", async () => {
    request.cookie = "better-auth.session_token=forged.value";
    expect((await updateClientName(input)).serverError).toBe("Your session has ended. Sign in again to continue.");
    expect(ran).not.toHaveBeenCalled();
  });

  it("refuses a viewer an editor's action, without running it", async () => {
    request.cookie = viewerCookie;
    const result = await updateClientName(input);
    expect(result.serverError).toBe("Your role (viewer) does not allow this.");
    expect(ran).not.toHaveBeenCalled();
  });

  it("runs an editor's action with the administrator in its context", async () => {
    request.cookie = editor.cookie;
    const result = await updateClientName(input);
    expect(result).toEqual({ data: { updatedBy: editor.email } });
    expect(ran).toHaveBeenCalledWith(input);
  });

  it("returns an expected error's message as it is", async () => {
    request.cookie = editor.cookie;
    expect((await updateClientName({ ...input, name: "taken" })).serverError).toBe("A client with this name already exists.");
  });

  it("hides an unexpected error behind an event id that the log has too", async () => {
    request.cookie = editor.cookie;
    const logged = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    const { serverError } = await updateClientName({ ...input, name: "crash" });
    const eventId = serverError?.match(/report event ([0-9a-f-]{36})/)?.[1];
    expect(eventId).toBeDefined();
    expect(serverError).not.toContain("connection reset");
    expect(logged).toHaveBeenCalledWith(expect.objectContaining({ eventId, action: "test.updateClientName" }), "server action failed");
  });
});
