import { randomBytes } from "node:crypto";

let counter = 0;

/**
 * A new row id shaped like Prisma's cuid(): "c", the time, a per-process counter and
 * randomness. Ids made by one process sort in the order they were made, so logs with
 * the same millisecond still sort in the order they were written.
 */
export function newId(): string {
  counter = (counter + 1) % 36 ** 4;
  return `c${Date.now().toString(36).padStart(9, "0")}${counter.toString(36).padStart(4, "0")}${randomBytes(6).toString("hex")}`;
}
