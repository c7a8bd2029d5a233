import fs from "node:fs";

const file = "docs/BENCHMARKS.md";

/** Replaces the section between `<!-- bench:NAME -->` markers of docs/BENCHMARKS.md with fresh results. */
export function writeBenchmarkSection(name: string, content: string) {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "# Benchmarks\n";
  const block = `${start}\n${content}\n${end}`;
  const pattern = new RegExp(`${start}[\\s\\S]*?${end}`);
  fs.writeFileSync(file, pattern.test(text) ? text.replace(pattern, block) : `${text.trimEnd()}\n\n${block}\n`);
}
