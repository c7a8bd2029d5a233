import fs from "node:fs";

const file = "docs/BENCHMARKS.md";

/**
 * Replaces the section between `<!-- bench:NAME -->` markers of docs/BENCHMARKS.md with fresh results. A
 * section not there yet goes right after section `after` when given (and present), else at the end.
 */
export function writeBenchmarkSection(name: string, content: string, { after }: { after?: string } = {}) {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "# Benchmarks\n";
  const block = `${start}\n${content}\n${end}`;
  const pattern = new RegExp(`${start}[\\s\\S]*?${end}`);
  const anchor = after ? `<!-- bench:${after}:end -->` : undefined;
  fs.writeFileSync(
    file,
    pattern.test(text)
      ? text.replace(pattern, () => block)
      : anchor && text.includes(anchor)
        ? text.replace(anchor, () => `${anchor}\n\n${block}`)
        : `${text.trimEnd()}\n\n${block}\n`,
  );
}
