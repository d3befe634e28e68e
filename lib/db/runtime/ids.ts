import { randomBytes } from "node:crypto";

let counter = 0;

/**
 * Random bytes drawn from the OS a few thousand ids at a time: one randomBytes call costs
 * ~5 µs, more than everything else an id takes, and an import makes a million ids.
 */
const RANDOM_BYTES_PER_ID = 6;
const IDS_PER_DRAW = 4096;
let pool = Buffer.alloc(0);
let poolAt = 0;

function randomHex(): string {
  if (poolAt + RANDOM_BYTES_PER_ID > pool.length) {
    pool = randomBytes(RANDOM_BYTES_PER_ID * IDS_PER_DRAW);
    poolAt = 0;
  }
  poolAt += RANDOM_BYTES_PER_ID;
  return pool.toString("hex", poolAt - RANDOM_BYTES_PER_ID, poolAt);
}

/**
 * A new row id shaped like Prisma's cuid(): "c", the time, a per-process counter and
 * randomness. Ids made by one process sort in the order they were made, so logs with
 * the same millisecond still sort in the order they were written.
 */
export function newId(): string {
  counter = (counter + 1) % 36 ** 4;
  return `c${Date.now().toString(36).padStart(9, "0")}${counter.toString(36).padStart(4, "0")}${randomHex()}`;
}
