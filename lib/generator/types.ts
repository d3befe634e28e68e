/** Public data shapes of the card generator. */

export type CardKind = "cloze" | "choice";

/** A section or subsection of the document. `path` is "3", "4.1" or "A"; the title has emoji and numbering stripped. */
export interface TopicDraft {
  path: string;
  title: string;
  order: number;
}

export interface CardDraft {
  /** Stable fingerprint of the fact (hex). The same document gives the same ids. */
  id: string;
  kind: CardKind;
  /** Topic path, or null for document-level facts (summary, key points). */
  topic: string | null;
  /** Cloze: the sentence with exactly one "[...]" gap. Choice: a question stem. */
  prompt: string;
  answer: string;
  /** Choice only: 3-5 options including the answer exactly once. */
  options?: string[];
  /** The source sentence or bullet, as it reads in the document. */
  source: string;
  /** 0..1: how good the card is (answer worth remembering, prompt that stands alone); ranks cards. */
  quality: number;
}

export interface DeckDraft {
  title: string;
  summary: string | null;
  topics: TopicDraft[];
  /** The deck the generator stands behind, best first within each topic's document order. */
  cards: CardDraft[];
  /** Further candidates that were good but below the bar or over the budget, best first. */
  candidates: CardDraft[];
  /** Words of text the cards were made from (code, tables and headings not counted). */
  words: number;
  /** The document's main language, ISO 639-1 ("de"); ISO 639-3 for a language with no two-letter code. */
  language: string;
  /**
   * "full": every kind of card (English). "layout": a document in another language gets only what
   * needs no English grammar: choice cards on its numbers and on the definitions its layout marks.
   */
  mode: "full" | "layout";
}

/** Cards below this quality start unticked in the import preview. */
export const WEAK_QUALITY = 0.72;

export interface GenerateOptions {
  /** The title of a document that has no heading or title line of its own (an uploaded file's name); else its first line gives one. */
  fallbackTitle?: string;
  /** Upper bound on cards per topic (document-level cards count as one topic). Default 8. */
  maxCardsPerTopic?: number;
}

/** The gap marker used in cloze prompts and choice stems. */
export const GAP = "[...]";
