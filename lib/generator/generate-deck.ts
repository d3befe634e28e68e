/**
 * generateDeck: document text → title, summary, topics, ranked cards and extra candidates.
 * parse → statements (sentences with their context) → answer candidates → filters → score →
 * select (one card per fact, a budget that follows quality) → options → cards.
 * Pure and synchronous: the same text gives the same cards and ids.
 */
import { answerProblem, answerSpans, contextWords, promptFor, type DocumentStats, type Span } from "./candidates";
import { checkText } from "./check-input";
import { derivedNumber, gapProblem, numbersIn } from "./gap-rules";
import { buildChoice, buildListChoice, type ChoiceCard } from "./choice";
import { GeneratorError } from "./errors";
import { fingerprint, stableSeed } from "./fingerprint";
import { matchKey, wordCount } from "./normalise";
import { extractNumericClaims, type NumericClaim } from "./numeric-claims";
import { parseDocument } from "./parse-document";
import { MIN_QUALITY, selectCards, type Selectable } from "./select";
import { assessStatement, buildStatements, type Statement } from "./statements";
import { collectTerms } from "./terms";
import { GAP, type CardDraft, type DeckDraft, type GenerateOptions, type TopicDraft } from "./types";
import { wordKeys } from "./candidates";

export const DEFAULT_MAX_CARDS_PER_TOPIC = 8;
/** Text candidates tried per sentence (the best that passes the filters is usually the first). */
const SPANS_PER_SENTENCE = 3;

/** A card not built yet: options and ids are made only for what selection keeps. */
interface Candidate extends Selectable {
  make: () => ChoiceCard | { prompt: string; answer: string };
}

const ORIGIN_WEIGHT = { keyPoint: 1, summary: 0.7, section: 0.8 } as const;

function claimKey(claim: NumericClaim): string {
  const unit = claim.format.unit;
  const noun = unit === "count" ? `:${claim.format.noun?.[1] ?? ""}` : "";
  return claim.kind === "range" ? `range:${unit}:${claim.value}:${claim.high}` : `num:${unit}${noun}:${claim.canonical}:${claim.bound ?? ""}`;
}

function documentStats(title: string, statements: Statement[]): DocumentStats {
  const lemmas = new Map<string, number>();
  const marked = new Map<string, string>();
  for (const s of statements) {
    for (const lemma of new Set(s.sentence.tokens.map((t) => t.lemma))) lemmas.set(lemma, (lemmas.get(lemma) ?? 0) + 1);
    for (const mark of s.block.marks ?? []) marked.set(mark.text.toLowerCase(), mark.kind);
    if (s.block.term) marked.set(s.block.term.toLowerCase(), "strong");
  }
  const terms = collectTerms(statements.map((s) => s.sentence));
  // a name in more than one sentence in eight is what the document is about, not a fact in it
  const subjects = new Set([...terms.terms.values()].filter((t) => t.count >= Math.max(4, statements.length / 8)).map((t) => t.key));
  return { lemmas, marked, titleWords: wordKeys(title), terms, subjects, statements: statements.length, headingKeys: new Map() };
}

/** Numbers in a statement that are claims: a count's noun must be a noun ("Base 62 encodes the id" counts no encodes). */
function claimsOf(s: Statement): NumericClaim[] {
  const { tokens } = s.sentence;
  return extractNumericClaims(s.sentence.text).filter((claim) => {
    if (claim.kind !== "count" || !claim.format.noun) return true;
    const k = tokens.findIndex((t) => t.end >= claim.start + claim.text.length);
    const noun = tokens[k];
    return !noun || /NOUN|PROPN|ADJ|NUM/.test(noun.pos) || !/^(DET|PRON|NUM|ADJ|NOUN|PROPN)$/.test(tokens[k + 1]?.pos ?? "");
  });
}

export function generateDeck(text: string, options: GenerateOptions = {}): DeckDraft {
  checkText(text);
  const maxPerTopic = Math.max(1, Math.floor(options.maxCardsPerTopic ?? DEFAULT_MAX_CARDS_PER_TOPIC));
  const doc = parseDocument(text);
  const statements = buildStatements(doc);
  const assessments = new Map(statements.map((s) => [s, assessStatement(s)]));
  const usable = statements.filter((s) => assessments.get(s)!.reject === null);
  if (usable.length === 0) {
    throw new GeneratorError("NO_SENTENCES", "The document has no complete sentences to make cards from.");
  }
  const stats = documentStats(doc.title, statements);
  const claims = new Map(usable.map((s) => [s, claimsOf(s)]));
  const pool = [...claims.values()].flat().slice(0, 500);
  // terms of one list or section are of one kind: each other's distractors
  const definedTerms = new Map<string | null, string[]>();
  for (const s of usable) {
    if (!s.block.term || !/\p{L}/u.test(s.block.term) || /\d/.test(s.block.term)) continue;
    const list = definedTerms.get(s.topic) ?? [];
    if (!list.includes(s.block.term)) list.push(s.block.term);
    definedTerms.set(s.topic, list);
  }

  const firstOfBlock = new Map<number, Statement>();
  for (const s of usable) if (!firstOfBlock.has(s.blockIndex)) firstOfBlock.set(s.blockIndex, s);
  const candidates: Candidate[] = [];
  const push = (s: Statement, fact: string, spanScore: number, answer: string, make: Candidate["make"]) => {
    const sentenceQuality = assessments.get(s)!.quality;
    const quality = Math.round(Math.min(1, 0.6 * spanScore + 0.25 * sentenceQuality + 0.15 * ORIGIN_WEIGHT[s.origin]) * 1000) / 1000;
    candidates.push({ fact, answer, source: s.sentence.text, topic: s.topic, quality, position: candidates.length, make });
  };

  for (const s of usable) {
    const sentence = s.sentence.text;
    for (const claim of claims.get(s)!) {
      const prompt = promptFor(s, claim.start, claim.end);
      if (numbersShown(claim.answer, prompt) || contextWords(prompt) < 4 || gapProblem(prompt, claim.answer)) continue;
      if (derivedNumber(prompt, numbersIn(claim.answer)[0])) continue; // "1 TB per month, [36 TB] in 3 years"
      if (numbersShown(claim.answer, s.topic === null ? "" : s.heading, true)) continue; // "In [1905]" under "Special relativity (1905)"
      const answer = claim.answer.trim();
      push(s, claimKey(claim), 0.9, answer, () => buildChoice(prompt, claim, pool, stableSeed(`${claim.answer}|${sentence}`)) ?? { prompt, answer });
    }
    const first = s.sentence.tokens[0];
    const defines = s.block.term && !(first?.pos === "VERB" && first.lemma === first.text.toLowerCase()); // "Host level: Review…" labels a step
    if (defines && firstOfBlock.get(s.blockIndex) === s) {
      const prompt = `${GAP}: ${sentence}`;
      if (!answerProblem(s.block.term!, prompt, { ...s, context: undefined }, stats)) {
        const term = s.block.term!;
        const others = (definedTerms.get(s.topic) ?? []).filter((t) => matchKey(t) !== matchKey(term));
        push(s, `text:${matchKey(term)}`, 0.95, term, () => buildListChoice(prompt, term, others, stableSeed(sentence)) ?? { prompt, answer: term });
      }
    }
    let tried = 0;
    for (const span of answerSpans(s, stats, s.origin === "keyPoint")) {
      if (tried >= SPANS_PER_SENTENCE) break;
      if (claims.get(s)!.some((c) => c.start < span.end && c.end > span.start)) continue;
      const prompt = promptFor(s, span.start, span.end);
      if (answerProblem(span.answer, prompt, s, stats)) continue;
      tried++;
      push(s, `text:${matchKey(span.answer)}`, span.score, span.answer, () => textCard(span, prompt, definedTerms.get(s.topic) ?? []));
    }
  }
  if (candidates.length === 0) {
    throw new GeneratorError("NO_SENTENCES", "The document has no statements worth a card (no facts, names or key phrases found).");
  }

  // every key point keeps its best card
  const keyPoints = new Set(usable.filter((u) => u.origin === "keyPoint").map((u) => u.sentence.text));
  const bestOfKeyPoint = new Map<string, Candidate>();
  for (const c of candidates) {
    if (keyPoints.has(c.source) && c.topic === null && (!bestOfKeyPoint.has(c.source) || bestOfKeyPoint.get(c.source)!.quality < c.quality)) bestOfKeyPoint.set(c.source, c);
  }
  for (const c of bestOfKeyPoint.values()) c.required = true;

  const words = new Map<string | null, number>();
  for (const s of statements) words.set(s.topic, (words.get(s.topic) ?? 0) + wordCount(s.sentence.text));
  const { cards, extras } = selectCards(candidates, { words, maxPerTopic });
  const seen = new Set<string>();
  const build = (list: Candidate[]): CardDraft[] => list.flatMap((c) => {
    const id = fingerprint(c.fact, c.source);
    if (seen.has(id)) return [];
    seen.add(id);
    const card = c.make();
    const options = "options" in card ? card.options : undefined;
    return [{ id, kind: options ? "choice" : "cloze", topic: c.topic, prompt: card.prompt, answer: card.answer, ...(options ? { options } : {}), source: c.source, quality: c.quality }];
  });
  const topics: TopicDraft[] = doc.sections.map((s) => ({ path: s.path, title: s.title, order: s.order }));
  return {
    title: doc.title, summary: doc.summary, topics,
    cards: build(cards),
    candidates: build(extras.filter((c) => c.quality >= MIN_QUALITY - 0.15)),
    words: [...words.values()].reduce((a, b) => a + b, 0),
  };
}

const SMALL_DIGITS: Record<string, string> = { "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9", "₀": "0", "₁": "1", "₂": "2", "₃": "3", "₄": "4", "₅": "5", "₆": "6", "₇": "7", "₈": "8", "₉": "9" };

/** Does the text show the answer's number ("62⁶" gives away "6 chars")? `all`: every number of it. */
function numbersShown(answer: string, text: string, all = false): boolean {
  const plain = text.replace(/[⁰-⁹¹²³₀-₉]/g, (c) => ` ${SMALL_DIGITS[c]} `);
  const shown = new Set(plain.match(/\d+(?:[.,]\d+)*/g) ?? []);
  const numbers = answer.match(/\d+(?:[.,]\d+)*/g) ?? [];
  return all ? numbers.length > 0 && numbers.every((n) => shown.has(n)) : numbers.some((n) => shown.has(n));
}

/** A defined term is asked among the document's other defined terms; anything else as a cloze. */
function textCard(span: Span, prompt: string, definedTerms: string[]): ChoiceCard | { prompt: string; answer: string } {
  if (span.kind === "definition" && definedTerms.length >= 3) {
    const choice = buildListChoice(prompt, span.answer, definedTerms.filter((t) => matchKey(t) !== matchKey(span.answer)), stableSeed(prompt));
    if (choice) return choice;
  }
  return { prompt, answer: span.answer };
}
