/**
 * Is a typed answer the expected one? Forgiving about what does not change the
 * fact (case, punctuation, spacing, dash style, "to" in ranges, one small typo in
 * a long word, two letters swapped, a shortened form no other answer shares),
 * strict about what does: every number must match exactly.
 */

const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const LEADING_ARTICLE = /^(the|a|an) /;
/** Words shorter than this must be spelled exactly ("cat" vs "car" is a different word)... */
export const TYPO_MIN_LENGTH = 6;
/** ...except for two neighbouring letters swapped ("rgiht" for "right"), forgiven from this length. */
export const SWAP_MIN_LENGTH = 4;

/** The comparable form of an answer: lower case, one dash style, no punctuation, single spaces. */
export function normaliseAnswer(text: string): string {
  let s = text.normalize("NFKC").toLowerCase().replace(DASHES, "-");
  s = s.replace(/\bper ?cent\b/g, "%");
  s = s.replace(/(\d),(?=\d{3}\b)/g, "$1"); // 1,000 → 1000
  s = s.replace(/(\d)\s*%\s*(?:-|to)\s*(?=\d)/g, "$1-"); // 90% to 95% → 90-95%
  s = s.replace(/(\d)\s*(?:-|to)\s*(?=\d)/g, "$1-"); // 90 - 95, 90 to 95 → 90-95
  s = s.replace(/(\d)\s+%/g, "$1%"); // 95 % → 95%
  s = s.replace(/(\d)\.(?=\d)/g, "$1\u0000"); // keep decimal points
  s = s.replace(/(\d)-(?=\d)/g, "$1\u0001"); // keep range dashes
  s = s.replace(/[^\p{L}\p{N}%$€£\u0000\u0001]+/gu, " ");
  s = s.replace(/\u0000/g, ".").replace(/\u0001/g, "-");
  s = s.replace(/\s+/g, " ").trim();
  return s.replace(LEADING_ARTICLE, "");
}

/** Damerau-Levenshtein distance (adjacent swaps count as one edit), stopping early past 1. */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length) {
    const diffs: number[] = [];
    for (let i = 0; i < a.length && diffs.length <= 2; i++) if (a[i] !== b[i]) diffs.push(i);
    if (diffs.length === 1) return true;
    return diffs.length === 2 && diffs[1] === diffs[0] + 1 && a[diffs[0]] === b[diffs[1]] && a[diffs[1]] === b[diffs[0]];
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  return short.slice(i) === long.slice(i + 1);
}

/** Two neighbouring letters swapped, nothing else. */
function isSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diffs: number[] = [];
  for (let i = 0; i < a.length && diffs.length <= 2; i++) if (a[i] !== b[i]) diffs.push(i);
  return diffs.length === 2 && diffs[1] === diffs[0] + 1 && a[diffs[0]] === b[diffs[1]] && a[diffs[1]] === b[diffs[0]];
}

const hasDigit = (word: string) => /\d/.test(word);

/** Words a shortened answer must not end on: "left and" says nothing. */
const FUNCTION_WORDS = new Set(["a", "an", "the", "and", "or", "of", "in", "on", "to", "for", "with", "by", "from", "at", "as", "into", "than"]);

/**
 * The shortened forms of an answer a typed answer may give instead: its leading words
 * ("mitral" for "mitral valve") or its head word ("valve"), each only when no other answer in
 * `others` (the document's) starts or ends the same way, so the short form still names this
 * answer alone. None for answers with a number, and none for lists ("efficiency and cost"):
 * half a list is not the answer.
 */
export function shortForms(answer: string, others: readonly string[]): string[] {
  const words = normaliseAnswer(answer).split(" ").filter(Boolean);
  if (words.length < 2 || words.some(hasDigit) || words.some((w) => w === "and" || w === "or") || /,/.test(answer)) return [];
  const otherWords = others.map((other) => normaliseAnswer(other).split(" ").filter(Boolean)).filter((w) => w.join(" ") !== words.join(" "));
  const candidates = [...words.slice(0, -1).map((_, i) => words.slice(0, i + 1)), words.slice(-1)];
  return candidates
    .filter((form) => !FUNCTION_WORDS.has(form.at(-1)!) && form.join("").length >= 3)
    .filter((form) => {
      const head = form.length === 1 && form[0] === words.at(-1);
      return !otherWords.some((other) =>
        head ? other.at(-1) === form[0] : form.every((word, i) => other[i] === word),
      );
    })
    .map((form) => form.join(" "));
}

/**
 * True when `given` says the same as `expected` under the forgiving rules above; `shortened`
 * lists the short forms (shortForms) accepted for this answer.
 */
export function answersMatch(given: string, expected: string, shortened: readonly string[] = []): boolean {
  if (shortened.some((form) => !hasDigit(form) && form !== normaliseAnswer(expected) && answersMatch(given, form))) return true;
  const a = normaliseAnswer(given);
  const b = normaliseAnswer(expected);
  if (!a || !b) return false;
  if (a === b) return true;
  // "DeepSeek" for "Deep Seek": spacing inside words is not the fact.
  if (a.replace(/ /g, "") === b.replace(/ /g, "")) return true;
  const givenWords = a.split(" ");
  const expectedWords = b.split(" ");
  if (givenWords.length !== expectedWords.length) return false;
  let typos = 0;
  for (let i = 0; i < expectedWords.length; i++) {
    const [g, e] = [givenWords[i], expectedWords[i]];
    if (g === e) continue;
    if (hasDigit(g) || hasDigit(e)) return false;
    const forgiven = e.length >= TYPO_MIN_LENGTH ? withinOneEdit(g, e) : e.length >= SWAP_MIN_LENGTH && isSwap(g, e);
    if (!forgiven) return false;
    if (++typos > 1) return false;
  }
  return true;
}
