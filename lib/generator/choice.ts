/**
 * buildChoice: multiple-choice cards. Numeric claims get options in their own unit (see
 * distractors.ts); bounds get a stem that makes only one option true. Named terms (which model,
 * which company, which place) get distractors of the same kind from the same document.
 */
import { answerLeaks } from "./leak";
import { gapSentence } from "./cloze";
import { numericOptions } from "./distractors";
import { matchKey } from "./normalise";
import type { NumericClaim } from "./numeric-claims";
import type { TermIndex, TermOccurrence } from "./terms";

export interface ChoiceCard { prompt: string; answer: string; options: string[] }

const BOUND_NOUN: Record<string, string> = {
  percent: "share", money: "amount", count: "number", duration: "time", temperature: "temperature", times: "factor", year: "year",
};

function numbersIn(text: string): string[] {
  return text.match(/\d+(?:[.,]\d+)*/g) ?? [];
}

export function buildChoice(sentence: string, claim: NumericClaim, pool: NumericClaim[], seed: number): ChoiceCard | null {
  const gapped = gapSentence(sentence, claim.start, claim.end);
  const rest = new Set(numbersIn(gapped.replace(claim.text === claim.answer ? "" : claim.text, "")));
  if (numbersIn(claim.answer).some((n) => rest.has(n))) return null;
  const options = numericOptions(claim, pool, seed);
  if (!options) return null;
  let prompt = gapped;
  if (claim.kind === "bound") {
    const noun = BOUND_NOUN[claim.format.unit] ?? "value";
    prompt = claim.threshold
      ? `What threshold is stated? ${gapped}`
      : `What ${claim.bound === "min" ? "minimum" : "maximum"} ${noun} is stated? ${gapped}`;
  }
  return { prompt, answer: claim.answer.trim(), options };
}

const CHOICE_KINDS = new Set(["model", "company", "place", "nationality"]);

/** "Which company / model / place": distractors are other terms of the same kind in the document. */
export function buildTermChoice(sentence: string, occurrence: TermOccurrence, terms: TermIndex): ChoiceCard | null {
  const { term } = occurrence;
  if (!CHOICE_KINDS.has(term.kind)) return null;
  const prompt = gapSentence(sentence, occurrence.start, occurrence.end);
  if (answerLeaks(occurrence.text, prompt)) return null;
  const distractors: string[] = [];
  const keys = new Set([term.key]);
  for (const other of terms.sameKind(term)) {
    if (distractors.length === 3) break;
    if ([...keys].some((k) => k.includes(other.key) || other.key.includes(k))) continue;
    if (answerLeaks(other.display, prompt) || other.display.length < 2) continue;
    keys.add(other.key);
    distractors.push(other.display);
  }
  if (distractors.length < 2) return null;
  const options = [occurrence.text, ...distractors].sort((a, b) => matchKey(a).localeCompare(matchKey(b)));
  return { prompt, answer: occurrence.text, options };
}
