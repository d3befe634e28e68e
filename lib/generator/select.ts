/**
 * selectCards: over-generated candidates → the deck. Best first, a candidate is kept when it is
 * good enough, its sentence has no card yet, it asks a fact no kept card asks (same answer about
 * the same thing, or the same statement made twice in the document), its answer has not been
 * asked twice already, and its
 * section still has room: a section's room grows with its words, so a dense page gives many
 * cards and a page of anecdote few. What is good but did not fit is offered as extra candidates.
 */
import { STOPWORDS, contentWords } from "./normalise";

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
  /** The term the card's sentence defines, if any. */
  term?: string;
  /** The two directions of one definition (term → definition, definition → term) share this key: they are not repeats of each other. */
  pair?: string;
}

export interface Budget {
  /** Words of text under each topic (null = summary and key points). */
  words: Map<string | null, number>;
  maxPerTopic: number;
  /** Room a topic has beyond its words: the definitions it lays out (and, without cloze cards, its numbers). */
  extra?: Map<string | null, number>;
}

/** Below this a card is not worth a learner's time (about half of the cards between 0.65 and 0.70 were generic blanks: "concise way", "AI industry"). */
export const MIN_QUALITY = 0.7;
/** The same answer is asked at most this often in a deck, and once in a section. */
const MAX_SAME_ANSWER = 2;
/** One card per this many words of a section, at least two. */
const WORDS_PER_CARD = 35;
const MAX_EXTRAS = 60;

interface Entry<T> {
  card: T; fact: string; answerWords: Set<string>; words: Set<string>; sourceWords: Set<string>;
  /** Stems of the source's content words and numbers ("prices" and "pricing" → "pric", "90-95%" → "90", "95"). */
  stems: Set<string>;
  answerStems: Set<string>;
}

/** Stems for comparing what two sentences say: endings dropped, then the first five letters. */
export function stems(text: string): Set<string> {
  const words = (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => (w.length > 2 || /\d/.test(w)) && !STOPWORDS.has(w));
  return new Set(words.map((w) => (/\d/.test(w) ? w : w.replace(/(?:ing|ed|es|e|s|ion|ions|ation|ations|ly)$/, "").slice(0, 5))));
}

/** `common`: stems of the document's subject ("water" in a chapter on water), which any two of its sentences share. */
function entryOf<T extends Selectable>(card: T, common: Set<string>): Entry<T> {
  const answerWords = new Set(contentWords(card.answer));
  const sourceWords = new Set(contentWords(card.source));
  return {
    card, fact: card.fact, answerWords, words: new Set([...sourceWords].filter((w) => !answerWords.has(w))), sourceWords,
    stems: new Set([...stems(card.source)].filter((w) => !common.has(w))), answerStems: stems(card.answer),
  };
}

/** Stems in more than one sentence in ten (at least four). */
function commonStems(cards: Selectable[]): Set<string> {
  const sources = new Set(cards.map((c) => c.source));
  const count = new Map<string, number>();
  for (const source of sources) for (const w of stems(source)) count.set(w, (count.get(w) ?? 0) + 1);
  return new Set([...count].filter(([, n]) => n >= Math.max(4, sources.size / 10)).map(([w]) => w));
}

/** Key of an answer for "asked already": singular and plural, "technology" and "technologies", are one answer. */
function answerKey(card: Selectable): string {
  return card.fact.startsWith("text:") ? `text:${[...stems(card.answer)].join(" ")}` : card.fact;
}

function sharedCount(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared;
}

function sameFact<T extends Selectable>(a: Entry<T>, b: Entry<T>): boolean {
  if (a.card.pair !== undefined && a.card.pair === b.card.pair) return false;
  // the definitions of two terms ("hydrophilic", "hydrophobic") are two facts, however alike
  if (a.card.term !== undefined && b.card.term !== undefined && a.card.term !== b.card.term) return false;
  if (restated(a, b)) return true;
  if (a.fact === b.fact) {
    const shared = sharedCount(a.words, b.words);
    const smaller = Math.min(a.words.size, b.words.size);
    if (shared >= 2 || smaller > 0 && shared / smaller >= 0.4) return true;
  }
  // the same statement made twice (summary, key point, section): most words shared, and each asks what the other shows
  const smallerSource = Math.min(a.sourceWords.size, b.sourceWords.size);
  const sharedSource = sharedCount(a.sourceWords, b.sourceWords);
  if (smallerSource < 3 || sharedSource < 3 || sharedSource / smallerSource < 0.6) return false;
  const shows = (x: Entry<T>, y: Entry<T>) => x.answerWords.size > 0 && sharedCount(x.answerWords, y.sourceWords) * 2 >= x.answerWords.size;
  return a.fact === b.fact || shows(a, b) || shows(b, a);
}

/**
 * The same claim told twice in other words (a summary and its section, a key point and its detail):
 * the two sentences share most of what they say, and one shows the other's answer.
 */
function restated<T extends Selectable>(a: Entry<T>, b: Entry<T>): boolean {
  const shared = sharedCount(a.stems, b.stems);
  if (shared < 4 || shared / Math.min(a.stems.size, b.stems.size) < 0.35) return false;
  // every number and all but one word in three of the answer: "the sodium ion is surrounded…" does not show
  // "chloride ion"; "innovative products … higher prices" shows "innovation and premium pricing"
  const shows = (x: Entry<T>, y: Entry<T>) => {
    const n = x.answerStems.size;
    return n > 0 && sharedCount(x.answerStems, y.stems) >= n - Math.floor(n / 3) && [...x.answerStems].every((w) => !/\d/.test(w) || y.stems.has(w));
  };
  return shows(a, b) || shows(b, a);
}

/** Kept cards, found by fact and by their rarest words, so checking a candidate does not scan the whole deck. */
class FactIndex<T extends Selectable> {
  private readonly byFact = new Map<string, Entry<T>[]>();
  private readonly byWord = new Map<string, Entry<T>[]>();

  add(entry: Entry<T>): void {
    this.byFact.set(entry.fact, [...(this.byFact.get(entry.fact) ?? []), entry]);
    for (const w of entry.stems) {
      const list = this.byWord.get(w) ?? [];
      list.push(entry);
      this.byWord.set(w, list);
    }
  }

  repeats(entry: Entry<T>): boolean {
    if ((this.byFact.get(entry.fact) ?? []).some((k) => sameFact(k, entry))) return true;
    // the rarest stems kept cards share with it: a stem no kept card has finds nothing
    const rarest = [...entry.stems].filter((w) => this.byWord.has(w)).sort((a, b) => this.byWord.get(a)!.length - this.byWord.get(b)!.length).slice(0, 6);
    const seen = new Set<Entry<T>>();
    for (const w of rarest) {
      for (const k of (this.byWord.get(w) ?? []).slice(-200)) {
        if (seen.has(k)) continue;
        seen.add(k);
        if (sameFact(k, entry)) return true;
      }
    }
    return false;
  }
}

export function selectCards<T extends Selectable>(candidates: T[], budget: Budget): { cards: T[]; extras: T[] } {
  const order = [...candidates].sort((a, b) => Number(Boolean(b.required)) - Number(Boolean(a.required)) || b.quality - a.quality || a.position - b.position);
  const kept: T[] = [];
  const index = new FactIndex<T>();
  const common = commonStems(candidates);
  const extras: T[] = [];
  const perTopic = new Map<string | null, number>();
  const perAnswer = new Map<string, number>();
  const sentences = new Set<string>();
  const room = (topic: string | null) =>
    Math.min(budget.maxPerTopic, Math.max(2, Math.round((budget.words.get(topic) ?? 0) / WORDS_PER_CARD))) + (budget.extra?.get(topic) ?? 0);

  for (const card of order) {
    const answer = answerKey(card);
    if (sentences.has(card.source)) continue;
    const entry = entryOf(card, common);
    if (index.repeats(entry)) continue;
    const topicAnswer = `${card.topic}\u0000${answer}`;
    // a name ("MySQL Database", "S3") may be the answer to two facts; a common phrase only to one
    const maxSame = /\d|.\p{Lu}/u.test(card.answer) ? MAX_SAME_ANSWER : 1;
    const fits = card.required || card.quality >= MIN_QUALITY && (perTopic.get(card.topic) ?? 0) < room(card.topic)
      && (perAnswer.get(answer) ?? 0) < maxSame && !perAnswer.has(topicAnswer);
    if (!fits) {
      if (extras.length < MAX_EXTRAS && (perAnswer.get(answer) ?? 0) < MAX_SAME_ANSWER && !extras.some((e) => e.source === card.source)) extras.push(card);
      continue;
    }
    kept.push(card);
    index.add(entry);
    perTopic.set(card.topic, (perTopic.get(card.topic) ?? 0) + 1);
    perAnswer.set(answer, (perAnswer.get(answer) ?? 0) + 1);
    perAnswer.set(topicAnswer, 1);
    sentences.add(card.source);
  }
  const byPosition = (a: T, b: T) => a.position - b.position;
  // an extra set aside early may ask what a card kept later asks
  const fresh = extras.filter((e) => !sentences.has(e.source) && !index.repeats(entryOf(e, common)));
  return { cards: kept.sort(byPosition), extras: fresh.sort((a, b) => b.quality - a.quality) };
}
