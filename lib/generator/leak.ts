/** Does a prompt give its answer away? Checks words, glued aliases ("DeepSeek" / "Deep Seek") and word stems. */
import { GAP } from "./types";
import { STOPWORDS } from "./normalise";

function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:[.,]\d+)*/gu) ?? [];
}

function isAcronym(word: string): boolean {
  return /^[\p{Lu}\p{N}]+$/u.test(word) && /\p{Lu}/u.test(word);
}

/** True when the answer, or a meaningful part of it, can be read elsewhere in the prompt. */
export function answerLeaks(answer: string, prompt: string): boolean {
  const rest = words(prompt.split(GAP).join(" "));
  const lower = rest.map((w) => w.toLowerCase());
  const joined = new Set<string>(lower);
  for (let i = 0; i < lower.length; i++) {
    if (i + 1 < lower.length) joined.add(lower[i] + lower[i + 1]);
    if (i + 2 < lower.length) joined.add(lower[i] + lower[i + 1] + lower[i + 2]);
  }
  const restExact = new Set(rest);
  const stems = new Set(lower.filter((w) => w.length >= 6).map((w) => w.slice(0, 6)));
  const answerWords = words(answer);
  for (let i = 0; i < answerWords.length; i++) {
    const single = answerWords[i];
    const low = single.toLowerCase();
    if (!STOPWORDS.has(low) && low.length >= 2) {
      if (isAcronym(single) ? restExact.has(single) || restExact.has(`${single}s`) : joined.has(low) || joined.has(`${low}s`) || joined.has(low.replace(/s$/, ""))) return true;
      if (low.length >= 6 && stems.has(low.slice(0, 6))) return true;
    }
    let glued = low;
    for (let j = i + 1; j < Math.min(answerWords.length, i + 3); j++) {
      glued += answerWords[j].toLowerCase();
      if (joined.has(glued)) return true;
    }
  }
  return false;
}
