/**
 * scoreCard rates a card 0..1; dedupe keeps one card per fact (the same figure or answer said
 * about the same thing in the summary, a key point and a section); capPerTopic keeps the best.
 */
import { contentWords, wordCount } from "./normalise";

export type Origin = "keyPoint" | "summary" | "section";
export type SpanKind = "numeric" | "term" | "phrase" | "list";

export interface ScoreInput { origin: Origin; spanKind: SpanKind; spanScore: number; source: string }

const ORIGIN_WEIGHT: Record<Origin, number> = { keyPoint: 1, section: 0.75, summary: 0.7 };
const VAGUE_START = /^(this|these|that|those|their|they|it|its|such|he|she)\b/i;
const HEDGED = /\b(may|might|could|perhaps|possibly|suggests?|although specific)\b/i;

export function scoreCard(input: ScoreInput): number {
  const words = wordCount(input.source);
  let shape = words < 6 ? 0.7 : words <= 35 ? 1 : Math.max(0.5, 1 - (words - 35) / 50);
  if (VAGUE_START.test(input.source)) shape *= 0.7;
  if (HEDGED.test(input.source)) shape *= 0.9;
  const span = input.spanKind === "numeric" ? 0.95 : Math.max(0, Math.min(1, input.spanScore));
  const quality = 0.5 * span + 0.3 * ORIGIN_WEIGHT[input.origin] + 0.2 * shape;
  return Math.round(Math.max(0, Math.min(1, quality)) * 1000) / 1000;
}

export interface Dedupable {
  /** What is being asked: a canonical number with its unit, or the normalised answer text. */
  factKey: string;
  answer: string;
  source: string;
  quality: number;
  position: number;
}

function aboutTheSame(a: Set<string>, b: Set<string>): boolean {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  const union = a.size + b.size - shared;
  return shared >= 2 || (union > 0 && shared / union >= 0.3);
}

/** One card per fact: among cards asking for the same answer about the same subject, the best stays. */
export function dedupe<T extends Dedupable>(cards: T[]): T[] {
  const groups = new Map<string, T[]>();
  for (const card of cards) {
    const list = groups.get(card.factKey) ?? [];
    list.push(card);
    groups.set(card.factKey, list);
  }
  const kept: T[] = [];
  for (const group of groups.values()) {
    group.sort((a, b) => b.quality - a.quality || a.position - b.position);
    const winners: { card: T; words: Set<string> }[] = [];
    const exact = new Set<string>();
    for (const card of group) {
      const sourceKey = contentWords(card.source).join(" ");
      if (exact.has(sourceKey)) continue;
      exact.add(sourceKey);
      const answerWords = new Set(contentWords(card.answer));
      const words = new Set(contentWords(card.source).filter((w) => !answerWords.has(w)));
      if (winners.slice(0, 50).some((w) => aboutTheSame(w.words, words))) continue;
      winners.push({ card, words });
    }
    kept.push(...winners.map((w) => w.card));
  }
  return kept.sort((a, b) => a.position - b.position);
}

/** Keeps the best `max` cards of each topic (null = the document), in document order. */
export function capPerTopic<T extends Dedupable & { topic: string | null }>(cards: T[], max: number): T[] {
  const byTopic = new Map<string | null, T[]>();
  for (const card of cards) {
    const list = byTopic.get(card.topic) ?? [];
    list.push(card);
    byTopic.set(card.topic, list);
  }
  const kept: T[] = [];
  for (const list of byTopic.values()) {
    kept.push(...[...list].sort((a, b) => b.quality - a.quality || a.position - b.position).slice(0, max));
  }
  return kept.sort((a, b) => a.position - b.position);
}
