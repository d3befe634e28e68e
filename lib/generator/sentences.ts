/**
 * Sentences and tokens. The sentence cutter knows text: a boundary is a full stop, question or
 * exclamation mark followed by a space and a capital, never the dot of "Node.js", "bit.ly",
 * "3.5", "v2.1", "e.g.", "U.S." or an initial. Tokens come from wink-nlp's tagger (offline,
 * loaded once) and are glued back where the tagger cut a word that has no space in it: file and
 * domain names, formulas with sub- and superscripts (CO₂, C₆H₁₂O₆), "E = mc²", hyphenated words.
 */
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";

export interface Token {
  text: string;
  /** Character offsets of the token inside its sentence. */
  start: number;
  end: number;
  pos: string;
  lemma: string;
  stop: boolean;
  /** A formula or a name with digits in it (CO₂, u32, E = mc²): never cut, never a common word. */
  atomic?: boolean;
}

export interface TaggedSentence {
  text: string;
  tokens: Token[];
}

let nlp: ReturnType<typeof winkNLP> | null = null;

function engine(): ReturnType<typeof winkNLP> {
  // sentences are cut by splitSentences; wink only tags (its own sentence finder would cost a third more)
  nlp ??= winkNLP(model, ["pos"]);
  return nlp;
}

const ABBREVIATIONS = new Set(
  ("e.g i.e etc vs cf al approx ca fig figs no nos vol pp p ch sec eq eqs dr mr mrs ms prof st jr sr inc ltd co corp " +
    "dept est min max resp viz a.m p.m u.s u.k u.n ph.d mt ft jan feb mar apr jun jul aug sep sept oct nov dec " +
    // German, French, Spanish, Italian, Portuguese and Dutch notes ("1,5 Mio. Einwohner", "p. ex.", "bijv.")
    "mio mrd tsd bzw usw vgl ggf inkl evtl nr abs jh chr env av apr mme mlle núm pág aprox ej ecc sig dott bijv enz mln mld ca d.h z.b o.ä u.a")
    .split(" "),
);
/** Abbreviations that also end sentences often enough to split when a capital follows. */
const FINAL_ABBREVIATIONS = new Set(["etc", "al", "inc", "ltd", "co", "corp"]);

/** Cuts a block of text into sentences. */
export function splitSentences(block: string): string[] {
  const text = block.replace(/\s+/g, " ").trim();
  if (!text) return [];
  const result: string[] = [];
  const boundary = /([.!?]+)(["'”’)\]]*)\s+(?=["'“‘(\[]?[\p{Lu}\p{N}])/gu;
  let from = 0;
  for (const m of text.matchAll(boundary)) {
    const end = m.index + m[1].length + m[2].length;
    if (m[1] === ".") {
      const word = /(?:^|[\s(“"])([\p{L}.]+)$/u.exec(text.slice(from, m.index))?.[1] ?? "";
      const low = word.toLowerCase();
      if (/^\p{Lu}$/u.test(word)) continue; // an initial: "J. Smith"
      if (ABBREVIATIONS.has(low) && !FINAL_ABBREVIATIONS.has(low)) continue;
      if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) continue; // "U.S", "e.g"
    }
    result.push(text.slice(from, end).trim());
    from = end;
  }
  const rest = text.slice(from).trim();
  if (rest) result.push(rest);
  return result;
}

const BOUNDARY_TOKEN = /^(?:[,;:!?()[\]{}"“”‘«»…—–]|['’].*|n['’]t)$/iu;
const SCRIPT = /[₀-₉₊₋⁰-⁹¹²³⁺⁻ⁿ]/u;
const MATH_JOIN = new Set(["=", "+", "→", "⇌", "×", "≈", "≤", "≥"]);

function nounish(pos: string): boolean {
  return pos === "NOUN" || pos === "PROPN";
}

/** A word the tagger cut although the text has no space in it: "Node" "." "js", "CO" "₂", "high" "-" "end". */
function glue(tokens: Token[], text: string): Token[] {
  const merged: Token[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    const prev = merged[merged.length - 1];
    const next = tokens[k + 1];
    const finalStop = t.text === "." && (!next || next.start > t.end);
    if (prev && prev.end === t.start && !finalStop && !BOUNDARY_TOKEN.test(t.text) && !BOUNDARY_TOKEN.test(prev.text)) {
      const pieces = text.slice(prev.start, t.end);
      const atomic = prev.atomic || SCRIPT.test(pieces) || /\d/.test(pieces) && /\p{L}/u.test(pieces) || /\.\p{L}/u.test(pieces);
      const hyphenated = /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+$/u.test(pieces);
      const pos = hyphenated ? (t.pos === "VERB" ? "ADJ" : nounish(t.pos) || t.pos === "ADJ" ? t.pos : prev.pos)
        : atomic ? "PROPN" : nounish(prev.pos) || nounish(t.pos) ? (nounish(t.pos) ? t.pos : prev.pos) : prev.pos;
      merged[merged.length - 1] = {
        text: pieces, start: prev.start, end: t.end, pos, lemma: pieces.toLowerCase(), stop: false, ...(atomic ? { atomic } : {}),
      };
      continue;
    }
    merged.push({ ...t });
  }
  return joinFormulas(merged, text);
}

function formulaLike(t: Token): boolean {
  return Boolean(t.atomic) || /^[\p{Lu}\p{N}][\p{L}\p{N}]{0,3}$/u.test(t.text) && !/^\p{Lu}\p{Ll}{2,}$/u.test(t.text);
}

/** "E = mc²", "6CO₂ + 6H₂O → C₆H₁₂O₆ + 6O₂": one atomic token. */
function joinFormulas(tokens: Token[], text: string): Token[] {
  const out: Token[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    const prev = out[out.length - 1];
    const next = tokens[k + 1];
    if (MATH_JOIN.has(t.text) && prev && next && formulaLike(prev) && formulaLike(next) && (t.text === "=" || prev.atomic || next.atomic)) {
      out[out.length - 1] = { text: text.slice(prev.start, next.end), start: prev.start, end: next.end, pos: "PROPN", lemma: text.slice(prev.start, next.end), stop: false, atomic: true };
      k++;
      continue;
    }
    out.push(t);
  }
  return out;
}

/**
 * A sentence with no verb at all has one the tagger read as a plural noun ("The move to open
 * source aligns with global trends"): the first such word after a noun, before a preposition or
 * determiner, is the verb.
 */
function repairVerb(tokens: Token[]): Token[] {
  // "rules that the compiler checks.": a relative clause's verb read as a plural noun
  for (let k = 2; k < tokens.length; k++) {
    const t = tokens[k];
    const after = tokens[k + 1];
    const relative = (j: number) => /^(that|which)$/i.test(tokens[j]?.text ?? "");
    if (t.pos === "NOUN" && /[^s]s$/.test(t.text) && !t.atomic && nounish(tokens[k - 1].pos)
      && (relative(k - 2) || tokens[k - 2].pos === "DET" && relative(k - 3)) && (!after || after.pos === "PUNCT" || after.pos === "ADP")) {
      tokens[k] = { ...t, pos: "VERB" };
    }
  }
  // "Each cycle moves from light sleep…": after the opening noun, a plural-looking noun before a
  // preposition, with no verb until the next comma, is the sentence's verb
  const opening = tokens[0]?.pos === "DET" ? 1 : 0;
  const second = tokens[opening + 1];
  if (tokens[opening]?.pos === "NOUN" && !/s$/.test(tokens[opening].text) && second?.pos === "NOUN" && /[^s]s$/.test(second.text)
    && tokens[opening + 2]?.pos === "ADP") {
    const clause = tokens.slice(opening + 2);
    const comma = clause.findIndex((t) => t.text === ",");
    if (!(comma < 0 ? clause : clause.slice(0, comma)).some((t) => t.pos === "VERB" || t.pos === "AUX")) tokens[opening + 1] = { ...second, pos: "VERB" };
  }
  if (tokens.some((t) => t.pos === "VERB" || t.pos === "AUX")) return tokens;
  for (let k = 1; k < tokens.length - 1; k++) {
    const t = tokens[k];
    const prev = tokens[k - 1];
    // "technology aligns with", "boosters land on": singular and plural side by side, a preposition after
    const agrees = /[^s]s$/.test(t.text) || /[^s]s$/.test(prev.text) && !/s$/.test(t.text);
    if (t.pos === "NOUN" && !t.atomic && agrees && /^(NOUN|PROPN)$/.test(prev.pos) && /^(ADP|DET|ADJ|PRON|ADV)$/.test(tokens[k + 1].pos)) {
      tokens[k] = { ...t, pos: "VERB" };
      break;
    }
  }
  return tokens;
}

/** Tags a block's text once (one wink document is far cheaper than one per sentence). */
function tagText(text: string): Token[] {
  const nlpEngine = engine();
  const its = nlpEngine.its;
  const tokens = nlpEngine.readDoc(text).tokens();
  const values = tokens.out() as string[];
  const pos = tokens.out(its.pos) as string[];
  const lemma = tokens.out(its.lemma as Parameters<typeof tokens.out>[0]) as string[];
  const stop = tokens.out(its.stopWordFlag) as unknown as boolean[];
  const raw: Token[] = [];
  let offset = 0;
  values.forEach((value, k) => {
    const found = text.indexOf(value, offset);
    const start = found >= 0 ? found : offset;
    offset = start + value.length;
    // wink learns words as it reads, so "OpenAI's" may come whole after another document: split it the same way every time
    const possessive = /^(.+?)(['’]s)$/u.exec(value);
    if (possessive && possessive[1].length > 1 && /^\p{Lu}/u.test(value)) {
      raw.push({ text: possessive[1], start, end: start + possessive[1].length, pos: "PROPN", lemma: possessive[1].toLowerCase(), stop: false });
      raw.push({ text: possessive[2], start: start + possessive[1].length, end: offset, pos: "PART", lemma: "'s", stop: true });
      return;
    }
    const atomic = SCRIPT.test(value) || /\d/.test(value) && /\p{L}/u.test(value);
    raw.push({
      text: value, start, end: offset, pos: atomic ? "PROPN" : pos[k], lemma: lemma[k] ?? value.toLowerCase(), stop: Boolean(stop[k]),
      ...(atomic ? { atomic } : {}),
    });
  });
  return raw;
}

/** Tags one sentence. */
export function tagSentence(text: string): TaggedSentence {
  return { text, tokens: repairVerb(glue(tagText(text), text)) };
}

/** Splits a block (one bullet or paragraph) into tagged sentences. */
export function tagSentences(block: string): TaggedSentence[] {
  const sentences = splitSentences(block);
  if (sentences.length <= 1) return sentences.map(tagSentence);
  const text = sentences.join(" ");
  const tokens = tagText(text);
  let from = 0;
  let k = 0;
  return sentences.map((sentence) => {
    const start = from;
    from += sentence.length + 1;
    const own: Token[] = [];
    for (; k < tokens.length && tokens[k].start < from - 1; k++) {
      const t = tokens[k];
      if (t.end <= start + sentence.length) own.push({ ...t, start: t.start - start, end: t.end - start });
    }
    return { text: sentence, tokens: repairVerb(glue(own, sentence)) };
  });
}
