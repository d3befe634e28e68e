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
import { answerLeaks } from "./leak";
import { documentLanguage, passageLanguage } from "./language";
import { fingerprint, stableSeed } from "./fingerprint";
import { matchKey, wordCount } from "./normalise";
import { extractNumericClaims, type NumericClaim } from "./numeric-claims";
import { titleFromLine, type ParsedDocument } from "./outline";
import { numeralsIn } from "./quantity";
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

/** "If you have $100, …", "Suppose a train leaves at 60 km/h": the numbers of a made-up example are not facts. */
const HYPOTHETICAL = /^(?:if you|suppose|imagine|say you|let['’]s say|let us say)\b/i;

/** Numbers in a statement that are claims: a count's noun must be a noun ("Base 62 encodes the id" counts no encodes). */
function claimsOf(s: Statement, language: string): NumericClaim[] {
  const { tokens } = s.sentence;
  if (language === "en" && HYPOTHETICAL.test(s.sentence.text)) return [];
  return extractNumericClaims(s.sentence.text, language).filter((claim) => {
    if (claim.kind !== "count" || !claim.format.noun) return true;
    const k = tokens.findIndex((t) => t.end >= claim.start + claim.text.length);
    const noun = tokens[k];
    return !noun || /NOUN|PROPN|ADJ|NUM/.test(noun.pos) || !/^(DET|PRON|NUM|ADJ|NOUN|PROPN)$/.test(tokens[k + 1]?.pos ?? "");
  });
}

/** A definition as the answer of a term → definition card: its first sentence (the whole text when that is a few words). */
function definitionAnswer(first: string, whole: string): string | null {
  const answer = wordCount(first) >= 5 || wordCount(whole) > 25 ? first : whole;
  // "Optimale Temperatur: 25–35 °C" is a number to ask as a number, not a definition
  return (answer.match(/\p{L}{3,}/gu) ?? []).length >= 3 && wordCount(answer) <= 30 && !/[[\]]/.test(answer) ? answer : null;
}

/** Items of one kind: the same section's first, then the rest of the document's. */
function othersOf(byTopic: Map<string | null, string[]>, topic: string | null, not: string): string[] {
  const differs = (t: string) => matchKey(t) !== matchKey(not);
  const own = (byTopic.get(topic) ?? []).filter(differs);
  return [...own, ...[...byTopic.values()].flat().filter((t) => differs(t) && !own.includes(t))];
}

function addTo(map: Map<string | null, string[]>, topic: string | null, item: string): void {
  const list = map.get(topic) ?? [];
  if (!list.includes(item)) list.push(item);
  map.set(topic, list);
}

export function generateDeck(text: string, options: GenerateOptions = {}): DeckDraft {
  checkText(text);
  const maxPerTopic = Math.max(1, Math.floor(options.maxCardsPerTopic ?? DEFAULT_MAX_CARDS_PER_TOPIC));
  const doc = parseDocument(text);
  const firstLine = text.split("\n").find((line) => /\p{L}/u.test(line)) ?? "";
  const title = doc.title || options.fallbackTitle?.trim() || titleFromLine(firstLine) || "Untitled document";
  const language = documentLanguage(doc);
  const mode = language === "en" ? "full" : "layout";
  const statements = buildStatements(doc, language);
  const assessments = new Map(statements.map((s) => [s, assessStatement(s)]));
  const usable = statements.filter((s) => assessments.get(s)!.reject === null);
  const topics: TopicDraft[] = doc.sections.map((s) => ({ path: s.path, title: s.title, order: s.order }));
  const words = new Map<string | null, number>();
  for (const s of statements) words.set(s.topic, (words.get(s.topic) ?? 0) + wordCount(s.sentence.text));
  const totalWords = [...words.values()].reduce((a, b) => a + b, 0);
  if (usable.length === 0) {
    if (mode === "layout") return { title, summary: doc.summary, topics, cards: [], candidates: [], words: totalWords, language, mode };
    throw new GeneratorError("NO_SENTENCES", nothingToAsk(doc, "no complete sentence"));
  }
  // a passage of an English document in another language (a quoted French passage) gets no cloze cards
  const blockTexts = new Map<number, string>();
  for (const s of usable) blockTexts.set(s.blockIndex, `${blockTexts.get(s.blockIndex) ?? ""} ${s.sentence.text}`);
  const passageLanguages = new Map([...blockTexts].map(([k, t]) => [k, mode === "full" ? passageLanguage(t) : language]));
  const languageOf = (s: Statement) => passageLanguages.get(s.blockIndex)!;

  const stats = documentStats(doc.title, statements);
  const claims = new Map(usable.map((s) => [s, claimsOf(s, languageOf(s))]));
  const pool = [...claims.values()].flat().slice(0, 500);
  const firstOfBlock = new Map<number, Statement>();
  for (const s of usable) if (!firstOfBlock.has(s.blockIndex)) firstOfBlock.set(s.blockIndex, s);
  // terms of one list or section are of one kind: each other's distractors; so are their definitions
  const definedTerms = new Map<string | null, string[]>();
  const definitions = new Map<Statement, string>();
  const definitionTexts = new Map<string | null, string[]>();
  for (const s of usable) {
    if (!s.block.term || !/\p{L}/u.test(s.block.term) || /\d/.test(s.block.term)) continue;
    addTo(definedTerms, s.topic, s.block.term);
    if (firstOfBlock.get(s.blockIndex) !== s) continue;
    const answer = definitionAnswer(s.sentence.text, blockTexts.get(s.blockIndex)!.trim());
    if (answer) {
      definitions.set(s, answer);
      addTo(definitionTexts, s.topic, answer);
    }
  }

  const candidates: Candidate[] = [];
  const push = (s: Statement, fact: string, spanScore: number, answer: string, make: Candidate["make"], extra: Partial<Candidate> = {}) => {
    const sentenceQuality = assessments.get(s)!.quality;
    const quality = Math.round(Math.min(1, 0.6 * spanScore + 0.25 * sentenceQuality + 0.15 * ORIGIN_WEIGHT[s.origin]) * 1000) / 1000;
    candidates.push({ fact, answer, source: s.sentence.text, topic: s.topic, quality, position: candidates.length, make, ...(s.block.term ? { term: s.block.term } : {}), ...extra });
  };
  const extra = new Map<string | null, number>();
  /** Glossary entries whose term has a card. */
  const asked = new Set<number>();
  const room = (topic: string | null) => extra.set(topic, (extra.get(topic) ?? 0) + 1);

  for (const s of usable) {
    const sentence = s.sentence.text;
    const cloze = languageOf(s) === "en";
    for (const claim of claims.get(s)!) {
      const prompt = promptFor(s, claim.start, claim.end);
      if (numbersShown(claim.answer, prompt) || contextWords(prompt) < (cloze ? 4 : 3) || gapProblem(prompt, claim.answer)) continue;
      if (derivedNumber(prompt, numbersIn(claim.answer)[0])) continue; // "1 TB per month, [36 TB] in 3 years"
      // "In [1905]" under "Special relativity (1905)", "Rust in [2020]" in "Rust Survey 2020 Results"
      if (numbersShown(claim.answer, s.topic === null ? doc.title : `${s.heading} ${doc.title}`, true)) continue;
      const answer = claim.answer.trim();
      const choice = () => buildChoice(prompt, claim, pool, stableSeed(`${claim.answer}|${sentence}`));
      if (cloze) push(s, claimKey(claim), 0.9, answer, () => choice() ?? { prompt, answer });
      else {
        // without an English grammar a number is asked only as a choice, so the whole quantity is the answer
        const card = choice();
        if (!card) continue;
        push(s, claimKey(claim), 0.9, answer, () => card);
        room(s.topic);
      }
    }
    const first = s.sentence.tokens[0];
    const defines = s.block.term && !(first?.pos === "VERB" && first.lemma === first.text.toLowerCase()); // "Host level: Review…" labels a step
    if (defines && firstOfBlock.get(s.blockIndex) === s) {
      const term = s.block.term!;
      // an English sentence may be bolded as a label ("**Worked example**: …"); a glossary's entries are definitions
      const laidOut = !cloze || s.block.glossary;
      const prompt = `${GAP}: ${sentence}`;
      // without cloze cards a definition is asked both ways; in English the term is the fact, asked once
      const pair = cloze ? {} : { pair: `definition:${matchKey(term)}` };
      // "list.count" among "list.append", "list.copy": the shared qualifier is no clue, its last part is the answer
      if (!answerProblem(term.replace(/^[\p{L}_][\w.]*\.(?=[\p{L}_])/u, ""), prompt, { ...s, context: undefined }, stats)) {
        if (s.block.glossary) asked.add(s.blockIndex);
        if (cloze) {
          const others = (definedTerms.get(s.topic) ?? []).filter((t) => matchKey(t) !== matchKey(term));
          push(s, `text:${matchKey(term)}`, 0.95, term, () => buildListChoice(prompt, term, others, stableSeed(sentence)) ?? { prompt, answer: term }, pair);
        } else {
          const card = buildListChoice(prompt, term, othersOf(definedTerms, s.topic, term), stableSeed(sentence), 2);
          if (card) push(s, `text:${matchKey(term)}`, 0.95, term, () => card, pair);
        }
        if (laidOut) room(s.topic);
      }
      // "Keystone species: A species whose…": a definition that names its term gives itself away among the options
      const definition = laidOut && !answerLeaks(definitions.get(s) ?? "", `${term}: ${GAP}`) ? definitions.get(s) : undefined;
      const card = definition && buildListChoice(`${term}: ${GAP}`, definition, othersOf(definitionTexts, s.topic, definition), stableSeed(`${term}|${sentence}`), cloze ? 3 : 2);
      if (card) {
        if (s.block.glossary) asked.add(s.blockIndex);
        push(s, `${cloze ? "text" : "definition"}:${matchKey(term)}`, 0.85, definition, () => card, { ...pair, source: `${term}: ${blockTexts.get(s.blockIndex)!.trim()}` });
        room(s.topic);
      }
    }
    // a glossary entry is one fact, its term: the rest of its text gives cloze cards only when the term cannot be asked
    if (!cloze || asked.has(s.blockIndex)) continue;
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
    if (mode === "layout") return { title, summary: doc.summary, topics, cards: [], candidates: [], words: totalWords, language, mode };
    throw new GeneratorError("NO_SENTENCES", nothingToAsk(doc, "no fact, name or key phrase to ask about"));
  }

  // every key point keeps its best card
  const keyPoints = new Set(usable.filter((u) => u.origin === "keyPoint").map((u) => u.sentence.text));
  const bestOfKeyPoint = new Map<string, Candidate>();
  for (const c of candidates) {
    if (keyPoints.has(c.source) && c.topic === null && (!bestOfKeyPoint.has(c.source) || bestOfKeyPoint.get(c.source)!.quality < c.quality)) bestOfKeyPoint.set(c.source, c);
  }
  for (const c of bestOfKeyPoint.values()) c.required = true;

  const { cards, extras } = selectCards(candidates, { words, maxPerTopic, extra });
  const seen = new Set<string>();
  const build = (list: Candidate[]): CardDraft[] => list.flatMap((c) => {
    const id = fingerprint(c.fact, c.source);
    if (seen.has(id)) return [];
    seen.add(id);
    const card = c.make();
    const options = "options" in card ? card.options : undefined;
    return [{ id, kind: options ? "choice" : "cloze", topic: c.topic, prompt: card.prompt, answer: card.answer, ...(options ? { options } : {}), source: c.source, quality: c.quality }];
  });
  return {
    title, summary: doc.summary, topics,
    cards: build(cards),
    candidates: build(extras.filter((c) => c.quality >= MIN_QUALITY - 0.15)),
    words: totalWords, language, mode,
  };
}

const count = (n: number, word: string) => `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;

/** Why a document gives no card: what was found in it, and what cards are made from. */
function nothingToAsk(doc: ParsedDocument, missing: string): string {
  const texts = [doc.summary ?? "", ...doc.keyPoints, ...doc.sections.flatMap((section) => section.blocks.map((block) => block.text))].filter(Boolean);
  const words = texts.reduce((sum, text) => sum + wordCount(text), 0);
  const parts = [...(doc.title ? ["a title"] : []), ...(doc.sections.length ? [count(doc.sections.length, "heading")] : []), ...(words ? [`${count(words, "word")} of text`] : [])];
  const found = parts.length ? `The document has ${parts.slice(0, -1).join(", ")}${parts.length > 1 ? " and " : ""}${parts.at(-1)}` : "The document has no text";
  const lacking = words ? `but ${missing}` : parts.length ? "but no text under them" : "to ask about";
  return `${found}, ${lacking}. Cards are made from sentences that state something ("The heart has four chambers.") or notes that pair a term with what it means ("Aorta: the artery that carries blood from the heart").`;
}

const SMALL_DIGITS: Record<string, string> = { "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9", "₀": "0", "₁": "1", "₂": "2", "₃": "3", "₄": "4", "₅": "5", "₆": "6", "₇": "7", "₈": "8", "₉": "9" };

/** Does the text show the answer's number, in digits or words ("62⁶" gives away "6 chars", "Binary means two" "two children")? `all`: every number of it. */
function numbersShown(answer: string, text: string, all = false): boolean {
  const plain = text.replace(/[⁰-⁹¹²³₀-₉]/g, (c) => ` ${SMALL_DIGITS[c]} `);
  const shown = new Set(numeralsIn(plain));
  const numbers = numeralsIn(answer);
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
