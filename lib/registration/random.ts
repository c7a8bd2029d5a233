import { randomFillSync } from "node:crypto";
import { v7 as uuidv7 } from "uuid";

// Random values of the registration core, all from the operating system's CSPRNG.

const randomPool = Buffer.alloc(4096);
let randomPoolUsed = randomPool.length;

/**
 * `size` bytes from the CSPRNG, each handed out once. A registration needs six small draws (client id, secret,
 * token, IV, two row ids) and one call to the CSPRNG costs microseconds whatever its size: it is drawn 4 kB
 * at a time, as node:crypto's randomUUID does.
 */
export function randomBytes(size: number): Buffer {
  if (size > randomPool.length) return randomFillSync(Buffer.alloc(size));
  if (randomPoolUsed + size > randomPool.length) {
    randomFillSync(randomPool);
    randomPoolUsed = 0;
  }
  const bytes = Buffer.from(randomPool.subarray(randomPoolUsed, randomPoolUsed + size));
  randomPool.fill(0, randomPoolUsed, randomPoolUsed + size);
  randomPoolUsed += size;
  return bytes;
}

const rowIdClock = { msecs: -Infinity, seq: 0 };

/**
 * A new row id: a UUIDv7 (time-ordered), increasing within this process as uuid's own v7() keeps them, from
 * pooled bytes (uuid's v7() draws 16 bytes from the CSPRNG per call).
 */
export function newRowId(): string {
  const random = randomBytes(16);
  const now = Date.now();
  if (now > rowIdClock.msecs) {
    rowIdClock.msecs = now;
    rowIdClock.seq = random.readUInt32BE(6) & 0x7fffffff;
  } else {
    rowIdClock.seq = (rowIdClock.seq + 1) | 0;
    if (rowIdClock.seq === 0) rowIdClock.msecs++;
  }
  return uuidv7({ random, msecs: rowIdClock.msecs, seq: rowIdClock.seq });
}
