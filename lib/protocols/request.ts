import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";

// Reading machine-facing requests: size-limited bodies, strict UTF-8 and JSON, bearer tokens and a request id.
// Every problem becomes a RequestError with the status and words to answer with.

/** What every endpoint knows about the request it answers; the launcher tells it the client's address. */
export type RequestContext = { req: IncomingMessage; requestId: string; ip: string | null; params: Record<string, string> };

export class RequestError extends Error {
  constructor(
    readonly status: 400 | 405 | 413 | 415,
    readonly error: string,
    message: string,
  ) {
    super(message);
  }
}

export const defaultMaxBodyBytes = 64 * 1024;

export function maxBodyBytes(): number {
  const configured = Number(process.env.REGISTRAR_MAX_BODY_BYTES);
  return Number.isInteger(configured) && configured > 0 ? configured : defaultMaxBodyBytes;
}

/** The raw body, refused past `limit` bytes without reading the rest into memory. */
export function readBody(req: IncomingMessage, limit = maxBodyBytes()): Promise<Buffer> {
  const declared = Number(req.headers["content-length"]);
  if (declared > limit) {
    req.resume();
    return Promise.reject(new RequestError(413, "invalid_request", `The request body must be at most ${limit} bytes`));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners("data");
        req.resume();
        reject(new RequestError(413, "invalid_request", `The request body must be at most ${limit} bytes`));
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** The media type the request declares for its body, lower-cased, without parameters. */
export function mediaType(req: IncomingMessage): string | undefined {
  return req.headers["content-type"]?.split(";")[0]?.trim().toLowerCase();
}

/** Whether the request declares a JSON body (`application/json`, any parameters). */
export function isJsonContentType(req: IncomingMessage): boolean {
  return mediaType(req) === "application/json";
}

function decodeUtf8(body: Buffer): string {
  try {
    return utf8.decode(body);
  } catch {
    throw new RequestError(400, "invalid_request", "The request body is not valid UTF-8");
  }
}

/**
 * Parses an `application/x-www-form-urlencoded` body (WHATWG URL §5) into its parameters, strictly: valid UTF-8,
 * no parameter repeated (a request must not mean two things).
 */
export function parseFormBody(body: Buffer): Record<string, string> {
  // A Map, then own properties: a parameter named __proto__ is a parameter like any other, not the prototype.
  const parameters = new Map<string, string>();
  for (const [name, value] of new URLSearchParams(decodeUtf8(body))) {
    if (parameters.has(name)) throw new RequestError(400, "invalid_request", `The request body repeats the parameter "${name}"`);
    parameters.set(name, value);
  }
  return Object.fromEntries(parameters);
}

/** Parses a JSON body strictly: valid UTF-8, valid JSON, no member repeated in one object. */
export function parseJsonBody(body: Buffer): unknown {
  if (body.length === 0) throw new RequestError(400, "invalid_request", "The request body is empty; send a JSON object");
  const text = decodeUtf8(body);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new RequestError(400, "invalid_request", `The request body is not valid JSON (${(error as Error).message})`);
  }
  const repeated = firstRepeatedMember(text);
  if (repeated !== null) throw new RequestError(400, "invalid_request", `The request body repeats the member "${repeated}" in one object`);
  return value;
}

/**
 * The first member name that occurs twice in one object of a valid JSON text, or null. JSON.parse keeps the
 * last silently; a registration must not mean two things, so a repeat is refused.
 */
export function firstRepeatedMember(text: string): string | null {
  const stack: (Set<string> | null)[] = [];
  let i = 0;
  let expectKey = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      const top = stack[stack.length - 1];
      if (expectKey && top) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (top.has(key)) return key;
        top.add(key);
        expectKey = false;
      }
      i = j + 1;
      continue;
    }
    if (ch === "{") {
      stack.push(new Set());
      expectKey = true;
    } else if (ch === "[") stack.push(null);
    else if (ch === "}" || ch === "]") stack.pop();
    else if (ch === ",") expectKey = stack[stack.length - 1] !== null;
    i++;
  }
  return null;
}

/**
 * The credential of the Authorization header (RFC 6750 §2.1), as presented: the token of a Bearer header, a
 * header of another scheme whole (so it counts as a presented, and invalid, credential), undefined without
 * one. What a blank token means is the core's rule (presentedToken in lib/registration/service.ts).
 */
export function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization?.trim();
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match ? match[1] : header;
}

/** The caller's X-Request-Id when it is sane, or a new one. */
export function requestId(req: IncomingMessage): string {
  const given = req.headers["x-request-id"];
  return typeof given === "string" && /^[A-Za-z0-9._:-]{1,100}$/.test(given) ? given : randomUUID();
}
