/** A believable wrong value for a numeric answer: the same unit and shape, a different number. */
import type { Random } from "./random";
import { shuffle } from "./random";

const NUMBER = /\d+(?:\.\d+)?/g;
const PERCENT_SHIFTS = [-30, -20, -10, 10, 20, 30];
const FACTORS = [0.5, 2, 1.5, 3, 0.75];

function decimals(text: string): number {
  return text.includes(".") ? text.split(".")[1].length : 0;
}

/**
 * Every number in `answer` changed the same way (a range keeps its width or
 * ratio), e.g. "45%" → "25%", "8 weeks" → "16 weeks", "90-95%" → "60-65%".
 * Null when the answer has no number or no distinct value can be made.
 */
export function swapNumber(answer: string, random: Random): string | null {
  const numbers = answer.match(NUMBER);
  if (!numbers) return null;
  const values = numbers.map(Number);
  const percent = answer.includes("%") && values.every((v) => v <= 100);
  const moves: Array<(v: number) => number> = percent
    ? PERCENT_SHIFTS.map((d) => (v: number) => v + d)
    : FACTORS.map((f) => (v: number) => v * f);
  for (const move of shuffle(moves, random)) {
    const next = values.map(move);
    if (next.some((v) => v <= 0 || (percent && v > 100))) continue;
    const texts = next.map((v, i) => v.toFixed(decimals(numbers[i])));
    if (texts.every((t, i) => Number(t) === values[i])) continue;
    if (texts.some((t) => Number(t) <= 0)) continue;
    let i = 0;
    return answer.replace(NUMBER, () => texts[i++]);
  }
  return null;
}
