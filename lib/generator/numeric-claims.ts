/**
 * extractNumericClaims: percentages, ranges, bounds, from→to changes, money, multipliers,
 * durations, counts, temperatures and years in one sentence. Plain rules, no NLP.
 * Section numbers and list numbers never reach here (the parser strips them); numbers glued to
 * letters ("R1", "V3", "GPT-4", "4o", "H100") are model names, not claims.
 */
import { MEASURE_SYMBOLS, numberLocale, type NumberLocale } from "./number-locales";
import {
  FACTOR_WORDS, NUMBER_WORDS, decimalsOf, durationDays, parseNumber,
  type QuantityFormat, type Unit,
} from "./quantity";

export type ClaimKind =
  | "percent" | "range" | "bound" | "change" | "money" | "multiplier" | "duration" | "count" | "temperature" | "year" | "measure";

export interface NumericClaim {
  kind: ClaimKind;
  /** The whole claim as written: "at least 50%", "from 6 months to just 8 weeks". */
  text: string;
  /** The part hidden in the prompt and given as the answer, with its offsets in the sentence. */
  answer: string;
  start: number;
  end: number;
  /** Answer value in the format's scale (low end for ranges). */
  value: number;
  high?: number;
  bound?: "min" | "max";
  /** "below" / "above": a threshold rather than a stated minimum or maximum. */
  threshold?: boolean;
  /** For changes: the starting value and its canonical size, so distractors stay on the answer's side. */
  fromCanonical?: number;
  format: QuantityFormat;
  /** Comparable size ("8 weeks" and "56 days" agree): used for dedupe and change direction. */
  canonical: number;
}

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const NEVER = "(?:(?!))";
const alternatives = (words: string[]) => (words.length ? words.join("|") : NEVER);

/** Every pattern the claims need, written for one language's numbers and words. */
interface Patterns {
  locale: NumberLocale;
  english: boolean;
  number: RegExp;
  scale: RegExp;
  numberPart: RegExp;
  measure: RegExp;
  currencyAfter: RegExp;
  percent: RegExp;
  degrees: RegExp;
  duration: RegExp;
  changes: { pattern: RegExp; ambiguous: boolean }[];
  range: RegExp;
  rangeCue: RegExp;
  bound: RegexpPair;
  minWords: RegExp;
  multiplier: RegExp | null;
  single: RegExp;
  year: RegExp;
  yearCue: RegExp;
  reference: RegExp;
  halfBefore: RegExp;
  halfAfter: RegExp;
  anyNumber: RegExp;
}
interface RegexpPair { cue: RegExp; pattern: RegExp }

function buildPatterns(language: string): Patterns {
  const locale = numberLocale(language);
  const english = language === "en";
  // JavaScript's \b knows ASCII letters only: "über", "mês" need Unicode-aware edges
  const B = english ? String.raw`\b` : String.raw`(?<![\p{L}\p{N}])`;
  const E = english ? String.raw`\b` : String.raw`(?![\p{L}\p{N}])`;
  const comma = locale.decimal === ",";
  const groups = comma ? (locale.spaceGroups ? "[. \u00a0\u202f]" : "[.\u00a0\u202f]") : ",";
  const NUM = String.raw`(?<![\p{L}\p{N}_.,]|\p{L}-)(?:\d{1,3}(?:${groups}\d{3})+|\d+)(?:${comma ? "," : String.raw`\.`}\d+)?(?![\p{L}\p{N}]|[.,]\d|-[\p{L}])`;
  const WORDNUM = english ? `(?:${Object.keys(NUMBER_WORDS).join("|")})` : NEVER;
  const scaleWords = Object.keys(locale.scales).sort((a, b) => b.length - a.length).map(escape);
  const SCALE = scaleWords.length ? String.raw`(?:\s?(?:${scaleWords.join("|")})${english ? String.raw`\b` : String.raw`(?![\p{L}])`})` : NEVER;
  const CURRENCY = String.raw`[$€£]`;
  const DURATION = String.raw`(?:${alternatives(locale.durations)})${E}`;
  const PER = english ? String.raw`(?:\s(?:per|a|an|each)\s(?:[\p{L}]+(?:-[\p{L}]+)*))` : NEVER;
  const edge = (word: string) => (/^[%°€$£]$/.test(word) ? word : `${word}${E}`);
  const PERCENT = String.raw`\s?(?:${locale.percent.map(edge).join("|")})`;
  const TEMP = String.raw`\s?(?:${locale.degrees.map(edge).join("|")})`;
  const currencyWords = locale.currencies.filter((c) => /\p{L}/u.test(c));
  const currencySymbols = locale.currencies.filter((c) => !/\p{L}/u.test(c));
  const CURRENCY_AFTER = [
    ...(currencyWords.length ? [String.raw`${SCALE}?\s(?:${currencyWords.join("|")})${E}`] : []),
    ...(currencySymbols.length ? [String.raw`${SCALE}?\s?(?:${currencySymbols.join("|")})`] : []),
  ];
  const MEASURE = english ? NEVER : String.raw`\s?(?:${MEASURE_SYMBOLS.map(escape).join("|")})(?![\p{L}\p{N}])`;
  const QUANTITY = String.raw`(?:${CURRENCY}\s?${NUM}${SCALE}?${PER}?|(?:${NUM}|${WORDNUM})(?:${PERCENT}|${TEMP}|\s${DURATION}|${[...CURRENCY_AFTER, MEASURE].join("|")}|${SCALE}?\s(?:[\p{Ll}-]+\s)?${locale.countNoun})|${NUM}${SCALE}?)`;
  const QUALIFIER = english
    ? String.raw`(?:(?:just|only|about|around|roughly|nearly|almost|approximately|over|under)\s)?`
    : String.raw`(?:(?:etwa|rund|knapp|ca\.|environ|près de|presque|unos|casi|cerca de|circa|quasi|quase|ongeveer|bijna)\s)?`;
  const rangeWords = alternatives(locale.rangeWords.map(escape));
  const bounds = [...locale.minBounds, ...locale.maxBounds];
  const orWord = english ? "or" : "oder|ou|o|of";
  const references = alternatives(locale.references);
  // German nouns are capitalised: a case-blind pattern would take any word for a counted noun
  const flags = english ? "giu" : "gu";
  const once = english ? "iu" : "u";
  return {
    locale, english,
    number: new RegExp(`^(?:${NUM})$`, "u"),
    scale: new RegExp(`^${SCALE}`, once),
    numberPart: new RegExp(String.raw`^(?:[$€£]\s?)?(?:\d{1,3}(?:${groups}\d{3})+|\d+)(?:${comma ? "," : String.raw`\.`}\d+)?${SCALE}?`, once),
    measure: new RegExp(`^${MEASURE}$`, "u"),
    currencyAfter: new RegExp(`^(?:${CURRENCY_AFTER.map((c) => c.replace(`${SCALE}?`, "")).join("|") || NEVER})`, once),
    percent: new RegExp(`^${PERCENT}`, once),
    degrees: new RegExp(`^${TEMP}`, once),
    duration: new RegExp(`^${DURATION}$`, once),
    changes: locale.changes.map(([from, to]) => ({
      pattern: new RegExp(String.raw`${B}${from}${english ? String.raw`\s` : String.raw`\s?`}(${QUANTITY})\s(?:${english ? String.raw`up\s|down\s` : NEVER})?${to}\s${QUALIFIER}(${QUANTITY})`, flags),
      ambiguous: !english && locale.rangeWords.includes(to),
    })),
    range: new RegExp(String.raw`(?:${B}(?:${alternatives(locale.between.map(([a]) => a))})\s(${QUANTITY})\s(?:${alternatives(locale.between.map(([, b]) => b))})\s(${QUANTITY})|((?:${CURRENCY}\s?)?${NUM}${SCALE}?)\s?(?:-|–|—|\s(?:${rangeWords})\s)\s?(${QUANTITY}))`, flags),
    rangeCue: new RegExp(String.raw`\d\s?(?:-|–|—|(?:${rangeWords})${E})|${B}(?:${alternatives(locale.between.map(([a]) => a))})${E}|${B}(?:${rangeWords})\s\d`, once),
    bound: {
      cue: new RegExp(String.raw`${B}(?:${alternatives(bounds)})\s`, once),
      pattern: new RegExp(String.raw`${B}(${alternatives(bounds)})\s(${QUANTITY})`, flags),
    },
    minWords: new RegExp(`^(?:${alternatives(locale.minBounds)})$`, once),
    multiplier: english
      ? new RegExp(String.raw`(?:((?<![\p{L}\p{N}_.,]|\p{L}-)\d+(?:\.\d+)?|\b${WORDNUM})\s?(?:times|x|×)(?=\s|$|[.,;])|\b(${FACTOR_WORDS.map(([w]) => w).join("|")})\b|\b(${NUM}|${WORDNUM})-?fold\b)`, flags)
      : null,
    single: new RegExp(QUANTITY, flags),
    year: english
      ? /\b(?:in|since|by|until|from|during|before|after|of|early|late|mid)\s((?:19|20)\d\d)(?![\d%-]|s\b|['’]s\b|\s?(?:percent|million|billion))/giu
      : new RegExp(String.raw`${B}(?:${alternatives(locale.yearWords)})\s((?:1[0-9]|20)\d\d)(?![\d%-]|[.,]\d|\s?(?:${[...locale.percent.map(edge), ...scaleWords, ...locale.durations].join("|")}))`, flags),
    yearCue: english ? /(?:19|20)\d\d/ : /(?:1[0-9]|20)\d\d/,
    reference: new RegExp(String.raw`${B}(?:${references})\s?$`, once),
    halfBefore: new RegExp(String.raw`(?:\d|${B}${WORDNUM})\s?(?:${english ? "to" : rangeWords}|-|–|${orWord})\s?$`, once),
    halfAfter: new RegExp(String.raw`^\s?(?:${english ? "to" : rangeWords}|-|–)\s?(?:\d|${WORDNUM}${E})`, once),
    anyNumber: english ? new RegExp(String.raw`\d|\b(?:${WORDNUM}|${FACTOR_WORDS.map(([w]) => w).join("|")})\b`, once) : /\d/,
  };
}

const PATTERNS = new Map<string, Patterns>();
function patternsFor(language: string): Patterns {
  let patterns = PATTERNS.get(language);
  if (!patterns) PATTERNS.set(language, (patterns = buildPatterns(language)));
  return patterns;
}

interface Parsed { value: number; format: QuantityFormat; canonical: number }

/** "[100 billion] reads": the count's noun stays in the prompt, the answer is the number. */
function bareCount(claim: NumericClaim, p: Patterns): NumericClaim {
  const number = p.numberPart.exec(claim.answer)?.[0];
  if (!number || number.length === claim.answer.length) return claim;
  const adjectival = claim.value / claim.format.scale !== 1 && claim.format.noun![0] !== claim.format.noun![1] && claim.answer.endsWith(claim.format.noun![0]);
  return { ...claim, answer: number, end: claim.start + number.length, format: { ...claim.format, bare: true, adjectival } };
}

/** Reads one quantity ("$5.6 million per kilowatt-hour", "8 weeks", "45%", "3,000 employees", "1,5 Mio. €"). */
export function parseQuantity(text: string, fallback?: QuantityFormat, language = "en"): Parsed | null {
  const p = patternsFor(language);
  const t = text.trim();
  const m = /^([$€£])?\s?([\d.,\u00a0\u202f ]*\d|[a-z]+)(.*)$/iu.exec(t);
  if (!m) return null;
  const [, currency, numText] = m;
  if (!/^[a-z]+$/i.test(numText) && !p.number.test(numText)) return null;
  const marks = { decimalMark: p.locale.decimal, groupMark: p.locale.decimal === "," ? (/\d[\u00a0\u202f ]\d/.test(numText) ? "\u00a0" : ".") : "," };
  const number = p.english ? parseNumber(numText) : parseNumber(numText, marks.decimalMark);
  if (!Number.isFinite(number)) return null;
  const scaleMatch = p.scale.exec(m[3]);
  const scaleWord = scaleMatch?.[0].trim();
  const scale = scaleWord ? p.locale.scales[Object.keys(p.locale.scales).find((k) => k.toLowerCase() === scaleWord.toLowerCase())!] : 1;
  const rest = scaleMatch ? m[3].slice(scaleMatch[0].length) : m[3];
  const base = {
    prefix: currency ?? "", scale, decimals: decimalsOf(numText, marks.decimalMark), thousands: marks.decimalMark === "," ? /\d[.\u00a0\u202f ]\d{3}/.test(numText) : numText.includes(","),
    words: /^[a-z]+$/i.test(numText), ...(p.english ? {} : marks),
  };
  const scaleText = scaleMatch ? scaleMatch[0] : "";
  let unit: Unit;
  let suffix = scaleText + rest;
  let noun: [string, string] | undefined;
  let canonical = number * scale;
  if (currency || p.currencyAfter.test(rest)) unit = "money";
  else if (p.percent.test(rest)) unit = "percent";
  else if (p.degrees.test(rest)) unit = "temperature";
  else if (rest.trim() && p.measure.test(rest)) unit = "measure";
  else {
    const word = /^\s([\p{L}-]+\s)?([\p{L}-]+)$/u.exec(rest);
    if (!word) {
      if (!fallback) return null;
      return { value: number * fallback.scale, format: { ...fallback, ...base, scale: fallback.scale, prefix: fallback.prefix }, canonical: number * fallback.scale };
    }
    const head = word[2];
    // "Seven Years' War" is a name (a German noun is capitalised anyway)
    if (language !== "de" && (/^\p{Lu}/u.test(head) || /^\p{Lu}/u.test(word[1] ?? ""))) return null;
    unit = p.duration.test(head) ? "duration" : "count";
    if (p.english) {
      const singular = head.replace(/ies$/, "y").replace(/(ch|sh|x)es$/, "$1").replace(/s$/, "");
      noun = [`${word[1] ?? ""}${singular === "people" ? "person" : singular}`, `${word[1] ?? ""}${head}`];
    } else noun = [`${word[1] ?? ""}${head}`, `${word[1] ?? ""}${head}`]; // no English plural rules: options keep the answer's number
    suffix = scaleText;
    if (unit === "duration") canonical = p.english ? durationDays(number, head) : number * scale;
  }
  return { value: number * scale, canonical, format: { unit, suffix, noun, ...base } };
}

function spanOverlaps(taken: [number, number][], start: number, end: number): boolean {
  return taken.some(([s, e]) => start < e && end > s);
}

/** A number as written in the language ("1,5" is one and a half in German). */
function numberValue(text: string, p: Patterns): number {
  return p.english ? parseNumber(text) : parseNumber(text, p.locale.decimal);
}

/**
 * All numeric claims of one sentence, in reading order, never overlapping. `language` (ISO 639-1)
 * picks the number marks and words: English reads everything below; de, fr, es, it, pt and nl their
 * own ranges, bounds, changes, scales and units; any other language digits with symbols.
 */
export function extractNumericClaims(sentence: string, language = "en"): NumericClaim[] {
  const p = patternsFor(language);
  if (!p.anyNumber.test(sentence)) return [];
  const parse = (text: string, fallback?: QuantityFormat) => parseQuantity(text, fallback, language);
  const claims: NumericClaim[] = [];
  const taken: [number, number][] = [];
  const accept = (claim: NumericClaim, whole: [number, number]) => {
    if (spanOverlaps(taken, whole[0], whole[1])) return;
    const before = sentence.slice(Math.max(0, whole[0] - 16), whole[0]);
    const after = sentence.slice(whole[1], whole[1] + 16);
    if (p.halfBefore.test(before) || p.halfAfter.test(after)) return;
    // "3.00 × 10⁸", "30 × 86,400 s", "≈ 400": a step of arithmetic, not a claim
    if (/^\s?[×x·÷=≈*/]\s?\d/.test(after) || /[×·÷=≈*/^]\s?~?\s?$/.test(before) || /[×x]$/.test(claim.text) && /^\s?\d/.test(after)) return;
    if (claim.format.unit === "count" && claim.format.noun && claim.kind !== "range") claim = bareCount(claim, p);
    taken.push(whole);
    claims.push(claim);
  };

  for (const { pattern, ambiguous } of p.changes) {
    for (const m of sentence.matchAll(pattern)) {
      const from = parse(m[1]);
      const to = parse(m[2], from?.format);
      if (!to || to.format.unit === "count" && !to.format.noun) continue;
      const from_ = from ?? parse(m[1], to.format);
      if (!from_) continue;
      // "de 25 à 35 °C" rising is a range; only "de 10 % à 7 %" reads as a change
      if (ambiguous && from_.canonical < to.canonical) continue;
      const answerStart = m.index + m[0].length - m[2].length;
      accept({
        kind: "change", text: m[0], answer: m[2], start: answerStart, end: answerStart + m[2].length,
        value: to.value, format: to.format, canonical: to.canonical, fromCanonical: from_.canonical,
      }, [m.index, m.index + m[0].length]);
    }
  }
  for (const m of p.rangeCue.test(sentence) ? sentence.matchAll(p.range) : []) {
    const between = m[1] !== undefined;
    const highText = between ? m[2] : m[4];
    const lowText = between ? m[1] : m[3];
    const currency = /^([$€£])/.exec(lowText)?.[1];
    const high = parse(highText) ?? (currency ? parse(currency + highText) : null);
    if (!high || (high.format.unit === "count" && !high.format.noun)) continue;
    const low = parse(lowText.replace(/^[$€£]\s?/, ""), { ...high.format, prefix: "" });
    if (!low) continue;
    const lowNumber = lowText.replace(/^[$€£]\s?/, "");
    const lowScale = p.scale.exec(lowNumber.replace(/^[\d.,\u00a0\u202f ]*\d/, ""));
    const lowValue = /^[$€£]/.test(lowText) || high.format.unit === "money"
      ? numberValue(lowScale ? lowNumber.slice(0, lowNumber.length - lowScale[0].length) : lowNumber, p) * high.format.scale : low.value;
    if (lowValue >= high.value) continue;
    const answer = between ? m[0].replace(/^\S+\s/, "") : m[0];
    const start = m.index + m[0].length - answer.length;
    const written = between ? answer : m[0];
    const middle = written.slice(lowText.length, written.length - highText.length);
    const separator = /^\s*[-–—]\s*$/.test(middle) ? (/–/.test(middle) ? "–" : "-") : middle;
    accept({
      kind: "range", text: m[0], answer, start, end: start + answer.length, value: lowValue, high: high.value,
      format: { ...high.format, rangeSeparator: separator }, canonical: lowValue,
    }, [m.index, m.index + m[0].length]);
  }
  for (const m of p.bound.cue.test(sentence) ? sentence.matchAll(p.bound.pattern) : []) {
    const q = parse(m[2]);
    if (!q || (q.format.unit === "count" && !q.format.noun)) continue;
    const start = m.index + m[0].length - m[2].length;
    accept({
      kind: "bound", text: m[0], answer: m[2], start, end: start + m[2].length, value: q.value,
      bound: p.minWords.test(m[1]) ? "min" : "max", threshold: /^(below|above)$/i.test(m[1]), format: q.format, canonical: q.canonical,
    }, [m.index, m.index + m[0].length]);
  }
  for (const m of p.multiplier && /times|\dx|\sx\b|×|fold|halved|doubled|tripled|quadrupled|quintupled/i.test(sentence) ? sentence.matchAll(p.multiplier) : []) {
    const word = m[2];
    const numText = m[1] ?? m[3];
    const value = word ? FACTOR_WORDS.find(([w]) => w === word.toLowerCase())![1] : parseNumber(numText!);
    if (!Number.isFinite(value) || (!word && value < 1.5)) continue;
    const format: QuantityFormat = word
      ? { unit: "factor-word", prefix: "", suffix: "", scale: 1, decimals: 0, thousands: false }
      : { unit: "times", prefix: "", suffix: m[0].slice(numText!.length), scale: 1, decimals: decimalsOf(numText!), thousands: false, words: /^[a-z]+$/i.test(numText!) };
    const answer = m[0];
    accept({ kind: "multiplier", text: answer, answer, start: m.index, end: m.index + answer.length, value, format, canonical: value }, [m.index, m.index + answer.length]);
  }
  for (const m of p.yearCue.test(sentence) ? sentence.matchAll(p.year) : []) {
    const start = m.index + m[0].length - m[1].length;
    const format: QuantityFormat = { unit: "year", prefix: "", suffix: "", scale: 1, decimals: 0, thousands: false };
    accept({ kind: "year", text: m[1], answer: m[1], start, end: start + 4, value: Number(m[1]), format, canonical: Number(m[1]) }, [start, start + 4]);
  }
  for (const m of sentence.matchAll(p.single)) {
    const q = parse(m[0]);
    if (!q) continue;
    if (q.format.unit === "count" && (!q.format.noun || q.value < 2 || q.format.words || q.format.decimals > 0 && q.format.scale === 1
      || /^(1[0-9]|20)\d\d$/.test(m[0].split(" ")[0]) && (p.english ? /^(19|20)/.test(m[0]) : true))) continue;
    if (p.reference.test(sentence.slice(Math.max(0, m.index - 12), m.index))) continue;
    const kind: ClaimKind = q.format.unit === "percent" ? "percent" : q.format.unit === "money" ? "money"
      : q.format.unit === "duration" ? "duration" : q.format.unit === "temperature" ? "temperature" : q.format.unit === "measure" ? "measure" : "count";
    if (q.format.words && kind !== "duration") continue;
    accept({ kind, text: m[0], answer: m[0], start: m.index, end: m.index + m[0].length, value: q.value, format: q.format, canonical: q.canonical },
      [m.index, m.index + m[0].length]);
  }
  return claims.sort((a, b) => a.start - b.start);
}
