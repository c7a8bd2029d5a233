import fs from "node:fs";

type PlaywrightSuite = { title: string; specs?: { title: string; file: string; line: number; tests: { projectName: string; status: string; results: { error?: { message?: string } }[] }[] }[]; suites?: PlaywrightSuite[] };

/**
 * The end-to-end tests that failed, or passed only on their retry (flaky), each with the first lines of its first
 * error: printed again under the summary, so that the end of the output says what went wrong.
 */
export function troublesOf(report: string): string[] {
  if (!fs.existsSync(report)) return [];
  const lines: string[] = [];
  const visit = (suite: PlaywrightSuite, outer: string[]) => {
    const titles = suite.title && !suite.title.endsWith(".ts") ? [...outer, suite.title] : outer; // a describe block, not a file
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests)
        if (test.status === "unexpected" || test.status === "flaky") {
          const message = test.results.find((r) => r.error?.message)?.error?.message ?? "";
          const first = message.replace(/\u001b\[[0-9;]*m/g, "").split("\n").filter((l) => l.trim()).slice(0, 6);
          lines.push(`${test.status === "flaky" ? "FLAKY " : "FAILED"} [${test.projectName}] ${spec.file}:${spec.line} › ${[...titles, spec.title].join(" › ")}`, ...first.map((l) => `         ${l}`));
        }
    for (const child of suite.suites ?? []) visit(child, titles);
  };
  try {
    for (const suite of (JSON.parse(fs.readFileSync(report, "utf8")) as { suites: PlaywrightSuite[] }).suites) visit(suite, []);
  } catch {
    return [`(the end-to-end report ${report} could not be read)`];
  }
  return lines;
}
