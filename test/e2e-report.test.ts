import path from "node:path";
import { describe, expect, it } from "vitest";
import { troublesOf } from "../scripts/lib/e2e-report";

// `npm test` repeats, under its summary, the end-to-end tests that failed or needed their retry: the end of a CI
// log is often all that is kept of it. The fixture is a real Playwright JSON report, slimmed, with one test made
// to fail twice and one to pass on its retry.
describe("the end-to-end report under the summary", () => {
  it("names each failed and flaky test with its project, place, describe block and first error lines", () => {
    const lines = troublesOf(path.join(__dirname, "fixtures/playwright-report.json"));
    expect(lines).toEqual([
      "FLAKY  [empty] empty/clients-empty.spec.ts:30 › signed in as a viewer › [CLIENTS][LIST][EMPTY] a viewer gets the explanation without a Register button",
      "         Error: expect(locator).toBeVisible() failed",
      "         Locator: getByRole('button', { name: 'Register a client' })",
      "         Expected: visible",
      "         Timeout: 10000ms",
      "FAILED [ui] ui/services.spec.ts:47 › [SERVICES] an administrator creates a service, renames it, and deletes it once empty by typing its id",
      "         Error: expect(received).toBe(expected)",
      "         Expected: 404",
      "         Received: 200",
      "           at line 1",
      "           at line 2",
      "           at line 3",
    ]);
  });

  it("is silent when every test passed, or when there is no report (the build failed first)", () => {
    expect(troublesOf(path.join(__dirname, "fixtures/no-such-report.json"))).toEqual([]);
  });
});
