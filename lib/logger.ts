import pino from "pino";
import { currentRequestId } from "./request-context";

// Credentials must never reach a log line, whatever object a caller passes: redact them by key.
const secretKeys = [
  "client_secret",
  "clientSecret",
  "registration_access_token",
  "registrationAccessToken",
  "token",
  "password",
  "apiKey",
  "authorization",
  "cookie",
  "json",
];
const redact = [...secretKeys, ...secretKeys.map((k) => `*.${k}`), ...secretKeys.map((k) => `*.*.${k}`)];

const globalForLogger = globalThis as unknown as { registrarLogger?: pino.Logger };

/** The process's structured logger (JSON lines on stdout). */
export const logger: pino.Logger = (globalForLogger.registrarLogger ??= pino(
  {
    level: process.env.LOG_LEVEL || "info",
    base: { app: "registrar" },
    redact: { paths: redact, censor: "[redacted]" },
    // Every line logged while a request is handled carries the id its X-Request-Id response header shows.
    mixin: () => {
      const requestId = currentRequestId();
      return requestId === undefined ? {} : { requestId };
    },
  },
  // REGISTRAR_LOG_FILE: append to a file instead of stdout (the test suite scans it for leaked secrets).
  process.env.REGISTRAR_LOG_FILE ? pino.destination({ dest: process.env.REGISTRAR_LOG_FILE, append: true, sync: true }) : undefined,
));
