/**
 * extractNumericClaims: percentages, ranges, bounds, from→to changes, money, multipliers,
 * durations, counts, temperatures and years in one sentence. Plain rules, no NLP.
 * Section numbers and list numbers never reach here (the parser strips them); numbers glued to
 * letters ("R1", "V3", "GPT-4", "4o", "H100") are model names, not claims.
 */
import {
  FACTOR_WORDS, NUMBER_WORDS, SCALES, decimalsOf, durationDays, parseNumber,
  type QuantityFormat, type Unit,
} from "./quantity";

export type ClaimKind =
  | "percent" | "range" | "bound" | "change" | "money" | "multiplier" | "duration" | "count" | "temperature" | "year";

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

const NUM = String.raw`(?<![\p{L}\p{N}_.,]|\p{L}-)(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\p{L}\p{N}]|[.,]\d|-[\p{L}])`;
const WORDNUM = `(?:${Object.keys(NUMBER_WORDS).join("|")})`;
const SCALE = String.raw`(?:\s?(?:thousand|million|billion|trillion|bn)\b)`;
const CURRENCY = String.raw`[$€£]`;
const DURATION = String.raw`(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries|century)\b`;
const PER = String.raw`(?:\s(?:per|a|an|each)\s(?:[\p{L}]+(?:-[\p{L}]+)*))`;
const PERCENT = String.raw`\s?(?:%|percent\b|per cent\b|percentage points?\b)`;
const TEMP = String.raw`\s?(?:°\s?[CF]\b|°|degrees(?:\s(?:Celsius|Fahrenheit|C|F))?\b)`;
const PLURAL = String.raw`(?:people|staff|children|[\p{Ll}][\p{Ll}-]*[^s\W]s)\b`;

/** One quantity with its unit; used inside ranges, bounds and changes. */
const QUANTITY = String.raw`(?:${CURRENCY}\s?${NUM}${SCALE}?${PER}?|(?:${NUM}|${WORDNUM})(?:${PERCENT}|${TEMP}|\s${DURATION}|${SCALE}?\s(?:dollars|euros|pounds|USD|EUR)\b|${SCALE}?\s(?:[\p{Ll}-]+\s)?${PLURAL})|${NUM}${SCALE}?)`;
const QUALIFIER = String.raw`(?:(?:just|only|about|around|roughly|nearly|almost|approximately|over|under)\s)?`;

const CHANGE = new RegExp(String.raw`\bfrom\s(${QUANTITY})\s(?:up\s|down\s)?to\s${QUALIFIER}(${QUANTITY})`, "giu");
const RANGE = new RegExp(String.raw`(?:\bbetween\s(${QUANTITY})\sand\s(${QUANTITY})|((?:${CURRENCY}\s?)?${NUM}${SCALE}?)\s?(?:-|–|—|\sto\s)\s?(${QUANTITY}))`, "giu");
const BOUND = new RegExp(String.raw`\b(at least|at most|more than|less than|fewer than|over|under|below|above|up to|no more than|no less than|a minimum of|a maximum of|as much as|as many as)\s(${QUANTITY})`, "giu");
const MULTIPLIER = new RegExp(String.raw`(?:((?<![\p{L}\p{N}_.,]|\p{L}-)\d+(?:\.\d+)?|\b${WORDNUM})\s?(?:times|x|×)(?=\s|$|[.,;])|\b(${FACTOR_WORDS.map(([w]) => w).join("|")})\b|\b(${NUM}|${WORDNUM})-?fold\b)`, "giu");
const SINGLE = new RegExp(QUANTITY, "giu");
const YEAR = /\b(?:in|since|by|until|from|during|before|after|of|early|late|mid)\s((?:19|20)\d\d)(?![\d%-]|s\b|['’]s\b|\s?(?:percent|million|billion))/giu;

const REFERENCE_BEFORE = /\b(?:section|chapter|part|figure|fig\.|table|step|version|v|no\.|number|item|page|p\.|type|stage|phase|level|grade|class|round|series|generation|gen|model|lecture|episode|season|volume|vol\.)\s?$/i;
const MIN_WORDS = /^(at least|more than|over|above|no less than|a minimum of)$/i;

interface Parsed { value: number; format: QuantityFormat; canonical: number }

/** "four to [six times]", "[2] to 3 years": one end of a range is never a claim of its own. */
const HALF_RANGE_BEFORE = new RegExp(String.raw`(?:\d|\b${WORDNUM})\s?(?:to|-|–|or)\s?$`, "iu");
const HALF_RANGE_AFTER = new RegExp(String.raw`^\s?(?:to|-|–)\s?(?:\d|${WORDNUM}\b)`, "iu");
const NUMBER_PART = /^(?:[$€£]\s?)?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s?(?:thousand|million|billion|trillion|bn)\b)?/i;

/** "[100 billion] reads": the count's noun stays in the prompt, the answer is the number. */
function bareCount(claim: NumericClaim): NumericClaim {
  const number = NUMBER_PART.exec(claim.answer)?.[0];
  if (!number || number.length === claim.answer.length) return claim;
  const adjectival = claim.value / claim.format.scale !== 1 && claim.format.noun![0] !== claim.format.noun![1] && claim.answer.endsWith(claim.format.noun![0]);
  return { ...claim, answer: number, end: claim.start + number.length, format: { ...claim.format, bare: true, adjectival } };
}

/** Reads one quantity ("$5.6 million per kilowatt-hour", "8 weeks", "45%", "3,000 employees"). */
export function parseQuantity(text: string, fallback?: QuantityFormat): Parsed | null {
  const t = text.trim();
  const m = /^([$€£])?\s?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[a-z]+)(?:\s?(thousand|million|billion|trillion|bn)\b)?(.*)$/iu.exec(t);
  if (!m) return null;
  const [, currency, numText, scaleWord, restRaw] = m;
  const number = parseNumber(numText);
  if (!Number.isFinite(number)) return null;
  const scale = scaleWord ? SCALES[scaleWord.toLowerCase()] : 1;
  const rest = restRaw ?? "";
  const base = {
    prefix: currency ?? "", scale, decimals: decimalsOf(numText), thousands: numText.includes(","),
    words: /^[a-z]+$/i.test(numText),
  };
  const scaleText = scaleWord ? ` ${scaleWord}` : "";
  let unit: Unit;
  let suffix = scaleText + rest;
  let noun: [string, string] | undefined;
  let canonical = number * scale;
  if (currency || /^\s(dollars|euros|pounds|USD|EUR)\b/i.test(rest)) unit = "money";
  else if (/^\s?(%|percent|per cent|percentage point)/i.test(rest)) unit = "percent";
  else if (/^\s?(°|degrees)/i.test(rest)) unit = "temperature";
  else {
    const word = /^\s([\p{L}-]+\s)?([\p{L}-]+)$/u.exec(rest);
    if (!word) {
      if (!fallback) return null;
      return { value: number * fallback.scale, format: { ...fallback, ...base, scale: fallback.scale, prefix: fallback.prefix }, canonical: number * fallback.scale };
    }
    const head = word[2];
    if (/^\p{Lu}/u.test(head) || /^\p{Lu}/u.test(word[1] ?? "")) return null; // "Seven Years' War" is a name
    unit = new RegExp(`^${DURATION}$`, "iu").test(head) ? "duration" : "count";
    const singular = head.replace(/ies$/, "y").replace(/(ch|sh|x)es$/, "$1").replace(/s$/, "");
    noun = [`${word[1] ?? ""}${singular === "people" ? "person" : singular}`, `${word[1] ?? ""}${head}`];
    suffix = scaleText;
    if (unit === "duration") canonical = durationDays(number, head);
  }
  return { value: number * scale, canonical, format: { unit, suffix, noun, ...base } };
}

function spanOverlaps(taken: [number, number][], start: number, end: number): boolean {
  return taken.some(([s, e]) => start < e && end > s);
}

/** Cheap tests that spare the big patterns on sentences that cannot hold their kind of claim. */
const BOUND_WORDS = /\b(?:at least|at most|more than|less than|fewer than|over|under|below|above|up to|no more than|no less than|a minimum of|a maximum of|as much as|as many as)\s/i;
const ANY_NUMBER = new RegExp(String.raw`\d|\b(?:${WORDNUM}|${FACTOR_WORDS.map(([w]) => w).join("|")})\b`, "iu");

/** All numeric claims of one sentence, in reading order, never overlapping. */
export function extractNumericClaims(sentence: string): NumericClaim[] {
  if (!ANY_NUMBER.test(sentence)) return [];
  const claims: NumericClaim[] = [];
  const taken: [number, number][] = [];
  const accept = (claim: NumericClaim, whole: [number, number]) => {
    if (spanOverlaps(taken, whole[0], whole[1])) return;
    const before = sentence.slice(Math.max(0, whole[0] - 16), whole[0]);
    const after = sentence.slice(whole[1], whole[1] + 16);
    if (HALF_RANGE_BEFORE.test(before) || HALF_RANGE_AFTER.test(after)) return;
    // "3.00 × 10⁸", "30 × 86,400 s", "≈ 400": a step of arithmetic, not a claim
    if (/^\s?[×x·÷=≈*/]\s?\d/.test(after) || /[×·÷=≈*/^]\s?~?\s?$/.test(before) || /[×x]$/.test(claim.text) && /^\s?\d/.test(after)) return;
    if (claim.format.unit === "count" && claim.format.noun && claim.kind !== "range") claim = bareCount(claim);
    taken.push(whole);
    claims.push(claim);
  };

  for (const m of /\bfrom\b/i.test(sentence) ? sentence.matchAll(CHANGE) : []) {
    const from = parseQuantity(m[1]);
    const to = parseQuantity(m[2], from?.format);
    if (!to || to.format.unit === "count" && !to.format.noun) continue;
    const from_ = from ?? parseQuantity(m[1], to.format);
    if (!from_) continue;
    const answerStart = m.index + m[0].length - m[2].length;
    accept({
      kind: "change", text: m[0], answer: m[2], start: answerStart, end: answerStart + m[2].length,
      value: to.value, format: to.format, canonical: to.canonical, fromCanonical: from_.canonical,
    }, [m.index, m.index + m[0].length]);
  }
  for (const m of /\d\s?(?:-|–|—|to\b)|\bbetween\b|\bto\s\d/i.test(sentence) ? sentence.matchAll(RANGE) : []) {
    const between = m[1] !== undefined;
    const highText = between ? m[2] : m[4];
    const lowText = between ? m[1] : m[3];
    const currency = /^([$€£])/.exec(lowText)?.[1];
    const high = parseQuantity(highText) ?? (currency ? parseQuantity(currency + highText) : null);
    if (!high || (high.format.unit === "count" && !high.format.noun)) continue;
    const low = parseQuantity(lowText.replace(/^[$€£]\s?/, "") , { ...high.format, prefix: "" });
    if (!low) continue;
    const lowValue = /^[$€£]/.test(lowText) || high.format.unit === "money" ? parseNumber(lowText.replace(/^[$€£]\s?|\s?(thousand|million|billion|trillion|bn)$/g, "")) * high.format.scale : low.value;
    if (lowValue >= high.value) continue;
    const answer = between ? m[0].replace(/^between\s/i, "") : m[0];
    const start = m.index + m[0].length - answer.length;
    const separator = between ? " and " : /\sto\s/.test(m[0]) ? " to " : /–/.test(m[0]) ? "–" : "-";
    accept({
      kind: "range", text: m[0], answer, start, end: start + answer.length, value: lowValue, high: high.value,
      format: { ...high.format, rangeSeparator: separator }, canonical: lowValue,
    }, [m.index, m.index + m[0].length]);
  }
  for (const m of BOUND_WORDS.test(sentence) ? sentence.matchAll(BOUND) : []) {
    const q = parseQuantity(m[2]);
    if (!q || (q.format.unit === "count" && !q.format.noun)) continue;
    const start = m.index + m[0].length - m[2].length;
    accept({
      kind: "bound", text: m[0], answer: m[2], start, end: start + m[2].length, value: q.value,
      bound: MIN_WORDS.test(m[1]) ? "min" : "max", threshold: /^(below|above)$/i.test(m[1]), format: q.format, canonical: q.canonical,
    }, [m.index, m.index + m[0].length]);
  }
  for (const m of /times|\dx|\sx\b|×|fold|halved|doubled|tripled|quadrupled|quintupled/i.test(sentence) ? sentence.matchAll(MULTIPLIER) : []) {
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
  for (const m of /(?:19|20)\d\d/.test(sentence) ? sentence.matchAll(YEAR) : []) {
    const start = m.index + m[0].length - m[1].length;
    const format: QuantityFormat = { unit: "year", prefix: "", suffix: "", scale: 1, decimals: 0, thousands: false };
    accept({ kind: "year", text: m[1], answer: m[1], start, end: start + 4, value: Number(m[1]), format, canonical: Number(m[1]) }, [start, start + 4]);
  }
  for (const m of sentence.matchAll(SINGLE)) {
    const q = parseQuantity(m[0]);
    if (!q) continue;
    if (q.format.unit === "count" && (!q.format.noun || q.value < 2 || q.format.words || q.format.decimals > 0 && q.format.scale === 1
      || /^(19|20)\d\d$/.test(m[0].split(" ")[0]))) continue;
    if (REFERENCE_BEFORE.test(sentence.slice(Math.max(0, m.index - 12), m.index))) continue;
    const kind: ClaimKind = q.format.unit === "percent" ? "percent" : q.format.unit === "money" ? "money"
      : q.format.unit === "duration" ? "duration" : q.format.unit === "temperature" ? "temperature" : "count";
    if (q.format.words && kind !== "duration") continue;
    accept({ kind, text: m[0], answer: m[0], start: m.index, end: m.index + m[0].length, value: q.value, format: q.format, canonical: q.canonical },
      [m.index, m.index + m[0].length]);
  }
  return claims.sort((a, b) => a.start - b.start);
}
