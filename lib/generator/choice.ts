/**
 * buildChoice: multiple-choice cards. Numeric claims get options in their own unit (see
 * distractors.ts); bounds get a stem that makes only one option true. Named terms (which model,
 * which company, which place) get distractors of the same kind from the same document.
 */
import { answerLeaks } from "./leak";
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

/** A numeric claim as a choice card; `prompt` already has the claim's answer gapped. */
export function buildChoice(prompt: string, claim: NumericClaim, pool: NumericClaim[], seed: number): ChoiceCard | null {
  const rest = new Set(numbersIn(prompt));
  if (numbersIn(claim.answer).some((n) => rest.has(n))) return null;
  const options = numericOptions(claim, pool, seed)?.filter((o) => o === claim.answer.trim() || !numbersIn(o).some((n) => rest.has(n)));
  if (!options || options.length < 3) return null;
  let stem = prompt;
  if (claim.kind === "bound") {
    const noun = BOUND_NOUN[claim.format.unit] ?? "value";
    stem = claim.threshold
      ? `What threshold is stated? ${prompt}`
      : `What ${claim.bound === "min" ? "minimum" : "maximum"} ${noun} is stated? ${prompt}`;
  }
  return { prompt: stem, answer: claim.answer.trim(), options };
}

const CHOICE_KINDS = new Set(["model", "company", "place", "nationality"]);

/** "Which company / model / place": distractors are other terms of the same kind in the document. */
export function buildTermChoice(prompt: string, occurrence: TermOccurrence, terms: TermIndex): ChoiceCard | null {
  const { term } = occurrence;
  if (!CHOICE_KINDS.has(term.kind)) return null;
  return buildListChoice(prompt, occurrence.text, terms.sameKind(term).map((t) => t.display), 0);
}

/**
 * A choice among terms of one kind (defined terms with defined terms, models with models): the
 * answer and three others that are not part of it, not shown in the prompt, taken in turn from
 * a seeded start so neighbouring cards do not all offer the same ones.
 */
export function buildListChoice(prompt: string, answer: string, others: string[], seed: number): ChoiceCard | null {
  const keys = new Set([matchKey(answer)]);
  const usable = others.filter((o) => o.length >= 2 && !answerLeaks(o, prompt));
  const distractors: string[] = [];
  for (let k = 0; k < usable.length && distractors.length < 3; k++) {
    const other = usable[(k + seed) % usable.length];
    const key = matchKey(other);
    if ([...keys].some((known) => known.includes(key) || key.includes(known))) continue;
    keys.add(key);
    distractors.push(other);
  }
  if (distractors.length < 3) return null;
  const options = [answer, ...distractors].sort((a, b) => matchKey(a).localeCompare(matchKey(b)));
  return { prompt, answer, options };
}
