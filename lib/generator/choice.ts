/**
 * Choice cards. Numeric claims get options in their own unit (see distractors.ts), none of them a
 * number the prompt shows. Terms get distractors of the same kind from the same document: defined
 * terms with defined terms, models with models.
 */
import { answerLeaks } from "./leak";
import { numericOptions } from "./distractors";
import { matchKey } from "./normalise";
import type { NumericClaim } from "./numeric-claims";
import { numeralsIn as numbersIn } from "./quantity";

export interface ChoiceCard { prompt: string; answer: string; options: string[] }


/** A numeric claim as a choice card; `prompt` already has the claim's answer gapped. */
export function buildChoice(prompt: string, claim: NumericClaim, pool: NumericClaim[], seed: number): ChoiceCard | null {
  const rest = new Set(numbersIn(prompt));
  if (numbersIn(claim.answer).some((n) => rest.has(n))) return null;
  const options = numericOptions(claim, pool, seed)?.filter((o) => o === claim.answer.trim() || !numbersIn(o).some((n) => rest.has(n)));
  if (!options || options.length < 3) return null;
  return { prompt, answer: claim.answer.trim(), options };
}

/**
 * A choice among terms of one kind (defined terms with defined terms, models with models): the
 * answer and three others that are not part of it, not shown in the prompt, taken in turn from
 * a seeded start so neighbouring cards do not all offer the same ones. `fewest`: distractors needed (3 options at the least).
 */
export function buildListChoice(prompt: string, answer: string, others: string[], seed: number, fewest = 3): ChoiceCard | null {
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
  if (distractors.length < fewest) return null;
  const options = [answer, ...distractors].sort((a, b) => matchKey(a).localeCompare(matchKey(b)));
  return { prompt, answer, options };
}
