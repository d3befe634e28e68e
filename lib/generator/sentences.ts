/** Sentence splitting and part-of-speech tagging with wink-nlp (offline, loaded once). */
import winkNLP, { type ItemSentence } from "wink-nlp";
import model from "wink-eng-lite-web-model";

export interface Token {
  text: string;
  /** Character offset of the token inside its sentence. */
  start: number;
  end: number;
  pos: string;
  lemma: string;
  stop: boolean;
}

export interface TaggedSentence {
  text: string;
  tokens: Token[];
}

let nlp: ReturnType<typeof winkNLP> | null = null;

function engine(): ReturnType<typeof winkNLP> {
  nlp ??= winkNLP(model, ["sbd", "pos"]);
  return nlp;
}

/** "high-end", "AI-driven", "open-source": one token, tagged like its last part (participles as adjectives). */
function mergeHyphenated(tokens: Token[]): Token[] {
  const merged: Token[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    const prev = merged[merged.length - 1];
    const next = tokens[k + 1];
    if (/^[-–]$/.test(t.text) && prev && next && prev.end === t.start && t.end === next.start && /[\p{L}\p{N}]$/u.test(prev.text) && /^[\p{L}\p{N}]/u.test(next.text)) {
      const pos = next.pos === "VERB" ? "ADJ" : next.pos;
      merged[merged.length - 1] = { text: `${prev.text}-${next.text}`, start: prev.start, end: next.end, pos, lemma: `${prev.lemma}-${next.lemma}`, stop: false };
      k++;
      continue;
    }
    merged.push(t);
  }
  return merged;
}

/** Splits a block (one bullet or paragraph) into tagged sentences. */
export function tagSentences(block: string): TaggedSentence[] {
  const nlpEngine = engine();
  const its = nlpEngine.its;
  const doc = nlpEngine.readDoc(block);
  const result: TaggedSentence[] = [];
  let cursor = 0;
  doc.sentences().each((sentence: ItemSentence) => {
    const raw = sentence.out();
    const at = block.indexOf(raw, cursor);
    const text = raw.trim();
    if (at >= 0) cursor = at + raw.length;
    const values = sentence.tokens().out() as string[];
    const pos = sentence.tokens().out(its.pos) as string[];
    const lemma = sentence.tokens().out(its.lemma as Parameters<ReturnType<ItemSentence["tokens"]>["out"]>[0]) as string[];
    const stop = sentence.tokens().out(its.stopWordFlag) as unknown as boolean[];
    const tokens: Token[] = [];
    let offset = 0;
    values.forEach((value, k) => {
      const found = text.indexOf(value, offset);
      const start = found >= 0 ? found : offset;
      offset = start + value.length;
      tokens.push({ text: value, start, end: offset, pos: pos[k], lemma: lemma[k] ?? value.toLowerCase(), stop: Boolean(stop[k]) });
    });
    if (text) result.push({ text, tokens: mergeHyphenated(tokens) });
  });
  return result;
}

/** Sentences of a block as plain strings. */
export function splitSentences(block: string): string[] {
  return tagSentences(block).map((s) => s.text);
}
