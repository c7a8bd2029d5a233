import { expect, test } from "@playwright/test";
import { users } from "../env";
import { authFile } from "../support";
import { editorContent, editorPreview, json, metadataOf, problems, readThroughApi, registerThroughApi, setEditorText, updateThroughApi, waitForEditor } from "../clients";

test.describe("an editor", () => {
  test.use({ storageState: authFile("editor") });

  test("[CLIENTS][EDIT] edits a client end to end: token, one field, review, save, rotated token", async ({ page, request }) => {
    const client = await registerThroughApi(request, { client_name: "Edit me" });
    await page.goto(`/clients/${client.client_id}/edit`);
    await expect(page.getByRole("heading", { name: "Edit Edit me", level: 1 })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toHaveText(/Clients.*Edit me.*Edit/);
    await expect(page.getByRole("textbox", { name: "Client ID" })).toHaveValue(client.client_id);
    const token = page.getByLabel("Registration access token");
    await expect(token).toHaveAttribute("type", "password");
    await expect(token).toHaveAttribute("autocomplete", "off");
    await token.fill(client.registration_access_token);
    await page.getByRole("button", { name: "Show the token" }).click();
    await expect(token).toHaveAttribute("type", "text");

    await waitForEditor(page, '"client_name": "Edit me"');
    await expect(page.getByTestId("changed-fields")).toHaveText("No fields changed");
    await expect(page.getByRole("button", { name: "Review changes" })).toBeDisabled();
    await setEditorText(page, json({ ...metadataOf(client), client_name: "Edited in the console" }));
    await expect(page.getByTestId("changed-fields")).toHaveText("1 field changed");
    await expect(page.getByText("Valid metadata")).toBeVisible();

    await page.getByRole("button", { name: "Review changes" }).click();
    const table = page.getByRole("table", { name: "Changed fields" });
    await expect(table.getByRole("row")).toHaveCount(2);
    const row = table.getByRole("row").nth(1);
    await expect(row.getByRole("cell").nth(0)).toHaveText("client_name");
    await expect(row.getByRole("cell").nth(1)).toHaveText("Changed");
    await expect(row.getByRole("cell").nth(2)).toHaveText("Edit me");
    await expect(row.getByRole("cell").nth(3)).toHaveText("Edited in the console");
    const sideBySide = page.getByRole("table", { name: "The JSON before and after, side by side" });
    await expect(sideBySide.getByText('"client_name": "Edit me",')).toBeVisible();
    await expect(sideBySide.getByText('"client_name": "Edited in the console",')).toBeVisible();
    await expect(page.getByText(/Saving issues a new registration access token/)).toBeVisible();

    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("Saved as revision 2")).toBeVisible();
    const dialog = page.getByRole("dialog", { name: "A new registration access token was issued" });
    await expect(dialog).toContainText("The client software must be given it");
    const rotated = (await dialog.getByRole("status").textContent())!.trim();
    expect(rotated).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await dialog.getByRole("button", { name: "I have copied the token" }).click();
    await expect(page).toHaveURL(`/services/default/clients/${client.client_id}`);

    expect((await readThroughApi(request, client.client_id, client.registration_access_token)).status).toBe(401);
    expect((await readThroughApi(request, client.client_id, rotated)).body).toMatchObject({ client_name: "Edited in the console" });
  });

  test("[CLIENTS][EDIT] bad JSON shows the syntax error on its line and review stays disabled", async ({ page, request }) => {
    const client = await registerThroughApi(request);
    await page.goto(`/clients/${client.client_id}/edit`);
    await setEditorText(page, '{\n  "client_name": "Broken"\n  "redirect_uris": ["https://e2e.example.com/callback"]\n}\n');
    await expect(problems(page)).toHaveText(["Line 3A comma is expected between members or items"]);
    await expect(page.locator(".cm-lintRange-error")).toHaveText('"redirect_uris"');
    await expect(page.locator(".cm-gutter-lint .cm-lint-marker-error")).toHaveCount(1);
    await expect(page.getByRole("button", { name: "Review changes" })).toBeDisabled();
    await expect(page.getByRole("button", { name: "Format" })).toBeDisabled();
    await expect(page.getByTestId("changed-fields")).toHaveText("");
  });

  test("[CLIENTS][EDIT] the metadata shows at once; the editor loads when the administrator turns to it, by keyboard too", async ({ page, request }) => {
    const client = await registerThroughApi(request, { client_name: "Preview me" });
    await page.goto(`/clients/${client.client_id}/edit`);
    const preview = editorPreview(page);
    await expect(preview).toContainText('"client_name": "Preview me"');
    await expect(preview).toHaveAccessibleName("Metadata (JSON)");
    await expect(editorContent(page)).toHaveCount(0); // CodeMirror is not part of the page's load

    await page.getByRole("button", { name: "Show the token" }).focus();
    const editorFocused = () => page.evaluate(() => !!document.activeElement?.matches('[data-testid="metadata-preview"], .cm-content'));
    for (let i = 0; i < 12 && !(await editorFocused()); i++) await page.keyboard.press("Tab");
    await expect(editorContent(page)).toBeFocused({ timeout: 30_000 }); // CodeMirror took the focus over
    await expect(preview).toHaveCount(0);
    await page.keyboard.press("Control+End");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("End");
    await page.keyboard.insertText(',\n  "client_uri": "https://e2e.example.com"');
    await expect(page.getByTestId("changed-fields")).toHaveText("1 field changed");
    await expect(page.getByText("Valid metadata")).toBeVisible();
  });

  test("[CLIENTS][EDIT] a schema error is squiggled on its line and listed; the problem link moves the cursor there", async ({ page, request }) => {
    const client = await registerThroughApi(request);
    await page.goto(`/clients/${client.client_id}/edit`);
    const metadata = { ...metadataOf(client), redirect_uris: ["https://e2e.example.com/callback", "https://e2e.example.com/cb#section"] };
    const text = json(metadata);
    await setEditorText(page, text);
    const line = text.split("\n").findIndex((l) => l.includes("#section")) + 1;
    await expect(problems(page)).toHaveText([`Line ${line}redirect_uris[1] must not contain a fragment`]);
    await expect(page.locator(".cm-lintRange-error")).toHaveText('"https://e2e.example.com/cb#section"');
    await expect(page.getByRole("button", { name: "Review changes" })).toBeDisabled();

    await page.getByRole("button", { name: "Format" }).click(); // moves the cursor away from the problem
    await editorContent(page).press("Control+Home");
    await expect(page.locator(".cm-activeLine")).toHaveText("{");
    await problems(page).first().click();
    await expect(editorContent(page)).toBeFocused();
    await expect(page.locator(".cm-activeLine")).toContainText("#section");
  });

  test("[CLIENTS][EDIT] completion suggests member names and enum values", async ({ page, request }) => {
    const client = await registerThroughApi(request);
    await page.goto(`/clients/${client.client_id}/edit`);
    await setEditorText(page, '{\n  "redirect_uris": ["https://e2e.example.com/callback"],\n  "token_endpoint_auth_method": "cl');
    await page.keyboard.press("Control+Space");
    const options = page.getByRole("listbox").getByRole("option");
    await expect(options.first()).toBeVisible();
    await expect(options).toContainText(["client_secret_basic", "client_secret_jwt", "client_secret_post"]);
    await page.keyboard.press("End");
    await page.keyboard.insertText('",\n  "sub');
    await page.keyboard.press("Control+Space");
    await expect(options).toContainText(["subject_type"]);
  });

  test("[CLIENTS][EDIT] a wrong token marks the token field and saves nothing", async ({ page, request }) => {
    const client = await registerThroughApi(request, { client_name: "Keep my name" });
    await page.goto(`/clients/${client.client_id}/edit`);
    await page.getByLabel("Registration access token").fill("this-is-not-the-token");
    await setEditorText(page, json({ ...metadataOf(client), client_name: "Hijacked" }));
    await page.getByRole("button", { name: "Review changes" }).click();
    await page.getByRole("button", { name: "Save changes" }).click();
    const token = page.getByLabel("Registration access token");
    await expect(page.getByText("This registration access token does not work for this client.", { exact: false })).toBeVisible();
    await expect(token).toBeFocused();
    await expect(token).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText(/Saved as revision/)).toHaveCount(0);
    expect((await readThroughApi(request, client.client_id, client.registration_access_token)).body).toMatchObject({ client_name: "Keep my name" });
  });

  test("[CLIENTS][EDIT] asks before leaving with unsaved changes", async ({ page, request }) => {
    const client = await registerThroughApi(request);
    await page.goto(`/clients/${client.client_id}/edit`);
    await setEditorText(page, json({ ...metadataOf(client), client_name: "Unsaved" }));
    await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Clients" }).click();
    const dialog = page.getByRole("dialog", { name: "Leave without saving?" });
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Stay on this page" }).click();
    await expect(page).toHaveURL(`/services/default/clients/${client.client_id}/edit`);
    await expect(editorContent(page)).toContainText("Unsaved");

    // The command palette's jumps ask too.
    await page.getByRole("heading", { level: 1 }).click();
    await page.keyboard.press("Control+k");
    const palette = page.getByRole("dialog", { name: "Command palette" });
    await palette.getByRole("combobox").fill("audit");
    await expect(palette.getByRole("option")).toHaveText(["Audit log"]);
    await page.keyboard.press("Enter");
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Stay on this page" }).click();
    await expect(page).toHaveURL(`/services/default/clients/${client.client_id}/edit`);
    await expect(editorContent(page)).toContainText("Unsaved");

    const beforeUnload = page.waitForEvent("dialog");
    void page.close({ runBeforeUnload: true });
    const prompt = await beforeUnload;
    expect(prompt.type()).toBe("beforeunload");
    await prompt.accept();
  });

  test("[CLIENTS][EDIT] Back with unsaved changes asks first; staying keeps the edit, leaving goes back", async ({ page, request }) => {
    const client = await registerThroughApi(request, { client_name: "Back and forth" });
    await page.goto(`/clients/${client.client_id}`);
    await page.getByRole("link", { name: "Edit" }).first().click();
    await expect(page).toHaveURL(`/services/default/clients/${client.client_id}/edit`);
    await setEditorText(page, json({ ...metadataOf(client), client_name: "Unsaved" }));

    const dialog = page.getByRole("dialog", { name: "Leave without saving?" });
    await page.goBack();
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Stay on this page" }).click();
    await expect(page).toHaveURL(`/services/default/clients/${client.client_id}/edit`);
    await expect(editorContent(page)).toContainText("Unsaved");

    // Asked again on the next Back (staying re-arms it); leaving goes where Back was going, without the browser's prompt.
    await page.goBack();
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Leave and discard changes" }).click();
    await expect(page).toHaveURL(`/services/default/clients/${client.client_id}`);
    await expect(page.getByRole("heading", { name: "Back and forth", level: 1 })).toBeVisible();

    // Changes undone: nothing to lose, so Back leaves at once (no dialog, no Back press that seems to do nothing).
    await page.getByRole("link", { name: "Edit" }).first().click();
    await expect(page).toHaveURL(`/services/default/clients/${client.client_id}/edit`);
    await setEditorText(page, json({ ...metadataOf(client), client_name: "Unsaved again" }));
    await page.getByRole("button", { name: "Reset to current" }).click();
    await expect(editorContent(page)).not.toContainText("Unsaved again");
    await page.goBack();
    await expect(page).toHaveURL(`/services/default/clients/${client.client_id}`);
    await expect(dialog).toHaveCount(0);
  });

  test("[CLIENTS][REVERT] reverting to an earlier version goes through the review and saves a revert", async ({ page, request }) => {
    const client = await registerThroughApi(request, { client_name: "Original name" });
    const updated = await updateThroughApi(request, client, client.registration_access_token, { client_name: "Changed by the client" });
    await page.goto(`/clients/${client.client_id}/revert/1`);
    await expect(page.getByRole("heading", { name: "Revert Changed by the client to version 1", level: 1 })).toBeVisible();
    await expect(page.getByText("Restoring version 1")).toBeVisible();
    // It opens on the review of version 1's content; "Back to edit" shows that content in the editor.
    const changed = page.getByRole("table", { name: "Changed fields" });
    await expect(changed.getByRole("row").nth(1)).toContainText("client_nameChangedChanged by the clientOriginal name");
    await page.getByLabel("Registration access token").fill(updated.registration_access_token);
    await page.getByRole("button", { name: "Back to edit" }).click();
    await waitForEditor(page, '"client_name": "Original name"');
    await expect(page.getByTestId("changed-fields")).toHaveText("1 field changed");
    await page.getByRole("button", { name: "Review changes" }).click();
    await expect(changed.getByRole("row")).toHaveCount(2);
    await page.getByRole("button", { name: "Save revert to version 1" }).click();
    await expect(page.getByText("Saved as revision 3")).toBeVisible();
    const rotated = (await page.getByRole("dialog").getByRole("status").textContent())!.trim();
    expect((await readThroughApi(request, client.client_id, rotated)).body).toMatchObject({ client_name: "Original name" });
  });

  test("[CLIENTS][REVERT] a version the client does not have is a 404 with a way back to its history", async ({ page, request }) => {
    const client = await registerThroughApi(request, { client_name: "One version only" });
    // Its one version is its current content: nothing to review, so the page opens in the editor.
    expect((await page.goto(`/clients/${client.client_id}/revert/1`))?.status()).toBe(200);
    await waitForEditor(page, '"client_name": "One version only"');
    await expect(page.getByTestId("changed-fields")).toHaveText("No fields changed");
    for (const version of ["2", "0", "latest", "99999999999"]) {
      const response = await page.goto(`/clients/${client.client_id}/revert/${version}`);
      expect(response?.status(), version).toBe(404);
      await expect(page.getByRole("heading", { name: "No such version to revert to" })).toBeVisible();
      await expect(page).toHaveTitle(/^Version not found/);
    }
    await page.getByRole("link", { name: "Back to the client's history" }).click();
    await expect(page).toHaveURL(`/services/default/clients/${client.client_id}/history`);
    await expect(page.getByRole("list", { name: "Revisions" }).locator(":scope > li")).toHaveCount(1);
  });
});

test("[CLIENTS][EDIT] a conflict shows who changed what meanwhile and re-applies the edit on top", async ({ browser, request }) => {
  const client = await registerThroughApi(request, { client_name: "Shared client", contacts: ["one@e2e.example.com"] });
  const contexts = [await browser.newContext({ storageState: authFile("admin") }), await browser.newContext({ storageState: authFile("editor") })];
  const first = await contexts[0]!.newPage();
  const second = await contexts[1]!.newPage();
  for (const page of [first, second]) await page.goto(`/clients/${client.client_id}/edit`);

  await first.getByLabel("Registration access token").fill(client.registration_access_token);
  await setEditorText(first, json({ ...metadataOf(client), client_name: "Renamed by the admin" }));
  await first.getByRole("button", { name: "Review changes" }).click();
  await first.getByRole("button", { name: "Save changes" }).click();
  const newToken = (await first.getByRole("dialog").getByRole("status").textContent())!.trim();

  await second.getByLabel("Registration access token").fill(client.registration_access_token);
  await setEditorText(second, json({ ...metadataOf(client), contacts: ["one@e2e.example.com", "two@e2e.example.com"] }));
  await second.getByRole("button", { name: "Review changes" }).click();
  await second.getByRole("button", { name: "Save changes" }).click();
  const conflict = second.getByRole("alert").filter({ hasText: "This client was changed while you were editing it" });
  await expect(conflict).toContainText("You started from version 1; it is now at version 2. Nothing was saved.");
  await expect(conflict).toContainText(`Version 2:admin:${users.admin.email}updated the metadata through the console`);
  await expect(conflict.getByRole("table", { name: "Changed fields" })).toContainText("client_nameChangedShared clientRenamed by the admin");

  await conflict.getByRole("button", { name: "Re-apply my changes on version 2" }).click();
  await expect(second.getByRole("table", { name: "Changed fields" }).getByRole("row")).toHaveCount(2);
  await expect(second.getByRole("table", { name: "Changed fields" })).toContainText("contacts");
  await expect(second.getByText("The registration access token changed with version 2. Enter the current one.")).toBeVisible();
  await second.getByLabel("Registration access token").fill(newToken);
  await second.getByRole("button", { name: "Save changes" }).click();
  await expect(second.getByText("Saved as revision 3")).toBeVisible();
  const latest = (await second.getByRole("dialog").getByRole("status").textContent())!.trim();
  expect((await readThroughApi(request, client.client_id, latest)).body).toMatchObject({ client_name: "Renamed by the admin", contacts: ["one@e2e.example.com", "two@e2e.example.com"] });
  await Promise.all(contexts.map((context) => context.close()));
});

test.describe("a viewer", () => {
  test.use({ storageState: authFile("viewer") });

  test("[CLIENTS][EDIT] is refused the edit and register pages", async ({ page, request }) => {
    const client = await registerThroughApi(request);
    for (const path of [`/clients/${client.client_id}/edit`, `/clients/${client.client_id}/revert/1`, "/clients/new"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { name: "Your role does not allow this page" })).toBeVisible();
      await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
      await expect(page.getByRole("button", { name: "Delete" })).toHaveCount(0);
    }
  });
});
