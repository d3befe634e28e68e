/**
 * The document's language, from franc-min's trigram profiles (82 languages, bundled: no download)
 * over the text the readers keep (no code, no markup), reported as ISO 639-1. English gets the
 * full generator; any other language only what needs no English grammar model (layout.ts).
 */
import { francAll } from "franc-min";
import { iso6393To1 } from "iso-639-3/iso6393-to-1.js";
import type { ParsedDocument } from "./outline";

/** Individual languages franc names whose ISO 639-1 code belongs to their macrolanguage. */
const MACRO: Record<string, string> = {
  cmn: "zh", arb: "ar", zlm: "ms", swh: "sw", pes: "fa", uzn: "uz", azj: "az", ckb: "ku", npi: "ne", plt: "mg", qug: "qu", koi: "kv",
};

/** Characters franc reads: its own limit is 2,048; a thousand characters spread over the document tell a language apart and cost about a millisecond. */
const SAMPLE_CHARS = 1000;

/** ISO 639-1 for a franc result; languages with no two-letter code keep their ISO 639-3 code; "und" when unknown. */
export function isoCode(code: string): string {
  return iso6393To1[code] ?? MACRO[code] ?? code;
}

const MIN_LETTERS = 40;

/** The language of the document's prose: blocks taken evenly from start to end, so a quoted passage does not decide it. */
export function documentLanguage(doc: ParsedDocument): string {
  const texts = [
    doc.title, doc.summary ?? "", ...doc.keyPoints,
    ...(doc.definitions ?? []).map((b) => `${b.term ?? ""} ${b.text}`),
    ...doc.sections.flatMap((s) => [s.title, ...s.blocks.map((b) => `${b.term ?? ""} ${b.text}`)]),
  ].filter((t) => /\p{L}/u.test(t));
  const total = texts.reduce((n, t) => n + t.length + 1, 0);
  let sample = texts.join("\n");
  if (total > SAMPLE_CHARS) {
    // every k-th block, each cut to its share, until the sample is full
    const share = Math.max(80, Math.floor(SAMPLE_CHARS / texts.length));
    const step = Math.max(1, Math.round((texts.length * share) / SAMPLE_CHARS));
    const picked: string[] = [];
    for (let k = 0; k < texts.length && picked.join("\n").length < SAMPLE_CHARS; k += step) picked.push(texts[k].slice(0, share));
    sample = picked.join("\n");
  }
  // a few headings or words say nothing reliable about a language: read them as English
  if ((sample.match(/\p{L}/gu) ?? []).length < MIN_LETTERS) return "en";
  const scores = francAll(sample.replace(/\d+/g, " "), { minLength: 3 });
  const [code] = scores[0];
  if (code === "und") return "en";
  // trigrams of names and a quoted passage can tip a short English text: English function words cannot
  const english = scores.find(([c]) => c === "eng")?.[1] ?? 0;
  if (code !== "eng" && english >= 0.85 && englishShare(sample) >= 0.08) return "en";
  return isoCode(code);
}

/** Words English prose is full of and the six other languages of the fixtures hardly use. */
const ENGLISH_WORDS = new Set("the of and to that with which for from this by its are were has have been be it an or not".split(" "));

/** Share of a text's words that are English function words: about a fifth in English prose, near none in other languages. */
function englishShare(text: string): number {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  return words.length ? words.filter((w) => ENGLISH_WORDS.has(w)).length / words.length : 0;
}

/**
 * The language of a passage of an English document (an English chapter may quote a French
 * passage): English prose is a fifth function words, so only a passage with few of them is asked
 * of the detector, and it is foreign only when the detector is clear that English is not it.
 */
export function passageLanguage(text: string): string {
  if ((text.match(/\p{L}+/gu) ?? []).length < 8 || englishShare(text) >= 0.08) return "en";
  const scores = francAll(text.replace(/\d+/g, " "), { minLength: 30 });
  const [top] = scores;
  if (!top || top[0] === "und" || top[0] === "eng" || top[0] === "sco") return "en";
  const englishScore = scores.find(([code]) => code === "eng")?.[1] ?? 0;
  return englishScore >= 0.9 ? "en" : isoCode(top[0]);
}
