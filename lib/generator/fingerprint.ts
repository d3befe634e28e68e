/** Stable ids: a card's id is a hash of its fact, so regenerating a document keeps review history. */
import { createHash } from "node:crypto";
import { contentWords, matchKey } from "./normalise";

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** 20 hex characters over the normalised fact: what is asked (answer) and what it is about (source words). */
export function fingerprint(factKey: string, source: string): string {
  const words = [...new Set(contentWords(source))].sort().join(" ");
  return sha256Hex(`${factKey}\n${words}`).slice(0, 20);
}

/** A small deterministic number derived from text (to vary option order without randomness). */
export function stableSeed(text: string): number {
  return parseInt(sha256Hex(matchKey(text) + text).slice(0, 8), 16);
}
