import { randomBytes } from "node:crypto";

/** Hand-written cards' fingerprints: never one the generator makes (hex), so a new version of the text keeps them. */
export function handCardFingerprint(): string {
  return `hand-${randomBytes(8).toString("hex")}`;
}
