import { randomFillSync } from "node:crypto";
import { v7 as uuidv7 } from "uuid";

// Random values of the registration core, all from the operating system's CSPRNG (node:crypto). A call to the
// CSPRNG costs microseconds whatever its size, and a registration needs six small draws (client id, secret,
// token, IV, two row ids), so bytes are drawn 4 kB at a time and handed out from that pool, each byte once and
// wiped from the pool as it leaves (docs/BENCHMARKS.md, Design notes).

const pool = Buffer.alloc(4096);
let used = pool.length;

/** `size` bytes from the CSPRNG, never handed out before. */
export function randomBytes(size: number): Buffer {
  if (size > pool.length) return randomFillSync(Buffer.alloc(size));
  if (used + size > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const bytes = Buffer.from(pool.subarray(used, used + size));
  pool.fill(0, used, used + size);
  used += size;
  return bytes;
}

/** A new row id: a time-ordered UUIDv7 (RFC 9562 §5.7), built by uuid from the pool's random bytes. */
export function newRowId(): string {
  return uuidv7({ random: randomBytes(16) });
}
