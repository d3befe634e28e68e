/** generateDeck: document text → title, summary, topics and ranked, deduplicated cards. */
import { buildChoice, buildTermChoice } from "./choice";
import { buildCloze, gapSentence, type LemmaFrequency } from "./cloze";
import { checkText } from "./check-input";
import { GeneratorError } from "./errors";
import { fingerprint, stableSeed } from "./fingerprint";
import { matchKey, wordCount } from "./normalise";
import { extractNumericClaims, type NumericClaim } from "./numeric-claims";
import { parseDocument } from "./parse-document";
import { capPerTopic, dedupe, scoreCard, type Origin, type SpanKind } from "./score";
import { tagSentences, type TaggedSentence } from "./sentences";
import { collectTerms } from "./terms";
import type { CardDraft, DeckDraft, GenerateOptions, TopicDraft } from "./types";

export const DEFAULT_MAX_CARDS_PER_TOPIC = 8;
/** The same answer is asked at most this often in a deck ("China" for every sentence about China teaches little). */
const MAX_SAME_ANSWER = 2;
/** Below this a card is not worth a learner's time, unless it is the only card of a key point. */
const MIN_QUALITY = 0.7;

interface Statement { sentence: TaggedSentence; origin: Origin; topic: string | null; position: number }
interface Candidate extends CardDraft { factKey: string; position: number }

function toCardDraft(candidate: Candidate): CardDraft {
  const { factKey, position, ...card } = candidate;
  void factKey;
  void position;
  return card;
}

function usable(text: string): boolean {
  const words = wordCount(text);
  return words >= 4 && words <= 90 && /\p{L}/u.test(text) && !/\?$/.test(text);
}

function claimKey(claim: NumericClaim): string {
  const unit = claim.format.unit;
  const noun = unit === "count" ? `:${claim.format.noun?.[1] ?? ""}` : "";
  return claim.kind === "range" ? `range:${unit}:${claim.value}:${claim.high}` : `num:${unit}${noun}:${claim.canonical}:${claim.bound ?? ""}`;
}

export function generateDeck(text: string, options: GenerateOptions = {}): DeckDraft {
  checkText(text);
  const maxPerTopic = Math.max(1, Math.floor(options.maxCardsPerTopic ?? DEFAULT_MAX_CARDS_PER_TOPIC));
  const doc = parseDocument(text);

  const statements: Statement[] = [];
  const add = (block: string, origin: Origin, topic: string | null) => {
    for (const sentence of tagSentences(block)) statements.push({ sentence, origin, topic, position: statements.length });
  };
  doc.keyPoints.forEach((p) => add(p, "keyPoint", null));
  if (doc.summary) add(doc.summary, "summary", null);
  for (const section of doc.sections) for (const block of section.blocks) add(block.text, "section", section.path);

  const headings = [doc.title, ...doc.sections.map((s) => s.title)].flatMap((t) => tagSentences(t));
  const terms = collectTerms([...headings, ...statements.map((s) => s.sentence)]);
  for (const occ of terms.occurrencesIn(headings[0])) occ.term.subject = true;
  const usableStatements = statements.filter((s) => usable(s.sentence.text));
  if (usableStatements.length === 0) {
    throw new GeneratorError("NO_SENTENCES", "The document has no complete sentences to make cards from.");
  }

  const lemmas: LemmaFrequency = new Map();
  for (const s of usableStatements) {
    for (const lemma of new Set(s.sentence.tokens.map((t) => t.lemma))) lemmas.set(lemma, (lemmas.get(lemma) ?? 0) + 1);
  }
  const claimsOf = new Map<Statement, NumericClaim[]>();
  const pool: NumericClaim[] = [];
  for (const s of usableStatements) {
    const claims = extractNumericClaims(s.sentence.text);
    claimsOf.set(s, claims);
    if (pool.length < 500) pool.push(...claims);
  }

  const candidates: Candidate[] = [];
  const keyPointPositions = new Set<number>();
  const push = (s: Statement, kind: CardDraft["kind"], prompt: string, answer: string, factKey: string, spanKind: SpanKind, spanScore: number, options?: string[]) => {
    if (s.origin === "keyPoint") keyPointPositions.add(candidates.length);
    const quality = scoreCard({ origin: s.origin, spanKind, spanScore, source: s.sentence.text });
    candidates.push({
      id: fingerprint(factKey, s.sentence.text), kind, topic: s.topic, prompt, answer, ...(options ? { options } : {}),
      source: s.sentence.text, quality, factKey, position: candidates.length,
    });
  };

  const answerUses = new Map<string, number>();
  for (const s of usableStatements) {
    const text_ = s.sentence.text;
    const claims = claimsOf.get(s)!;
    if (claims.length > 0) {
      for (const claim of claims) {
        const choice = buildChoice(text_, claim, pool, stableSeed(`${claim.answer}|${text_}`));
        if (choice) push(s, "choice", choice.prompt, choice.answer, claimKey(claim), "numeric", 0.95, choice.options);
        else push(s, "cloze", gapSentence(text_, claim.start, claim.end), claim.answer, claimKey(claim), "numeric", 0.9);
      }
      continue;
    }
    const cloze = buildCloze(s.sentence, terms, lemmas, usableStatements.length, (answer) => (answerUses.get(matchKey(answer)) ?? 0) < MAX_SAME_ANSWER);
    if (!cloze) continue;
    const factKey = `text:${matchKey(cloze.answer)}`;
    answerUses.set(matchKey(cloze.answer), (answerUses.get(matchKey(cloze.answer)) ?? 0) + 1);
    const termChoice = cloze.span.occurrence ? buildTermChoice(text_, cloze.span.occurrence, terms) : null;
    if (termChoice) push(s, "choice", termChoice.prompt, termChoice.answer, factKey, "term", cloze.span.score, termChoice.options);
    else push(s, "cloze", cloze.prompt, cloze.answer, factKey, cloze.span.kind, cloze.span.score);
  }

  if (candidates.length === 0) {
    throw new GeneratorError("NO_SENTENCES", "The document has no statements worth a card (no facts, names or key phrases found).");
  }
  const unique = dedupe(candidates.filter((c) => c.quality >= MIN_QUALITY || c.topic === null && keyPointPositions.has(c.position)));
  const seenIds = new Set<string>();
  const cards = capPerTopic(unique, maxPerTopic)
    .filter((c) => !seenIds.has(c.id) && seenIds.add(c.id))
    .map(toCardDraft);

  const topics: TopicDraft[] = doc.sections.map((s) => ({ path: s.path, title: s.title, order: s.order }));
  return { title: doc.title, summary: doc.summary, topics, cards };
}
