import pg from "pg";
import type { Prisma } from "@/generated/prisma/client";
import { logger } from "@/lib/logger";

// Several instances of Registrar share one PostgreSQL (README, Several instances). Each keeps a few things in
// memory for some seconds (a service with its policy, API keys, the console's session checks); a change made
// through one instance must reach the others' copies at once. The change is announced with PostgreSQL's
// NOTIFY on one channel, in the transaction that makes it (delivered when it commits, never when it rolls
// back); every instance LISTENs on a connection of its own and drops what the message names. The caches keep
// their time limits: they bound how stale a copy gets while the listening connection is down.
//
// A message is `<topic>:<subject>`: an id, or `*` for every entry of the topic. Never a secret: subjects are row
// ids or hashes of what the process keys its cache with.

export const invalidationChannel = "registrar_invalidate";

/**
 * What can be announced: `service:<id>` (its row or policy changed, it was created or deleted), `api_key:<id>`
 * (a key of the console revoked), `user:<id>` (an administrator's sessions, role, grants or account changed),
 * `session:<hash>` (one session ended; the SHA-256 of its cookie, base64url, as lib/auth/session-checks.ts
 * keys it).
 */
export const invalidationTopics = ["service", "api_key", "user", "session"] as const;
export type InvalidationTopic = (typeof invalidationTopics)[number];

/** A cache's answer to messages: drop what `subject` names, or everything (`*`, or the listener reconnected). */
export type InvalidationSubscriber = { forget: (subject: string) => void; forgetAll: () => void };

type Listening = { client: pg.Client | null; stopped: boolean; attempt: number; timer?: NodeJS.Timeout };
// On globalThis, like the caches themselves: the launcher and Next.js's bundle load this module separately, and
// one listening connection serves both.
type State = { subscribers: Map<string, { topic: InvalidationTopic; subscriber: InvalidationSubscriber }>; listening?: Listening };
const globalForInvalidation = globalThis as unknown as { registrarInvalidation?: State };
const state: State = (globalForInvalidation.registrarInvalidation ??= { subscribers: new Map() });

/**
 * Registers a cache's subscriber under `name` (registering the name again replaces it: a module loaded twice
 * subscribes once).
 */
export function onInvalidation(name: string, topic: InvalidationTopic, subscriber: InvalidationSubscriber) {
  state.subscribers.set(name, { topic, subscriber });
}

/** The payload of a message. */
export function invalidationMessage(topic: InvalidationTopic, subject: string): string {
  return `${topic}:${subject}`;
}

/** What can send a NOTIFY: a Prisma transaction (delivered when it commits) or the client itself (at once). */
export type InvalidationWriter = Pick<Prisma.TransactionClient, "$executeRaw">;

/**
 * Announces a change to every instance, this one included. Inside a transaction, call it with that
 * transaction: PostgreSQL delivers the message when it commits, and never when it rolls back.
 */
export async function announceInvalidation(writer: InvalidationWriter, topic: InvalidationTopic, subject: string) {
  await writer.$executeRaw`SELECT pg_notify(${invalidationChannel}, ${invalidationMessage(topic, subject)})`;
}

/** Hands a received message to the subscribers of its topic; unknown topics are ignored. */
export function dispatchInvalidation(payload: string) {
  const colon = payload.indexOf(":");
  if (colon < 1) return;
  const topic = payload.slice(0, colon);
  const subject = payload.slice(colon + 1);
  for (const entry of state.subscribers.values()) {
    if (entry.topic !== topic) continue;
    if (subject === "*") entry.subscriber.forgetAll();
    else entry.subscriber.forget(subject);
  }
}

/** Every cache drops everything: messages may have been missed. */
function forgetEverything() {
  for (const { subscriber } of state.subscribers.values()) subscriber.forgetAll();
}

const backoff = { firstMs: 250, maxMs: 10_000 };
/** The application_name of the listening connection, followed by the process id. */
export const listenerName = "registrar-invalidation";

/**
 * Starts this process's listening connection (a node-postgres Client of its own, not one of the pool's). When
 * it fails it reconnects with backoff (250 ms doubling up to 10 s), and every time it starts listening every
 * cache is emptied: whatever was announced while it was not listening is lost. Idempotent.
 */
export function startInvalidationListener(databaseUrl = process.env.DATABASE_URL) {
  if (state.listening && !state.listening.stopped) return;
  const listening: Listening = { client: null, stopped: false, attempt: 0 };
  state.listening = listening;

  const retry = () => {
    if (listening.stopped || listening.timer) return;
    const delay = Math.min(backoff.maxMs, backoff.firstMs * 2 ** listening.attempt++);
    listening.timer = setTimeout(() => {
      listening.timer = undefined;
      void connect();
    }, delay);
    listening.timer.unref();
  };

  const connect = async () => {
    // Named, with the process id, so that an operator (pg_stat_activity) tells each instance's listener apart.
    const client = new pg.Client({ connectionString: databaseUrl, keepAlive: true, connectionTimeoutMillis: 5_000, application_name: `${listenerName} ${process.pid}` });
    listening.client = client;
    let failed = false;
    const fail = (error?: Error) => {
      if (failed) return;
      failed = true;
      if (listening.client === client) listening.client = null;
      client.end().catch(() => {});
      if (listening.stopped) return;
      logger.warn({ err: { message: error?.message ?? "connection ended" }, channel: invalidationChannel }, "invalidation listener lost its connection; reconnecting");
      retry();
    };
    client.on("error", fail);
    client.on("end", () => fail());
    client.on("notification", (message) => {
      if (message.channel === invalidationChannel && message.payload) dispatchInvalidation(message.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${invalidationChannel}`);
    } catch (error) {
      return fail(error as Error);
    }
    if (listening.stopped) return void client.end().catch(() => {});
    listening.attempt = 0;
    forgetEverything();
    // The connection must not keep a process alive that has nothing else to do (scripts, tests).
    (client as unknown as { connection?: { stream?: { unref?: () => void } } }).connection?.stream?.unref?.();
  };

  void connect();
}

/** Stops listening (at shutdown). */
export async function stopInvalidationListener() {
  const listening = state.listening;
  if (!listening) return;
  listening.stopped = true;
  clearTimeout(listening.timer);
  state.listening = undefined;
  await listening.client?.end().catch(() => {});
}
