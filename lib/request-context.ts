import { AsyncLocalStorage } from "node:async_hooks";

// The request a piece of code runs for, without passing it down: the launcher (lib/launcher/listener.ts) runs
// each request's handling — the protocols, the core, Next.js's pages and server actions — inside `runRequest`,
// and the logger (lib/logger.ts) puts its id on every line logged meanwhile. The launcher and Next.js's server
// bundle load this module separately; the storage lives on globalThis so both see the same one.

export type RequestScope = {
  /** The id the response's X-Request-Id shows. */
  requestId: string;
};

const globalForContext = globalThis as unknown as { registrarRequestScope?: AsyncLocalStorage<RequestScope> };
const storage = (globalForContext.registrarRequestScope ??= new AsyncLocalStorage<RequestScope>());

/** Runs `handle` (and everything it starts) as part of the request `scope`. */
export function runRequest<T>(scope: RequestScope, handle: () => T): T {
  return storage.run(scope, handle);
}

/** The id of the request the caller runs for, or undefined outside one (start-up, timers, scripts). */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}
