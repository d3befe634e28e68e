/**
 * selectCards: over-generated candidates → the deck. Best first, a candidate is kept when it is
 * good enough, its sentence has no card yet, it asks a fact no kept card asks (same answer about
 * the same thing, or the same statement made twice in the document), its answer has not been
 * asked twice already, and its
 * section still has room: a section's room grows with its words, so a dense page gives many
 * cards and a page of anecdote few. What is good but did not fit is offered as extra candidates.
 */
import { contentWords } from "./normalise";

export interface Selectable {
  /** What is asked: the number with its unit ("range:percent:90:95") or the answer's text. */
  fact: string;
  answer: string;
  source: string;
  topic: string | null;
  quality: number;
  position: number;
  /** Kept even below the quality bar (the only card of a key point). */
  required?: boolean;
}

export interface Budget {
  /** Words of text under each topic (null = summary and key points). */
  words: Map<string | null, number>;
  maxPerTopic: number;
}

/** Below this a card is not worth a learner's time. */
export const MIN_QUALITY = 0.65;
/** The same answer is asked at most this often in a deck, and once in a section. */
const MAX_SAME_ANSWER = 2;
/** One card per this many words of a section, at least two. */
const WORDS_PER_CARD = 35;
const MAX_EXTRAS = 60;

function sameFact(a: { words: Set<string>; answer: string; sourceWords: Set<string> }, b: { words: Set<string>; answer: string; sourceWords: Set<string> }): boolean {
  let shared = 0;
  for (const w of a.words) if (b.words.has(w)) shared++;
  const smaller = Math.min(a.words.size, b.words.size);
  if (a.answer === b.answer && (shared >= 2 || smaller > 0 && shared / smaller >= 0.4)) return true;
  // the same statement made twice (summary, key point, section): most words shared
  let sharedSource = 0;
  for (const w of a.sourceWords) if (b.sourceWords.has(w)) sharedSource++;
  const smallerSource = Math.min(a.sourceWords.size, b.sourceWords.size);
  return smallerSource >= 3 && sharedSource / smallerSource >= 0.6 && (a.answer === b.answer || b.sourceWords.has(a.answer) || a.sourceWords.has(b.answer));
}

export function selectCards<T extends Selectable>(candidates: T[], budget: Budget): { cards: T[]; extras: T[] } {
  const order = [...candidates].sort((a, b) => Number(Boolean(b.required)) - Number(Boolean(a.required)) || b.quality - a.quality || a.position - b.position);
  const kept: { card: T; words: Set<string>; answer: string; sourceWords: Set<string> }[] = [];
  const extras: T[] = [];
  const perTopic = new Map<string | null, number>();
  const perAnswer = new Map<string, number>();
  const sentences = new Set<string>();
  const room = (topic: string | null) =>
    Math.min(budget.maxPerTopic, Math.max(2, Math.round((budget.words.get(topic) ?? 0) / WORDS_PER_CARD)));

  for (const card of order) {
    const answer = card.fact;
    const answerWords = new Set(contentWords(card.answer));
    const sourceWords = new Set(contentWords(card.source));
    const entry = { card, answer, words: new Set([...sourceWords].filter((w) => !answerWords.has(w))), sourceWords };
    if (kept.some((k) => sameFact(k, entry))) continue;
    if (sentences.has(card.source)) continue;
    const topicAnswer = `${card.topic}\u0000${answer}`;
    const fits = card.required || card.quality >= MIN_QUALITY && (perTopic.get(card.topic) ?? 0) < room(card.topic)
      && (perAnswer.get(answer) ?? 0) < MAX_SAME_ANSWER && !perAnswer.has(topicAnswer);
    if (!fits) {
      if (extras.length < MAX_EXTRAS && (perAnswer.get(answer) ?? 0) < MAX_SAME_ANSWER && !extras.some((e) => e.source === card.source)) extras.push(card);
      continue;
    }
    kept.push(entry);
    perTopic.set(card.topic, (perTopic.get(card.topic) ?? 0) + 1);
    perAnswer.set(answer, (perAnswer.get(answer) ?? 0) + 1);
    perAnswer.set(topicAnswer, 1);
    sentences.add(card.source);
  }
  const byPosition = (a: T, b: T) => a.position - b.position;
  const cards = kept.map((k) => k.card);
  const keptSources = new Set(cards.map((c) => c.source));
  return { cards: cards.sort(byPosition), extras: extras.filter((e) => !keptSources.has(e.source)).sort((a, b) => b.quality - a.quality) };
}
