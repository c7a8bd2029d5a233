// Whether this process was started by the launcher (scripts/serve.ts: `npm start`, `npm run dev`). Every page
// and action Next.js answers relies on it: the launcher sets the Content-Security-Policy and the other security
// headers and pins the client's address (docs/ARCHITECTURE.md, the launcher), which `next start` and
// `next dev` would silently skip. The mark lives on globalThis because Next.js loads its own copy of this module
// (instrumentation.ts) apart from the launcher's; a Symbol, because nothing outside the process can set it.

const mark = Symbol.for("registrar.launcher");
type Marked = { [mark]?: true };

/** Called by the launcher before it loads Next.js. */
export function markStartedByLauncher() {
  (globalThis as Marked)[mark] = true;
}

export function startedByLauncher(): boolean {
  return (globalThis as Marked)[mark] === true;
}

/** Stops a Next.js server that the launcher did not start (instrumentation.ts), saying how to start Registrar. */
export function refuseStartWithoutLauncher() {
  if (startedByLauncher()) return;
  process.stderr.write(`\n${startWithoutLauncherMessage}\n\n`);
  process.exit(1);
}

const startWithoutLauncherMessage = [
  "Registrar cannot start:",
  "Start it with `npm start` (or `npm run dev`), not `next start` or `next dev`. Its launcher (scripts/serve.ts) sets",
  "the Content-Security-Policy and the other security headers and pins the client's address before Next.js answers",
  "a request; without it the console would be served without them.",
].join("\n");
