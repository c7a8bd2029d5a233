import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// Every <form> of the console posts (eslint.config.mjs, formsPost): one submitted before the page's JavaScript
// has loaded must not put its fields in the URL. The rule fires on a form without method="post", and the
// console's own forms pass it (`npm run lint`). What a browser without JavaScript does: e2e/ui/no-javascript.spec.ts.

const eslint = new ESLint({ cwd: process.cwd() });

async function formErrors(filePath: string, jsx: string): Promise<string[]> {
  const [result] = await eslint.lintText(`export function Probe() {\n  return ${jsx};\n}\n`, { filePath });
  return result!.messages.filter((m) => m.ruleId === "no-restricted-syntax").map((m) => m.message);
}

describe("[HARDENING][FORMS] every form posts", () => {
  it.each([
    ["components/probe.tsx", `<form onSubmit={() => {}}><input name="password" /></form>`],
    ["app/probe/page.tsx", `<form><input name="token" /></form>`],
    ["components/probe.tsx", `<form method="get"><input name="q" /></form>`],
  ])("%s: %s is refused", async (filePath, jsx) => {
    expect(await formErrors(filePath, jsx)).toEqual([expect.stringContaining('A <form> needs method="post"')]);
  });

  it.each([
    ["components/probe.tsx", `<form method="post" onSubmit={() => {}}><input name="password" /></form>`],
    ["app/probe/page.tsx", `<form method="post" action="/api/export"><button type="submit">Export</button></form>`],
  ])("%s: %s passes", async (filePath, jsx) => {
    expect(await formErrors(filePath, jsx)).toEqual([]);
  });
});
