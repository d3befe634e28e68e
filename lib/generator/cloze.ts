/**
 * buildCloze: picks the most informative span of a sentence (a recurring named term, a key noun
 * phrase or a whole short enumeration) and hides it. Never a stopword, a pronoun, a lone generic
 * word or one item of a list; never an answer that can be read elsewhere in the prompt.
 */
import { answerLeaks } from "./leak";
import { GENERIC_NOUNS, PRONOUNS, STOPWORDS, wordCount } from "./normalise";
import type { TaggedSentence, Token } from "./sentences";
import type { TermIndex, TermOccurrence } from "./terms";
import { GAP } from "./types";

export type SpanKind = "term" | "phrase" | "list";

export interface ClozeSpan {
  kind: SpanKind;
  start: number;
  end: number;
  answer: string;
  /** 0..1: how informative the span is. */
  score: number;
  occurrence?: TermOccurrence;
}

export interface ClozeCard { prompt: string; answer: string; span: ClozeSpan }

/** How many sentences of the document use each lemma (for "recurring" and rarity). */
export type LemmaFrequency = Map<string, number>;

const CHUNK_POS = new Set(["ADJ", "NOUN", "PROPN"]);
const HEAD_POS = new Set(["NOUN", "PROPN"]);

function isGapWorthy(answer: string): boolean {
  const low = answer.toLowerCase().trim();
  if (!/\p{L}/u.test(low)) return false;
  if (STOPWORDS.has(low) || PRONOUNS.has(low) || GENERIC_NOUNS.has(low)) return false;
  return low.replace(/[^\p{L}\p{N}]/gu, "").length >= 2;
}

/** Noun chunks: runs of adjectives/nouns ending in a noun, hyphen-glued tokens kept together. */
function nounChunks(tokens: Token[]): Token[][] {
  const chunks: Token[][] = [];
  let current: Token[] = [];
  const close = () => {
    while (current.length && !HEAD_POS.has(current[current.length - 1].pos)) current.pop();
    while (current.length && (current[0].stop || PRONOUNS.has(current[0].text.toLowerCase()))) current.shift();
    if (current.length) chunks.push(current);
    current = [];
  };
  tokens.forEach((t, k) => {
    // "the hippocampus replays the day's...": a "noun" followed by a determiner is a verb
    if (CHUNK_POS.has(t.pos) && /^(DET|PRON)$/.test(tokens[k + 1]?.pos ?? "") && !/['’]s$/.test(t.text) && t.pos !== "PROPN") { close(); return; }
    const glued = current.length > 0 && t.start === current[current.length - 1].end && (t.text === "-" || tokens[k - 1]?.text === "-");
    const prev = current[current.length - 1];
    if (t.pos === "ADJ" && prev && HEAD_POS.has(prev.pos) && !glued) close(); // noun phrases are ADJ* NOUN+
    if (CHUNK_POS.has(t.pos) && !/['’]s$/.test(current[current.length - 1]?.text ?? "") || glued) current.push(t);
    else close();
  });
  close();
  return chunks;
}

/** Spans of "X, Y, and Z" / "X and Y" enumerations; the last item's shared head noun stays outside. */
function enumerations(tokens: Token[]): { start: number; end: number; items: [number, number][] }[] {
  const result: { start: number; end: number; items: [number, number][] }[] = [];
  for (let k = 0; k < tokens.length; k++) {
    if (!(tokens[k].pos === "CCONJ" && /^(and|or)$/i.test(tokens[k].text))) continue;
    const items: Token[][] = [];
    let j = k - 1;
    if (tokens[j]?.text === ",") j--;
    while (j >= 0) {
      const item: Token[] = [];
      while (j >= 0 && CHUNK_POS.has(tokens[j].pos) && item.length < 3) item.unshift(tokens[j--]);
      if (!item.length) break;
      items.unshift(item);
      if (tokens[j]?.text !== ",") break;
      j--;
    }
    const last: Token[] = [];
    let m = k + 1;
    while (m < tokens.length && CHUNK_POS.has(tokens[m].pos) && last.length < 4) last.push(tokens[m++]);
    if (!items.length || !last.length) continue;
    if (m < tokens.length && tokens[m].pos === "VERB" && /ing$/.test(tokens[m].text)) continue; // "X and Y dominating": a clause
    const names = [...items, last].map((i) => i.every((t) => t.pos === "PROPN"));
    if (names.some((n) => n !== names[0])) continue;
    const maxOther = Math.max(...items.map((i) => i.length));
    if (items.every((i) => i.every((t) => t.pos === "ADJ"))) {
      // "more collaborative and transparent AI development": the shared head stays outside
      while (last.length > 1 && last[last.length - 1].pos !== "ADJ") last.pop();
      if (last[0].pos !== "ADJ") continue;
    } else {
      while (last.length > 1 && last[last.length - 1].pos === "ADJ") last.pop();
      if (last[last.length - 1].pos === "ADJ") continue;
    }
    if (items.some((i) => i.every((t) => t.pos === "ADJ"))) {
      // adjective lists were handled above
    } else if (last.length > maxOther && last[last.length - 1].pos === "NOUN" && /s$/.test(last[last.length - 1].text)) last.pop();
    items.push(last);
    const all = items.map((i): [number, number] => [i[0].start, i[i.length - 1].end]);
    result.push({ start: all[0][0], end: all[all.length - 1][1], items: all });
  }
  return result;
}

/** Candidate spans of one sentence, best first. */
export function clozeCandidates(sentence: TaggedSentence, terms: TermIndex, lemmas: LemmaFrequency, sentenceCount: number): ClozeSpan[] {
  const text = sentence.text;
  const spans: ClozeSpan[] = [];
  const lists = enumerations(sentence.tokens);
  // a span touching a list but not the whole list would be one item among several good answers
  const inListItem = (s: number, e: number) =>
    lists.some((l) => s < l.end && e > l.start && !(s === l.start && e === l.end));
  const occurrences = terms.occurrencesIn(sentence);

  for (const occ of occurrences) {
    if (!isGapWorthy(occ.text)) continue;
    const recurring = occ.term.count >= 2;
    const partOfLonger = occurrences.some((o) => o !== occ && o.start <= occ.start && o.end >= occ.end);
    const score = (recurring ? 0.8 : 0.6) + Math.min(occ.term.count, 6) * 0.02 + (occ.term.kind === "term" ? 0 : 0.05)
      + 0.03 * Math.min(occ.term.tokens - 1, 2) - (partOfLonger ? 0.12 : 0) - (occ.term.subject ? 0.3 : 0);
    spans.push({ kind: "term", start: occ.start, end: occ.end, answer: occ.text, occurrence: occ, score });
  }
  for (const chunk of nounChunks(sentence.tokens)) {
    for (let from = Math.max(0, chunk.length - 4); from < chunk.length; from++) {
      const part = chunk.slice(from);
      const answer = text.slice(part[0].start, part[part.length - 1].end).replace(/['’]s$/, "");
      const s0 = part[0].start;
      const e0 = s0 + answer.length;
      // names are asked as terms; a phrase must not cut a name or pad it with other words
      if (occurrences.some((o) => o.start < e0 && o.end > s0)) continue;
      if (!isGapWorthy(answer) || part.every((t) => GENERIC_NOUNS.has(t.lemma) || t.stop || t.text === "AI")) continue;
      const head = part[part.length - 1];
      const df = lemmas.get(head.lemma) ?? 1;
      const rarity = Math.log((sentenceCount + 1) / df) / Math.log(sentenceCount + 1);
      const recurring = df >= 2 && df <= Math.max(3, sentenceCount * 0.25);
      let score = 0.35 + 0.07 * Math.min(part.length - 1, 2) + (from === 0 && chunk.length > 1 ? 0.03 : 0) + (recurring ? 0.2 : 0) + 0.15 * rarity;
      if (GENERIC_NOUNS.has(head.lemma) || GENERIC_NOUNS.has(head.text.toLowerCase())) score -= part.length === 1 ? 0.4 : 0.15;
      const after = sentence.tokens[sentence.tokens.indexOf(head) + 1];
      if (part.length === 1 && /ing$/.test(head.text) && after && /^(PRON|DET)$/.test(after.pos)) continue; // a verb, not a noun
      if (part[0].pos === "ADJ" && part.length === 2 && GENERIC_NOUNS.has(head.lemma)) score -= 0.1;
      spans.push({ kind: "phrase", start: part[0].start, end: part[0].start + answer.length, answer, score });
    }
  }
  for (const list of lists) {
    const answer = text.slice(list.start, list.end);
    if (wordCount(answer) <= 8 && list.items.length >= 2) spans.push({ kind: "list", start: list.start, end: list.end, answer, score: 0.6 + 0.05 * Math.min(list.items.length, 3) });
  }
  const words = wordCount(text);
  return spans
    .filter((s) => !inListItem(s.start, s.end) && wordCount(s.answer.replace(/\b(and|or)\b/g, "")) <= Math.max(3, words * 0.45))
    .sort((a, b) => b.score - a.score || (b.end - b.start) - (a.end - a.start) || a.start - b.start);
}

export function gapSentence(text: string, start: number, end: number): string {
  return `${text.slice(0, start)}${GAP}${text.slice(end)}`;
}

/** The best non-leaking cloze for a sentence, or null when nothing in it is worth a gap. */
export function buildCloze(
  sentence: TaggedSentence, terms: TermIndex, lemmas: LemmaFrequency, sentenceCount: number,
  accept: (answer: string) => boolean = () => true,
): ClozeCard | null {
  for (const span of clozeCandidates(sentence, terms, lemmas, sentenceCount)) {
    if (!accept(span.answer)) continue;
    const prompt = gapSentence(sentence.text, span.start, span.end);
    if (wordCount(prompt) < 4 || answerLeaks(span.answer, prompt)) continue;
    return { prompt, answer: span.answer, span };
  }
  return null;
}
