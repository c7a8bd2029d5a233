// Next.js runs register() once when its server starts. Registrar's pages are safe only behind its launcher
// (lib/launcher/launched.ts), so a server started any other way — `npx next start`, `npx next dev` — stops
// here with a message instead of serving without them. The import inside the test keeps Node.js's process
// out of the Edge runtime's bundle.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") (await import("@/lib/launcher/launched")).refuseStartWithoutLauncher();
}
