/**
 * What sort of thing an answer is, so a multiple-choice question offers
 * distractors of the same sort: numbers in the same unit, names with names,
 * phrases of a similar length with phrases.
 */
import { normaliseAnswer } from "./check-answer";

export type AnswerKind =
  | { kind: "number"; unit: string; range: boolean }
  | { kind: "name" }
  | { kind: "phrase"; words: number };

const NUMBER = String.raw`\d+(?:[.,]\d+)*`;
const QUANTITY = new RegExp(
  String.raw`^(?:about |around |over |under |nearly |~)?([$€£])?\s*${NUMBER}(\s*(?:-|–|—|to)\s*[$€£]?${NUMBER})?\s*(%|[a-z][a-z ]{0,24})?$`,
  "i",
);

function singular(word: string): string {
  return word.length > 3 && word.endsWith("s") ? word.slice(0, -1) : word;
}

/**
 * `gapAtStart`: the gap opens its sentence, so a capital letter there says
 * nothing about whether the answer is a name ("Constraints can drive…").
 */
export function answerKind(answer: string, gapAtStart = false): AnswerKind {
  const text = answer.trim();
  const quantity = QUANTITY.exec(text);
  if (quantity) {
    const currency = quantity[1] ?? "";
    const suffix = (quantity[3] ?? "").trim().toLowerCase().split(/\s+/).map(singular).join(" ");
    return { kind: "number", unit: `${currency}${suffix}`, range: Boolean(quantity[2]) };
  }
  const words = text.split(/\s+/).filter(Boolean);
  // Every part of every word capitalised: "Deep Seek R1", "US-China"; not "AI-driven".
  const capitalised = words.every((word) => word.split("-").every((part) => /^[A-Z0-9]/.test(part)));
  const innerSignal = words.length > 1 || /[A-Z0-9]/.test(text.slice(1));
  if (capitalised && (!gapAtStart || innerSignal)) return { kind: "name" };
  return { kind: "phrase", words: normaliseAnswer(text).split(" ").length };
}

/** Could `other` stand in for an answer of kind `kind`? */
export function sameKind(kind: AnswerKind, other: AnswerKind): boolean {
  if (kind.kind === "number") return other.kind === "number" && other.unit === kind.unit;
  if (kind.kind === "name") return other.kind === "name";
  return other.kind === "phrase" && Math.abs(other.words - kind.words) <= 1;
}
