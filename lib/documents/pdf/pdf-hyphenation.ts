/** Joining the lines of a paragraph: a word broken at a line end is made whole, or keeps its hyphen. */
import { plainText, type Run } from "../blocks";
import type { Line } from "./pdf-lines";

/**
 * Whether a word broken at a line end ("consoli-" + "dation", "community-" + "driven") keeps its
 * hyphen, judged from the rest of the document: a form printed whole elsewhere wins; otherwise a
 * break between two words the document uses on their own is a compound, any other a hyphenation.
 */
export class Hyphenation {
  private readonly counts = new Map<string, number>();

  constructor(lines: Line[]) {
    for (const line of lines) {
      for (const [word] of plainText(line.runs).toLowerCase().matchAll(/\p{L}+(?:-\p{L}+)*/gu)) {
        for (const part of new Set([word, ...word.split("-")])) this.counts.set(part, (this.counts.get(part) ?? 0) + 1);
      }
    }
  }

  keepsHyphen(first: string, second: string): boolean {
    const [a, b] = [first.toLowerCase(), second.toLowerCase()];
    if (this.counts.has(a + b)) return false;
    if (this.counts.has(`${a}-${b}`)) return true;
    // Each fragment was counted once where it was broken; a word known from elsewhere is counted again.
    return a.length >= 3 && (this.counts.get(a) ?? 0) >= 2 && (this.counts.get(b) ?? 0) >= 2;
  }
}

/** Appends a line's runs to a block's, undoing a hyphen split at the line end. */
export function appendLine(runs: Run[], next: Run[], hyphenation: Hyphenation): void {
  const last = runs[runs.length - 1];
  const following = next[0]?.text ?? "";
  if (last && /\u00ad$/.test(last.text)) {
    last.text = last.text.replace(/\u00ad$/, "");
    runs.push(...next);
    return;
  }
  const split = last ? /([\p{L}\p{N}]+)-$/u.exec(last.text) : null;
  if (last && split) {
    const head = /^\p{L}+/u.exec(following)?.[0] ?? "";
    const keep = head === "" || !/^\p{Ll}/u.test(head) || hyphenation.keepsHyphen(split[1], head);
    if (!keep) last.text = last.text.slice(0, -1);
    runs.push(...next);
    return;
  }
  runs.push({ text: " " }, ...next);
}
