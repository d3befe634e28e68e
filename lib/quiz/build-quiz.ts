/**
 * Turns a topic's cards into a quiz: a shuffled, seeded mix of multiple choice,
 * typed answers and true/false statements with one number swapped.
 */
import { answerKind, sameKind, type AnswerKind } from "./answer-kind";
import { normaliseAnswer, shortForms } from "./check-answer";
import { pick, seededRandom, shuffle, type Random } from "./random";
import { swapNumber } from "./swap-number";
import { GAP, type QuestionType, type QuizCard, type QuizQuestion } from "./types";

export interface BuildQuizOptions {
  /** How many questions are wanted; fewer come back when there are fewer cards. */
  count: number;
  seed: string;
  /** The document's cards, whose answers serve as distractors (defaults to `cards`). */
  pool?: readonly QuizCard[];
}

/** Keys 1-5 pick an option, so a question never shows more. */
export const MAX_OPTIONS = 5;
const TARGET_OPTIONS = 4;
/** Longer answers are asked as multiple choice: typing a whole clause exactly is a spelling test. */
const MAX_TYPED_WORDS = 4;

const fill = (prompt: string, value: string) => prompt.replace(GAP, value);

function distinctFrom(taken: string[]) {
  const seen = new Set(taken.map(normaliseAnswer));
  return (candidate: string) => {
    const key = normaliseAnswer(candidate);
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  };
}

/** Options of a choice card: its own, deduplicated, at most five, the answer kept. */
function ownOptions(card: QuizCard, random: Random): string[] | null {
  if (card.kind !== "choice" || !card.options) return null;
  const keep = distinctFrom([card.answer]);
  const others = shuffle(card.options.filter(keep), random).slice(0, MAX_OPTIONS - 1);
  if (others.length < 2 || !card.options.some((o) => normaliseAnswer(o) === normaliseAnswer(card.answer))) return null;
  return shuffle([card.answer, ...others], random);
}

/**
 * A phrase borrowed from another sentence takes the capitalisation of this gap,
 * so "Constraints" among "chip usage, entry barriers" does not give itself away.
 */
function matchCase(phrase: string, gapAtStart: boolean): string {
  const first = phrase.split(/\s+/)[0];
  if (/[A-Z].*[A-Z]/.test(first)) return phrase; // "AI", "US-China": an acronym stays as it is
  return (gapAtStart ? phrase[0].toUpperCase() : phrase[0].toLowerCase()) + phrase.slice(1);
}

/** Words before a gap that ask for a place ("returns to the [...]", "flows through [...]"). */
const PLACE_WORDS = new Set(["to", "into", "from", "through", "in", "inside", "at", "toward", "towards", "via", "onto", "out"]);
const ARTICLES = new Set(["the", "a", "an", "its", "their"]);

/**
 * What the gap's sentence asks for, read from the word before it: a place after "to", "into",
 * "through"…, otherwise that word itself ("called [...]", "by [...]"). Answers that fill the
 * same slot are the most plausible distractors: "blood pressure" is no place blood returns to.
 */
function slotOf(prompt: string): string {
  const before = prompt.slice(0, Math.max(0, prompt.indexOf(GAP))).toLowerCase().match(/[a-z]+/g) ?? [];
  const word = [...before].reverse().find((w) => !ARTICLES.has(w)) ?? "";
  return PLACE_WORDS.has(word) ? "place" : word;
}

/** Options for a cloze card: same-kind answers of other cards (numbers topped up with swapped values). */
function poolOptions(card: QuizCard, kind: AnswerKind, pool: readonly QuizCard[], random: Random): string[] | null {
  const keep = distinctFrom([card.answer]);
  const slot = slotOf(card.prompt);
  const candidates = pool
    .filter((other) => other.id !== card.id)
    .map((other) => ({ text: other.answer.trim(), kind: answerKind(other.answer, other.prompt.startsWith(GAP)), slot: slotOf(other.prompt) }))
    .filter((other) => sameKind(kind, other.kind));
  const sameShape = (c: (typeof candidates)[number]) => kind.kind !== "number" || (c.kind.kind === "number" && c.kind.range === kind.range);
  const sameSlot = (c: (typeof candidates)[number]) => kind.kind === "number" || (slot !== "" && c.slot === slot);
  const rank = (c: (typeof candidates)[number]) => (sameShape(c) ? 0 : 2) + (sameSlot(c) ? 0 : 1);
  const ordered = [0, 1, 2, 3].flatMap((level) => shuffle(candidates.filter((c) => rank(c) === level), random));
  const gapAtStart = card.prompt.startsWith(GAP);
  const distractors = ordered.map((c) => (kind.kind === "phrase" ? matchCase(c.text, gapAtStart) : c.text)).filter(keep).slice(0, TARGET_OPTIONS - 1);
  for (let tries = 0; kind.kind === "number" && distractors.length < TARGET_OPTIONS - 1 && tries < 8; tries++) {
    const swapped = swapNumber(card.answer, random);
    if (swapped && keep(swapped)) distractors.push(swapped);
  }
  if (distractors.length < 2) return null;
  return shuffle([card.answer.trim(), ...distractors], random);
}

function trueFalse(card: QuizCard, kind: AnswerKind, random: Random): QuizQuestion | null {
  if (kind.kind !== "number" || !card.prompt.includes(GAP)) return null;
  const swapped = swapNumber(card.answer, random);
  if (!swapped || normaliseAnswer(swapped) === normaliseAnswer(card.answer)) return null;
  const isTrue = random() < 0.5;
  const truth = fill(card.prompt, card.answer.trim());
  return {
    cardId: card.id,
    type: "truefalse",
    prompt: isTrue ? truth : fill(card.prompt, swapped),
    options: null,
    answer: isTrue ? "true" : "false",
    truth,
    source: card.source,
  };
}

/** Every question this card could become. */
function candidatesFor(card: QuizCard, pool: readonly QuizCard[], random: Random): QuizQuestion[] {
  const kind = answerKind(card.answer, card.prompt.startsWith(GAP));
  const base = { cardId: card.id, prompt: card.prompt, answer: card.answer.trim(), truth: null, source: card.source };
  const out: QuizQuestion[] = [];
  const options = ownOptions(card, random) ?? poolOptions(card, kind, pool, random);
  if (options) out.push({ ...base, type: "choice", options });
  const words = card.answer.trim().split(/\s+/).length;
  const typed = (): QuizQuestion => ({ ...base, type: "typed", options: null, shortForms: shortForms(card.answer, pool.filter((o) => o.id !== card.id).map((o) => o.answer)) });
  if (card.kind !== "choice" && (words <= MAX_TYPED_WORDS || !options)) out.push(typed());
  const statement = trueFalse(card, kind, random);
  if (statement) out.push(statement);
  if (out.length === 0) out.push(typed());
  return out;
}

/**
 * Up to `count` questions, one per card, in a seeded random order. Each card
 * becomes the question type used least so far among the types it allows, so a
 * quiz mixes multiple choice, typed answers and true/false where the cards let it.
 */
export function buildQuiz(cards: readonly QuizCard[], options: BuildQuizOptions): QuizQuestion[] {
  const random = seededRandom(options.seed);
  const pool = options.pool ?? cards;
  const chosen = shuffle(cards, random).slice(0, Math.max(0, Math.floor(options.count)));
  const used: Record<QuestionType, number> = { choice: 0, typed: 0, truefalse: 0 };
  return chosen.map((card) => {
    const candidates = candidatesFor(card, pool, random);
    const fewest = Math.min(...candidates.map((q) => used[q.type]));
    const question = pick(candidates.filter((q) => used[q.type] === fewest), random);
    used[question.type]++;
    return question;
  });
}
