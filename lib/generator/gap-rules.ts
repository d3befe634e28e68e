/**
 * Gaps the words around them give away or leave open, whatever the answer: a gloss or formula in
 * parentheses beside the gap ("[...] (NaOH)", "sodium hydroxide ([...])"), the other half of an
 * opposite pair ("signed or [...]"), an example slot any example fills ("such as [...]"), and a
 * number the prompt's other numbers compute ("1 TB per month, [...] in 3 years").
 */
import { GAP } from "./types";

const BEFORE_GAP = /\[\.\.\.\]/;
const GLOSS_AFTER = /^\s*\([^()]{1,60}\)/;
const GLOSS_ROUND = /\(\s*$/;
/** The words before the gap open a slot for any example: "such as", "like", "e.g.", "the following topics:". */
const EXAMPLE_SLOT = /(?:\bsuch as|\blike|\be\.g\.,?|\bi\.e\.,?|\bfor (?:example|instance),?|\bincluding|\bincludes?|\bnamely|\bfollowing(?: [\p{L}-]+){0,2}:)\s*$/iu;
const OPPOSITE_PREFIX = /^(?:un|non|in|im|il|ir|dis|anti|de|counter|mis|a)-?/;
const PAIR_BEFORE = /([\p{L}-]+)\s+(?:or|and|nor|vs\.?|versus|not)\s*$/iu;
const PAIR_AFTER = /^\s*(?:or|and|nor|vs\.?|versus|,? not)\s+([\p{L}-]+)/iu;
/** Everyday conversion factors (months a year, seconds a day, bytes a kilobyte, …). */
const FACTORS = [1, 7, 12, 24, 30, 52, 60, 100, 365, 1000, 1024, 3600, 86_400, 2_592_000, 2_500_000, 31_536_000];
/** A rate or a restatement: where a number is arithmetic on the others, not a fact. */
const ARITHMETIC_CUE = /\bper\b|\/|\b(?:every|each|a|an) (?:second|minute|hour|day|week|month|year)\b|→|=|\bwhich is\b|\bthat is\b|\bi\.e\.|\bin \d+ (?:years?|months?|days?)\b/i;

/** "unsigned" / "signed", "immutable" / "mutable", "careless" / "careful": one word is the other's opposite. */
function opposites(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y) return false;
  const strip = (w: string) => w.replace(OPPOSITE_PREFIX, "");
  if (strip(x) === y || strip(y) === x) return true;
  const stem = (w: string) => w.replace(/(?:less|ful)$/, "");
  return /(?:less|ful)$/.test(x) && /(?:less|ful)$/.test(y) && stem(x) === stem(y);
}

/** Why the words around the gap give its answer away or leave it open, or null. */
export function gapProblem(prompt: string, answer: string): string | null {
  const at = prompt.search(BEFORE_GAP);
  if (at < 0) return null;
  // the patterns are anchored at the gap: only the words next to it matter
  const before = prompt.slice(Math.max(0, at - 60), at);
  const after = prompt.slice(at + GAP.length, at + GAP.length + 80);
  if (GLOSS_AFTER.test(after) || (GLOSS_ROUND.test(before) && /^\s*\)/.test(after))) return "a gloss in parentheses beside the gap gives it away";
  if (EXAMPLE_SLOT.test(before)) return "any example would fill the gap";
  const single = /^[\p{L}-]+$/u.test(answer.trim());
  const pair = PAIR_BEFORE.exec(before)?.[1] ?? PAIR_AFTER.exec(after)?.[1];
  if (single && pair && opposites(pair, answer.trim())) return "the other half of an opposite pair";
  return null;
}

const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, bn: 1e9, trillion: 1e12 };

/** The numbers of a text, "2.5 million" as 2500000. */
export function numbersIn(text: string): number[] {
  return [...text.matchAll(/(\d+(?:,\d{3})*(?:\.\d+)?)(?:\s?(thousand|million|billion|trillion|bn)\b)?/gi)]
    .map((m) => Number(m[1].replace(/,/g, "")) * (m[2] ? SCALE[m[2].toLowerCase()] : 1))
    .filter((n) => n > 0);
}

const close = (a: number, b: number) => Math.abs(a - b) <= 0.05 * Math.max(Math.abs(a), Math.abs(b));

/** Does arithmetic on the prompt's other numbers give the answer's number (1 TB a month → 36 TB in 3 years)? */
export function derivedNumber(prompt: string, answerNumber: number): boolean {
  if (!ARITHMETIC_CUE.test(prompt) || !(answerNumber > 0)) return false;
  const numbers = numbersIn(prompt.split(GAP).join(" "));
  if (numbers.length === 0) return false;
  if (numbers.some((n) => close(n, answerNumber))) return false;
  for (let i = 0; i < numbers.length; i++) {
    const a = numbers[i];
    for (const f of FACTORS) {
      if (f !== 1 && (close(a * f, answerNumber) || close(a / f, answerNumber) || close(f / a, answerNumber))) return true;
      for (let j = 0; j < numbers.length; j++) {
        if (j === i) continue;
        const b = numbers[j];
        if (close(a * b * f, answerNumber) || close((a / b) * f, answerNumber) || close((a * b) / f, answerNumber)) return true;
      }
    }
  }
  return false;
}
