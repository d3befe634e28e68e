/**
 * What makes a card well formed, whoever wrote it: the generator's rules applied to a card
 * added by hand, to an edit, and to a card changed in the import preview.
 */
import { answerLeaks } from "../generator/leak";
import { GAP, type CardKind } from "../generator/types";

/** A card's kind as studied: the generator's two, and basic (question, then answer), which Anki imports bring. */
export type StudyCardKind = CardKind | "basic";

export interface CardContent {
  kind: StudyCardKind;
  prompt: string;
  answer: string;
  /** Choice cards only: the options, the answer among them exactly once. */
  options: readonly string[] | null;
}

const key = (text: string) => text.trim().toLowerCase();

/** Why the card cannot be studied as it is, in a sentence; null when it is fine. */
export function cardContentProblem(card: CardContent): string | null {
  const gaps = card.prompt.split(GAP).length - 1;
  if (card.kind === "cloze") {
    if (gaps !== 1) return `A cloze card needs exactly one gap, written ${GAP}, where the answer goes.`;
    if (card.options?.length) return "A cloze card has no options.";
  } else if (card.kind === "basic") {
    if (gaps > 0) return `A question card has no gap (${GAP}): its answer shows below it.`;
    if (card.options?.length) return "A question card has no options.";
    if (card.answer.trim() === "") return "Write the answer.";
  } else {
    if (gaps > 1) return `A question has at most one gap (${GAP}).`;
    const options = card.options ?? [];
    if (options.length < 2) return "A choice card needs at least 2 options.";
    const keys = options.map(key);
    if (new Set(keys).size !== keys.length) return "Options must all be different.";
    if (keys.filter((option) => option === key(card.answer)).length !== 1) return "The answer must be one of the options, exactly once.";
  }
  if (card.prompt.replace(GAP, "").trim() === "") return "Write the text around the answer.";
  if (answerLeaks(card.answer, card.prompt)) return "The prompt gives the answer away: take the answer's words out of it.";
  return null;
}

/** The sentence a card came from, for a card written by hand: a cloze's gap filled in, or the question and its answer. */
export function handWrittenSource(card: Pick<CardContent, "kind" | "prompt" | "answer">): string {
  return card.kind === "cloze" ? card.prompt.replace(GAP, card.answer) : `${card.prompt.trim()} ${card.answer.trim()}`;
}
