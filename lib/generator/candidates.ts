/**
 * Answer candidates of one statement, each a whole constituent: the term a sentence defines, a
 * named thing (a capitalised name, a code identifier, a formula), a term the author marked in
 * bold or italics, a noun phrase, a short enumeration. Each gets an importance score: how much
 * rarer its words are in this document than in everyday English, and how often the document
 * uses them. Generic words, answers the title or section gives away, and spans that cut a
 * compound, a name or a formula never become candidates.
 */
import { gapProblem } from "./gap-rules";
import { answerLeaks } from "./leak";
import { rarity, zipf } from "./english";
import { GENERIC_NOUNS, PRONOUNS, STOPWORDS, VAGUE_WORDS, contentWords, matchKey, wordCount } from "./normalise";
import type { Token, TaggedSentence } from "./sentences";
import { markedKeys, type Statement } from "./statements";
import type { TermIndex, TermOccurrence } from "./terms";
import { GAP } from "./types";

export type SpanKind = "definition" | "name" | "marked" | "phrase" | "list";

export interface Span {
  kind: SpanKind;
  start: number;
  end: number;
  answer: string;
  /** 0..1: how worth remembering the answer is. */
  score: number;
  occurrence?: TermOccurrence;
}

/** What the scorer knows about the whole document. */
export interface DocumentStats {
  /** Number of statements using each lemma. */
  lemmas: Map<string, number>;
  /** Terms the author marked (bold, italic, code) anywhere, lower-case. */
  marked: Map<string, string>;
  /** Lower-case words of the document title. */
  titleWords: Set<string>;
  terms: TermIndex;
  /** Match keys of what the whole document is about ("Rust" in a Rust chapter): too obvious to ask. */
  subjects: Set<string>;
  /** How many statements the document has. */
  statements: number;
  /** Word keys of the title with each section heading, filled as headings are met. */
  headingKeys: Map<string, Set<string>>;
}

const CHUNK_POS = new Set(["ADJ", "NOUN", "PROPN"]);
const MONTH = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$/i;
const TEMPORAL = new Set(["today", "now", "yesterday", "tomorrow", "currently", "recently", "nowadays"]);
const HEAD_POS = new Set(["NOUN", "PROPN"]);
/** Everyday English: SUBTLEX-US Zipf frequency above this ("page" 4.6, "text" 3.7; "pointer" 2.9, "protein" 3.2). */
const EVERYDAY_ZIPF = 3.6;

/** "some small number N", "a list of size k": a placeholder variable, not a fact. */
const PLACEHOLDER = /\b(?:numbers?|values?|variables?|constants?|integers?|size|length|count|index|parameters?|factors?|elements?|points?|sets?)\s+\p{L}\.?$/iu;

function isGapWorthy(answer: string, allowVague: boolean): boolean {
  const low = answer.toLowerCase().trim();
  if (!/\p{L}/u.test(low) || PLACEHOLDER.test(answer)) return false;
  // "statement [t]", "times [x]": a one-letter variable of an example is not part of a fact
  if (/(?:^|\s)\p{Ll}(?=\s|$)/u.test(answer.trim()) && /\s/.test(answer.trim())) return false;
  // a sentence's full stop is not part of an answer ("2.x and 3.x."), an abbreviation's is ("U.S.")
  if (/\.$/.test(answer) && !/(?:^|[\s(])(?:\p{L}\.){2,}$/u.test(answer)) return false;
  if (STOPWORDS.has(low) || PRONOUNS.has(low) || GENERIC_NOUNS.has(low)) return false;
  if (!allowVague && (VAGUE_WORDS.has(low) || VAGUE_WORDS.has(low.replace(/s$/, "")))) return false;
  // two lower-case letters are an abbreviation ("vs", "eg"), not a term; "IP" and "u8" are
  return low.replace(/[^\p{L}\p{N}]/gu, "").length >= (/^\p{Ll}+$/u.test(answer.trim()) ? 3 : 2);
}

/** Word keys for "given away" checks: words, 5-letter stems and glued pairs ("DeepSeek"). */
export function wordKeys(text: string): Set<string> {
  const words = (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !STOPWORDS.has(w));
  const keys = new Set<string>();
  words.forEach((w, i) => {
    keys.add(w);
    if (w.length >= 5) keys.add(w.slice(0, 5)).add(stem(w));
    if (i + 1 < words.length && /\p{L}/u.test(w + words[i + 1])) keys.add(w + words[i + 1]);
  });
  return keys;
}

function vague(word: string): boolean {
  const w = word.toLowerCase();
  return STOPWORDS.has(w) || GENERIC_NOUNS.has(w) || VAGUE_WORDS.has(w);
}

/** "caching" and "cache", "scaling" and "scale": the word without its ending. */
function stem(word: string): string {
  return word.replace(/(?:ing|ed|es|e|s|ion|ions|ation|ations)$/, "");
}

/**
 * True when the heading or title gives the answer away: every content word of it is there, or
 * its head noun is and the rest are common words ("robust [infrastructure]" under "Infrastructure").
 */
export function givenAway(answer: string, heading: Set<string>): boolean {
  const words = (answer.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !STOPWORDS.has(w));
  if (words.length === 0) return true;
  if (heading.has(words.join(""))) return true;
  // "bool" under "The Boolean Type": an abbreviation of a heading word is that word
  const shown = (w: string) => heading.has(w) || heading.has(w.replace(/s$/, "")) || heading.has(`${w}s`) || (w.length >= 5 && heading.has(w.slice(0, 5)))
    || (w.length === 4 && /^\p{L}+$/u.test(w) && [...heading].some((h) => h.length === 5 && h.startsWith(w)))
    || (w.length >= 5 && heading.has(stem(w)));
  if (words.every(shown)) return true;
  return shown(words[words.length - 1]) && words.slice(0, -1).every((w) => vague(w) || zipf(w) >= 4.5);
}

function importance(tokens: Token[], stats: DocumentStats): number {
  let best = 0;
  for (const t of tokens) {
    if (t.stop || !/\p{L}/u.test(t.text)) continue;
    const r = t.atomic ? 0.9 : rarity(t.text.replace(/['’]s$/, "")) * (vague(t.text) || vague(t.lemma) ? 0.3 : 1);
    const uses = stats.lemmas.get(t.lemma) ?? 1;
    const central = Math.min(1, (uses - 1) / 3);
    best = Math.max(best, r * (0.6 + 0.4 * central));
  }
  return best;
}

/** An everyday word ("text", "page", "length") that the document neither marks nor defines. */
function everyday(token: Token, stats: DocumentStats): boolean {
  // "Memory is managed…": a capital that only opens the sentence
  const lower = /^\p{Ll}/u.test(token.text) || token.start === 0 && /^\p{Lu}\p{Ll}+$/u.test(token.text);
  return !token.atomic && lower && zipf(token.text) > EVERYDAY_ZIPF && !stats.marked.has(token.text.toLowerCase()) && !stats.marked.has(token.lemma);
}

/** No verb from token k to the end of its clause (a comma, "and", "but", a full stop). */
function clauseHasNoVerb(tokens: Token[], k: number): boolean {
  for (let j = k + 1; j < tokens.length && !/^(?:[,;:.]|and|but|while|which)$/.test(tokens[j].text); j++) {
    if (tokens[j].pos === "VERB" || tokens[j].pos === "AUX") return false;
  }
  let j = k - 1;
  while (j >= 0 && !/^(?:[,;:]|that|and|but|while|which|because)$/.test(tokens[j].text)) {
    if (tokens[j].pos === "VERB" || tokens[j].pos === "AUX") return false;
    j--;
  }
  return true;
}

/** Noun chunks: runs of adjectives/nouns ending in a noun. */
function nounChunks(tokens: Token[]): Token[][] {
  const chunks: Token[][] = [];
  let current: Token[] = [];
  const close = () => {
    while (current.length && !HEAD_POS.has(current[current.length - 1].pos)) current.pop();
    while (current.length && (current[0].stop || PRONOUNS.has(current[0].text.toLowerCase()) || TEMPORAL.has(current[0].text.toLowerCase()))) current.shift();
    if (current.length) chunks.push(current);
    current = [];
  };
  tokens.forEach((t, k) => {
    // "the hippocampus replays the day's…", "central banks target low inflation", "money chases too few goods":
    // a second "noun" followed by a determiner, an adjective or "too" is a verb
    const next = tokens[k + 1];
    const verbLike = /^(DET|PRON)$/.test(next?.pos ?? "")
      || current.some((c) => c.pos === "NOUN") && t.pos === "NOUN" && (next?.pos === "ADJ" || /^(too|more|less|very)$/i.test(next?.text ?? ""));
    if (CHUNK_POS.has(t.pos) && !t.atomic && verbLike && !/['’]s$/.test(t.text) && t.pos !== "PROPN") { close(); return; }
    // "Outline a high level design": a capitalised word opening an instruction is its verb
    if (k === 0 && next?.pos === "DET" && /^\p{Lu}\p{Ll}+$/u.test(t.text) && zipf(t.text) >= 3) return;
    // "our traffic spikes during business hours": the clause has no other verb, so "spikes" is it
    if (t.pos === "NOUN" && current.length && /^\p{Ll}+[^s]s$/u.test(t.text) && /^(ADP|ADV)$/.test(next?.pos ?? "") && clauseHasNoVerb(tokens, k)) { close(); return; }
    const prev = current[current.length - 1];
    if (t.pos === "ADJ" && prev && HEAD_POS.has(prev.pos)) close(); // noun phrases are ADJ* NOUN+
    // "processing, stores user data": after a comma, a lower-case plural before a noun is a verb
    if (!prev && t.pos === "NOUN" && !t.atomic && /^\p{Ll}+[^s]s$/u.test(t.text) && t.lemma !== t.text && /^[,;]$/.test(tokens[k - 1]?.text ?? "")
      && next?.pos === "NOUN") return;
    if (CHUNK_POS.has(t.pos) && !/['’]s$/.test(current[current.length - 1]?.text ?? "")) current.push(t);
    else close();
  });
  close();
  return chunks;
}

/** "X, Y, and Z" / "X and Y" of noun phrases, never a clause ("sunlight and store it"). */
function enumerations(tokens: Token[]): { start: number; end: number; items: number }[] {
  const result: { start: number; end: number; items: number }[] = [];
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
    while (m < tokens.length && CHUNK_POS.has(tokens[m].pos) && last.length < 3) last.push(tokens[m++]);
    if (!items.length || !last.length) continue;
    // "math, coding, and reasoning tasks": the shared head noun stays outside the answer
    const longest = Math.max(...items.map((i) => i.length));
    if (last.length > longest && last[last.length - 1].pos === "NOUN" && /s$/.test(last[last.length - 1].text)) {
      last.pop();
      m--;
    }
    const after = tokens[m];
    if (after && /^(VERB|AUX|PRON|DET|NUM)$/.test(after.pos)) continue; // "X and China dominating", "store it"
    // "disrupted the economy, and corruption and violence have…": a comma before a second item joins clauses
    if (after?.pos === "CCONJ" || items.length === 1 && tokens[k - 1]?.text === ",") continue;
    const before = tokens[j];
    if (before && /^(ADJ|NOUN|PROPN)$/.test(before.pos)) continue;
    const all = [...items, last];
    if (all.some((i) => !HEAD_POS.has(i[i.length - 1].pos))) continue;
    // "distributed traffic and traffic spikes": the same word twice is a compound cut in half, not a list
    if (new Set(all.map((i) => i[0].lemma)).size < all.length) continue;
    const names = all.map((i) => i.every((t) => t.pos === "PROPN"));
    if (names.some((n) => n !== names[0])) continue;
    result.push({ start: all[0][0].start, end: last[last.length - 1].end, items: all.length });
  }
  return result;
}

const DEFINITION_VERB = /^\s*(?:is|are)\s+(?:a|an|the|one|any|how|what|when|where|whether|called|defined as)\b|^\s*(?:refers? to|means|describes?|denotes?|is known as|are known as|stands? for)\b/i;
const NAMED_AS = /\b(?:called|known as|referred to as|termed|named)\s+$/i;

/** Does the span stand where a definition names its term ("A scope is the range…", "…is called a pointer")? */
function definesTerm(text: string, start: number, end: number): boolean {
  const before = text.slice(0, start).trim();
  const after = text.slice(end);
  if (/^(?:(?:a|an|the)\s+)?$/i.test(before) && DEFINITION_VERB.test(after) && wordCount(after) >= 6) return true;
  return NAMED_AS.test(text.slice(0, start)) && wordCount(before) >= 4;
}

/** A span that starts or ends inside a compound noun, a name or a formula is half a phrase. */
function cutsPhrase(tokens: Token[], start: number, end: number): boolean {
  const first = tokens.findIndex((t) => t.start >= start);
  const last = tokens.findIndex((t) => t.end >= end);
  if (first < 0 || last < 0 || tokens[first].start !== start || tokens[last].end !== end) return true;
  const prev = tokens[first - 1];
  const next = tokens[last + 1];
  const glued = (a: Token | undefined, b: Token | undefined) => a && b && a.end === b.start;
  if (glued(prev, tokens[first]) && !/^[("“‘'’]$/.test(prev!.text)) return true;
  if (glued(tokens[last], next) && !/^[),.;:!?"”’'…]$/.test(next!.text) && !/^['’]s$/.test(next!.text)) return true;
  if (prev && HEAD_POS.has(prev.pos) && !/['’]s$/.test(prev.text) && HEAD_POS.has(tokens[first].pos)) return true;
  if (prev && prev.pos === "NUM") return true;
  if (next && next.pos === "NUM" && /^\d/.test(next.text) && /^\p{Lu}/u.test(tokens[last].text)) return true; // "[Python] 2.4": the version is the fact
  if (next && next.pos === "NUM" && MONTH.test(tokens[last].text)) return true; // "[Nov.] 1789": half a date
  if (next && HEAD_POS.has(next.pos) && HEAD_POS.has(tokens[last].pos)) return true;
  // "the [University] of Rochester", "[U.S. Centers] for Disease Control": half a name
  if (tokens[last].pos === "PROPN" && next && /^(of|for|and|de|du|von)$/.test(next.text) && tokens[last + 2]?.pos === "PROPN") return true;
  return false;
}

/** One item of "X, Y and Z" or "the stack and the heap": any item would do, so none is a fair answer. */
function listItem(tokens: Token[], start: number, end: number, lists: { start: number; end: number }[]): boolean {
  if (lists.some((l) => l.start === start && l.end === end)) return false;
  const first = tokens.findIndex((t) => t.start === start);
  const last = tokens.findIndex((t) => t.end === end);
  const joiner = (t: Token | undefined) => Boolean(t && (t.text === "," || /^(and|or|nor)$/i.test(t.text)));
  const item = (t: Token | undefined) => Boolean(t && CHUNK_POS.has(t.pos));
  let k = first - 1;
  if (joiner(tokens[k])) {
    k--;
    if (tokens[k]?.text === "," || /^(and|or)$/i.test(tokens[k]?.text ?? "")) k--;
    if (item(tokens[k])) return true;
  }
  k = last + 1;
  if (joiner(tokens[k])) {
    k++;
    if (/^(and|or)$/i.test(tokens[k]?.text ?? "")) k++;
    if (tokens[k]?.pos === "DET") k++;
    if (item(tokens[k])) return true;
  }
  return false;
}

/** All answer candidates of a statement, best first, before card-level filters. */
export function answerSpans(statement: Statement, stats: DocumentStats, keyPoint = false): Span[] {
  const sentence: TaggedSentence = statement.sentence;
  const { text, tokens } = sentence;
  const marks = markedKeys(statement.block.marks);
  const spans: Span[] = [];
  const push = (span: Span) => {
    if (!isGapWorthy(span.answer, keyPoint) || stats.subjects.has(matchKey(span.answer))) return;
    if (statement.rewrite && span.start < statement.rewrite.length) return;
    spans.push(span);
  };

  const occurrences = stats.terms.occurrencesIn(sentence);
  for (const occ of occurrences) {
    const partOfLonger = occurrences.some((o) => o !== occ && o.start <= occ.start && o.end >= occ.end);
    if (partOfLonger) continue;
    const own = tokens.filter((t) => t.start >= occ.start && t.end <= occ.end);
    // "Outline a high level design": a capitalised everyday word opening a sentence is not a name,
    // and "life on [Earth]" is an everyday word wherever it stands
    const capitalised = own.length === 1 && !marks.has(occ.text.toLowerCase()) && /^\p{Lu}\p{Ll}+$/u.test(occ.text);
    if (capitalised && (occ.start === 0 && zipf(occ.text) >= 3 || zipf(occ.text) >= 4.8)) continue;
    // a repeated everyday word ("page" in a crawler design) is the setting, unless a sentence defines it
    if (own.length === 1 && everyday(own[0], stats) && !marks.has(occ.text.toLowerCase()) && !definesTerm(text, occ.start, occ.end)) continue;
    const recurring = occ.term.count >= 2;
    const score = 0.5 + 0.25 * importance(own, stats) + (recurring ? 0.1 : 0) + (occ.term.kind === "term" ? 0 : 0.05)
      + (marks.has(occ.text.toLowerCase()) ? 0.1 : 0);
    push({ kind: definesTerm(text, occ.start, occ.end) ? "definition" : "name", start: occ.start, end: occ.end, answer: occ.text, occurrence: occ, score });
  }

  for (const t of tokens) {
    if (t.atomic && /\p{L}/u.test(t.text) && !occurrences.some((o) => o.start <= t.start && o.end >= t.end)) {
      push({ kind: "name", start: t.start, end: t.end, answer: t.text, score: 0.55 + (stats.marked.has(t.text.toLowerCase()) ? 0.15 : 0) });
    }
  }

  for (const [key, kind] of marks) {
    const at = text.toLowerCase().indexOf(key);
    if (at < 0 || key.split(" ").length > 5 || spans.some((s) => s.start === at && s.end === at + key.length)) continue;
    const own = tokens.filter((t) => t.start >= at && t.end <= at + key.length);
    const base = kind === "code" ? 0.55 : 0.7;
    const defines = definesTerm(text, at, at + key.length);
    push({ kind: defines ? "definition" : "marked", start: at, end: at + key.length, answer: text.slice(at, at + key.length), score: base + 0.3 * importance(own, stats) });
  }

  for (const chunk of nounChunks(tokens)) {
    // the whole chunk, or the chunk without its leading adjectives ("considerable [cost savings]")
    const starts = [0];
    for (let k = 0; k < chunk.length - 1 && chunk[k].pos === "ADJ" && !chunk[k].atomic; k++) starts.push(k + 1);
    for (const from of starts) {
      const part = chunk.slice(from);
      const uses = stats.lemmas.get(part[part.length - 1].lemma) ?? 1;
      const s0 = part[0].start;
      const answer = text.slice(s0, part[part.length - 1].end).replace(/['’]s$/, "");
      const e0 = s0 + answer.length;
      if (occurrences.some((o) => o.start < e0 && o.end > s0)) continue; // names are asked as names
      if (spans.some((s) => s.start === s0 && s.end === e0)) continue;
      const head = part[part.length - 1];
      // "due to the [way hydrogen bonds] are oriented": a generic noun opening a clause, not a compound
      if (part.length > 1 && GENERIC_NOUNS.has(part[0].lemma) && part[1].pos !== "ADJ") continue;
      const specific = part.filter((t) => t.atomic || !(vague(t.text) || vague(t.lemma)));
      // "high performance", "global competitors": nothing in it is particular to this document
      // (a key point is what the author says matters, even in plain words)
      if (!keyPoint && (specific.length === 0 || specific.every((t) => t.pos === "ADJ" && zipf(t.text) >= 3.5))) continue;
      const value = importance(part, stats);
      const compound = part.filter((t) => HEAD_POS.has(t.pos)).length >= 2;
      // one everyday word ("memory", "text") is rarely the point of a sentence; a rare one ("pointer") can be
      // nor everyday words with vague ones ("different [values]", "[web page]")
      if (!keyPoint && specific.every((t) => everyday(t, stats)) && !stats.marked.has(answer.toLowerCase())) continue;
      // an English word in one sentence in eight ("respondents" in a survey, "node" in a graph chapter) is
      // the document's setting, not a fact: asked only where a sentence defines it (a coined term, "variolation", is the fact)
      if (part.length === 1 && !part[0].atomic && /^\p{Ll}/u.test(part[0].text) && !keyPoint && uses >= Math.max(4, stats.statements / 8) && zipf(part[0].text) >= 2
        && !stats.marked.has(answer.toLowerCase()) && !definesTerm(text, s0, e0)) continue;
      let score = part.length === 1 ? 0.15 + 0.55 * value : 0.3 + 0.45 * value + (compound ? 0.05 : 0);
      if (uses >= 2) score += 0.05;
      if (stats.marked.has(answer.toLowerCase())) score += 0.15;
      if (GENERIC_NOUNS.has(head.lemma)) score -= 0.15;
      if (from > 0) score -= 0.03;
      const kind: SpanKind = definesTerm(text, s0, e0) ? "definition" : "phrase";
      push({ kind, start: s0, end: e0, answer, score: kind === "definition" ? Math.max(score, 0.6) + 0.2 : score });
    }
  }

  const lists = enumerations(tokens);
  for (const list of lists) {
    const answer = text.slice(list.start, list.end);
    const own = tokens.filter((t) => t.start >= list.start && t.end <= list.end);
    if (wordCount(answer) <= 8) push({ kind: "list", start: list.start, end: list.end, answer, score: 0.3 + 0.45 * importance(own, stats) + 0.03 * Math.min(list.items, 3) });
  }

  return spans
    .filter((s) => (s.kind === "list" || !cutsPhrase(tokens, s.start, s.end)) && !listItem(tokens, s.start, s.end, lists))
    .sort((a, b) => b.score - a.score || (b.end - b.start) - (a.end - a.start) || a.start - b.start);
}

export function gapSentence(text: string, start: number, end: number): string {
  return `${text.slice(0, start)}${GAP}${text.slice(end)}`;
}

/** The prompt a statement gives with the span hidden: lead-in, resolved referent, the gap. */
export function promptFor(statement: Statement, start: number, end: number): string {
  let gapped = gapSentence(statement.sentence.text, start, end);
  if (statement.rewrite) gapped = statement.rewrite.text + gapped.slice(statement.rewrite.length);
  return `${statement.context ?? ""}${gapped}`;
}

/** Content words a learner reads around the gap. */
export function contextWords(prompt: string): number {
  return contentWords(prompt.replace(GAP, " ")).length;
}

/** Why an answer cannot be asked in this prompt, or null. */
export function answerProblem(answer: string, prompt: string, statement: Statement, stats: DocumentStats): string | null {
  let heading = stats.headingKeys.get(statement.heading);
  if (!heading) stats.headingKeys.set(statement.heading, (heading = new Set([...stats.titleWords, ...wordKeys(statement.heading)])));
  if (givenAway(answer, heading)) return "given away by the title or section";
  if (answerLeaks(answer, prompt)) return "shown elsewhere in the prompt";
  const around = gapProblem(prompt, answer);
  if (around) return around;
  if (contextWords(prompt) < 4) return "fewer than four content words around the gap";
  const words = wordCount(answer.replace(/\b(and|or)\b/g, ""));
  if (words > Math.max(4, wordCount(statement.sentence.text) * 0.45)) return "answer too long";
  return null;
}

