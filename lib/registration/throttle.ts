import { pool } from "@/lib/db";
import { ipv6Groups } from "./uris";

// Guessing credentials (registration access tokens, initial access tokens, service API keys) slows down:
// after `limit` failures from one address within the window, that address is refused until the window
// ends. A service's policy may limit open registrations per address the same way. The counters live in
// PostgreSQL, so every instance sees the same ones.

export type CredentialKind = "registration_token" | "initial_access_token" | "api_key";

export const throttleSettings = {
  /** Failures allowed per address and kind within one window. */
  limit: Number(process.env.REGISTRAR_GUESS_LIMIT ?? 20),
  windowSeconds: Number(process.env.REGISTRAR_GUESS_WINDOW_SECONDS ?? 600),
};

/**
 * What the throttle counts failures by: an IPv4 address; an IPv6 address's /64, since one subscriber commonly
 * holds a whole /64 (RFC 4291 §2.5.4: the last 64 bits are the interface identifier, which a host chooses
 * freely, RFC 8981) and would otherwise get a fresh allowance from every address in it; an IPv4-mapped IPv6
 * address (::ffff:a.b.c.d, RFC 4291 §2.5.5.2) as the IPv4 address it is. The audit log keeps the full address.
 */
export function throttledAddress(address: string): string {
  const groups = ipv6Groups(address.replace(/%.*$/, ""));
  if (!groups) return address;
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) return [groups[6]! >> 8, groups[6]! & 255, groups[7]! >> 8, groups[7]! & 255].join(".");
  return `${groups.slice(0, 4).map((g) => g.toString(16)).join(":")}::/64`;
}

const key = (kind: CredentialKind, address: string) => `${kind}:${throttledAddress(address)}`;

/** Seconds until the address may try again, or 0 when it is not throttled. */
export async function retryAfter(kind: CredentialKind, address: string | null | undefined): Promise<number> {
  if (!address) return 0;
  const { rows } = await pool().query<{ wait: number }>({
    name: "throttle-check",
    text: `SELECT ceil(extract(epoch FROM window_start + make_interval(secs => $3) - now()))::int AS wait
             FROM auth_failure WHERE key = $1 AND count >= $2 AND window_start > now() - make_interval(secs => $3)`,
    values: [key(kind, address), throttleSettings.limit, throttleSettings.windowSeconds],
  });
  return Math.max(0, rows[0]?.wait ?? 0);
}

/** Counts one failure; returns true when this failure reached the limit (the moment to audit). */
export async function recordFailure(kind: CredentialKind, address: string | null | undefined): Promise<boolean> {
  if (!address) return false;
  const { count } = await countInWindow(key(kind, address), throttleSettings.windowSeconds);
  return count === throttleSettings.limit;
}

export type RegistrationCount = {
  /** Seconds until the address may register again, or 0 when this registration is within the limit. */
  wait: number;
  /** Whether this is the first registration refused in the window (the moment to audit). */
  firstRefused: boolean;
};

/**
 * Counts one open registration of the address at the service (the policy's openRegistrationPerAddress): at most
 * `max` per address in a fixed window of `windowSeconds`. Attempts are counted, refused ones too, so a refused
 * address stays refused until the window ends.
 */
export async function countOpenRegistration(serviceId: string, address: string, limit: { max: number; windowSeconds: number }): Promise<RegistrationCount> {
  const { count, wait } = await countInWindow(`open_registration:${serviceId}:${address}`, limit.windowSeconds);
  return { wait: count > limit.max ? Math.max(1, wait) : 0, firstRefused: count === limit.max + 1 };
}

/** Adds one to the key's counter in its fixed window (a new window once the last one is over), in one statement. */
async function countInWindow(counter: string, windowSeconds: number): Promise<{ count: number; wait: number }> {
  const { rows } = await pool().query<{ count: number; wait: number }>({
    name: "throttle-count",
    text: `INSERT INTO auth_failure (key, count, window_start) VALUES ($1, 1, now())
           ON CONFLICT (key) DO UPDATE SET
             count = CASE WHEN auth_failure.window_start > now() - make_interval(secs => $2) THEN auth_failure.count + 1 ELSE 1 END,
             window_start = CASE WHEN auth_failure.window_start > now() - make_interval(secs => $2) THEN auth_failure.window_start ELSE now() END
           RETURNING count, ceil(extract(epoch FROM window_start + make_interval(secs => $2) - now()))::int AS wait`,
    values: [counter, windowSeconds],
  });
  return { count: rows[0]!.count, wait: rows[0]!.wait };
}
