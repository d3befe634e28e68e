/**
 * Named terms of a document (people, companies, models, places): runs of capitalised words,
 * counted across sentences, with aliases merged ("DeepSeek" = "Deep Seek") and a kind guessed
 * from gazetteers and context ("X, a Chinese AI startup" → company; "R1", "GPT-4" → model).
 */
import { matchKey, STOPWORDS } from "./normalise";
import type { TaggedSentence, Token } from "./sentences";

export type TermKind = "model" | "company" | "place" | "nationality" | "term";

export interface Term {
  key: string;
  /** The most frequent way the document writes it. */
  display: string;
  kind: TermKind;
  /** Number of distinct sentences mentioning it. */
  count: number;
  tokens: number;
  /** Named in the document's title: its subject, a weak gap because every card is about it. */
  subject?: boolean;
}

export interface TermOccurrence { term: Term; start: number; end: number; text: string }

export interface TermIndex {
  terms: Map<string, Term>;
  occurrencesIn(sentence: TaggedSentence): TermOccurrence[];
}

const PLACES = new Set(
  ("china us u.s. usa united states america asia europe eu japan india taiwan korea south korea uk britain germany france " +
    "canada russia africa australia brazil mexico silicon valley california beijing shanghai shenzhen london paris tokyo " +
    "new york washington texas israel singapore vietnam indonesia netherlands sweden norway italy spain switzerland " +
    "middle east latin america hong kong").split(" ").concat(["united states", "south korea", "silicon valley", "new york", "middle east", "latin america", "hong kong"]),
);
const NATIONALITIES = new Set(
  "chinese american european japanese indian korean british german french canadian russian asian african australian taiwanese israeli".split(" "),
);
const COMPANIES = new Set(
  ("openai google microsoft meta apple amazon nvidia anthropic intel amd tsmc huawei alibaba baidu tencent ibm tesla samsung " +
    "oracle netflix bytedance xai mistral deepmind qualcomm arm").split(" "),
);
/** Acronyms too common to be a term on their own; they also break runs ("Chinese AI startup"). */
const GENERIC_ACRONYMS = new Set(["AI", "LLM", "LLMs", "ML", "API", "APIs", "IT", "CEO", "CEOs", "GPU", "GPUs", "CPU", "OK", "I"]);
const CODE = /^(?:[A-Z]{1,4}-?\d+(?:\.\d+)?[a-z]?|\d+[A-Z][A-Za-z]*)$/;

const COMPANY_AFTER = /^,?\s(?:a|an|the)\s(?:[\p{L}-]+\s){0,4}?(?:startup|company|firm|lab|vendor|maker|giant|corporation|group|developer)\b/u;
const COMPANY_BEFORE = /\b(?:companies|firms|startups|vendors|labs|rivals|competitors)\s(?:like|such as|including)\s$/;
const MODEL_AFTER = /^\s(?:[\p{Ll}-]+\s)?(?:model|models|LLM|chatbot)\b/u;
const MODEL_BEFORE = /\bmodels?\s(?:like|such as|including|called|named)\s$/;

function bareText(token: Token): string {
  return token.text.replace(/['’]s$|['’]$/, "");
}

function isNameLike(token: Token, index: number, midCapitalised: Set<string>): boolean {
  const text = bareText(token);
  if (!/^\p{Lu}/u.test(text) && !CODE.test(text)) return false;
  if (GENERIC_ACRONYMS.has(text)) return false;
  const lower = text.toLowerCase();
  if (STOPWORDS.has(lower)) return false;
  if (index === 0 && !midCapitalised.has(lower) && !CODE.test(text) && !/^\p{Lu}\p{Ll}+\p{Lu}/u.test(text)) return false;
  return /[\p{L}\p{N}]/u.test(text);
}

interface Run { start: number; end: number; tokens: Token[] }

function runsOf(sentence: TaggedSentence, midCapitalised: Set<string>): Run[] {
  const runs: Run[] = [];
  let current: Token[] = [];
  const close = () => {
    if (current.length) {
      const last = current[current.length - 1];
      runs.push({ start: current[0].start, end: last.start + bareText(last).length, tokens: current });
    }
    current = [];
  };
  sentence.tokens.forEach((token, k) => {
    if (isNameLike(token, k, midCapitalised)) {
      current.push(token);
      if (bareText(token) !== token.text) close();
    } else close();
  });
  close();
  return runs;
}

function classify(term: Term, contexts: { before: string; after: string; hasCode: boolean }[]): TermKind {
  const key = term.display.toLowerCase();
  if (PLACES.has(key) || PLACES.has(key.replace(/\./g, ""))) return "place";
  if (NATIONALITIES.has(key)) return "nationality";
  if (COMPANIES.has(key)) return "company";
  if (contexts.some((c) => c.hasCode) || /GPT$/.test(term.display)) return "model";
  if (contexts.some((c) => COMPANY_AFTER.test(c.after) || COMPANY_BEFORE.test(c.before) || /^\s(?:Inc|Corp|Ltd|LLC)\b/.test(c.after))) return "company";
  if (contexts.some((c) => MODEL_AFTER.test(c.after) || MODEL_BEFORE.test(c.before))) return "model";
  return "term";
}

/** Collects the named terms of all sentences of a document. */
export function collectTerms(sentences: TaggedSentence[]): TermIndex {
  const midCapitalised = new Set<string>();
  for (const s of sentences) {
    s.tokens.forEach((t, k) => { if (k > 0 && /^\p{Lu}/u.test(t.text)) midCapitalised.add(bareText(t).toLowerCase()); });
  }
  const found = new Map<string, { forms: Map<string, number>; sentences: Set<TaggedSentence>; contexts: { before: string; after: string; hasCode: boolean }[]; tokens: number }>();
  const perSentence = new Map<TaggedSentence, { key: string; start: number; end: number; text: string }[]>();
  const add = (s: TaggedSentence, start: number, end: number, tokenCount: number, hasCode: boolean) => {
    const text = s.text.slice(start, end);
    const key = matchKey(text);
    if (key.length < 2) return;
    let entry = found.get(key);
    if (!entry) found.set(key, (entry = { forms: new Map(), sentences: new Set(), contexts: [], tokens: tokenCount }));
    entry.forms.set(text, (entry.forms.get(text) ?? 0) + 1);
    entry.sentences.add(s);
    if (entry.contexts.length < 20) entry.contexts.push({ before: s.text.slice(Math.max(0, start - 40), start), after: s.text.slice(end, end + 60), hasCode });
    const list = perSentence.get(s) ?? [];
    list.push({ key, start, end, text });
    perSentence.set(s, list);
  };
  for (const s of sentences) {
    for (const run of runsOf(s, midCapitalised)) {
      const last = run.tokens[run.tokens.length - 1];
      const hasCode = run.tokens.some((t) => CODE.test(bareText(t)));
      add(s, run.start, run.end, run.tokens.length, hasCode);
      if (run.tokens.length >= 2 && CODE.test(bareText(last))) {
        const base = run.tokens[run.tokens.length - 2];
        add(s, run.start, base.start + bareText(base).length, run.tokens.length - 1, false);
        add(s, last.start, run.end, 1, true);
      }
    }
  }
  const terms = new Map<string, Term>();
  for (const [key, entry] of found) {
    const display = [...entry.forms.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
    const term: Term = { key, display, kind: "term", count: entry.sentences.size, tokens: entry.tokens };
    term.kind = classify(term, entry.contexts);
    terms.set(key, term);
  }
  return {
    terms,
    occurrencesIn: (s) => (perSentence.get(s) ?? []).map((o) => ({ term: terms.get(o.key)!, start: o.start, end: o.end, text: o.text })),
  };
}
