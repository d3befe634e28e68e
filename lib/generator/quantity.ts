/** Numbers with units: parsing "5.6 million", formatting a value the way the answer was written. */

export type Unit = "percent" | "money" | "times" | "duration" | "count" | "temperature" | "year" | "factor-word" | "measure";

/** How the answer was written, so distractors read the same way ("90 to 95%", "$5.6 million per year"). */
export interface QuantityFormat {
  unit: Unit;
  prefix: string;          // "$", "€", ""
  suffix: string;          // "%", " percent", " million", " °C", " times", " per kilowatt-hour"
  noun?: [string, string]; // singular / plural unit word: ["week", "weeks"], ["employee", "employees"]
  scale: number;           // 1e6 for "million"
  decimals: number;
  thousands: boolean;      // "3,000"
  rangeSeparator?: string; // "-", " to ", " and "
  words?: boolean;         // "three times"
  /** The count's noun stays in the prompt ("[...] reads per month"): options are bare numbers. */
  bare?: boolean;
  /** "a three-year warranty": the noun is singular whatever the number. */
  adjectival?: boolean;
  /** Languages that write "1,5" and "3.000": the decimal mark and the thousands mark (English: "." and ","). */
  decimalMark?: string;
  groupMark?: string;
}

export const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100,
};
/** The numbers a text shows, in digits or in words ("nine months" shows 9; "one of" is not a number). */
export function numeralsIn(text: string): string[] {
  const words = (text.toLowerCase().match(/\p{L}+/gu) ?? []).filter((w) => w !== "one" && NUMBER_WORDS[w] !== undefined).map((w) => String(NUMBER_WORDS[w]));
  return [...(text.match(/\d+(?:[.,]\d+)*/g) ?? []), ...words];
}

const WORDS_BY_VALUE = new Map(Object.entries(NUMBER_WORDS).map(([w, n]) => [n, w]));

export const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9 };

export const FACTOR_WORDS: [string, number][] = [
  ["halved", 0.5], ["doubled", 2], ["tripled", 3], ["quadrupled", 4], ["quintupled", 5],
];

/** Parses "3,000", "5.6", "three"; with `decimal` ",": "3.000", "1,5", "25 000". */
export function parseNumber(text: string, decimal: "." | "," = "."): number {
  const word = NUMBER_WORDS[text.toLowerCase()];
  if (word !== undefined) return word;
  if (decimal === ",") return Number(text.replace(/[.\s\u00a0\u202f]/g, "").replace(",", "."));
  return Number(text.replace(/,/g, ""));
}

export function decimalsOf(text: string, decimal: string = "."): number {
  const m = decimal === "," ? /,(\d+)$/.exec(text) : /\.(\d+)$/.exec(text.replace(/,/g, ""));
  return m ? m[1].length : 0;
}

function formatNumber(value: number, format: QuantityFormat): string {
  if (format.words && Number.isInteger(value) && WORDS_BY_VALUE.has(value)) return WORDS_BY_VALUE.get(value)!;
  const fixed = value.toFixed(format.decimals);
  const [int, frac] = fixed.split(".");
  const decimal = format.decimalMark ?? ".";
  const grouped = format.thousands ? int.replace(/\B(?=(\d{3})+(?!\d))/g, format.groupMark ?? ",") : int;
  return grouped + (frac ? `${decimal}${frac}` : "");
}

function withNoun(text: string, value: number, format: QuantityFormat): string {
  if (!format.noun || format.bare) return text;
  return `${text} ${value === 1 || format.adjectival ? format.noun[0] : format.noun[1]}`;
}

/** Formats a value (in the answer's own scale) like the answer. */
export function formatQuantity(value: number, format: QuantityFormat): string {
  if (format.unit === "factor-word") {
    return FACTOR_WORDS.find(([, n]) => n === value)?.[0] ?? `${value}-fold`;
  }
  const scaled = value / format.scale;
  const negative = scaled < 0 ? "-" : "";
  const body = `${negative}${format.prefix}${formatNumber(Math.abs(scaled), format)}`;
  return withNoun(body + format.suffix, scaled, format);
}

/** Formats a range the way the answer wrote it ("90-95%", "90 to 95%"). */
export function formatRange(low: number, high: number, format: QuantityFormat): string {
  const high_ = formatQuantity(high, format);
  const lowText = `${format.prefix}${formatNumber(low / format.scale, format)}`;
  return `${lowText}${format.rangeSeparator ?? "-"}${high_}`;
}

/** Rounds to a precision that reads like the answer (same decimals, nice steps for large numbers). */
export function roundLike(value: number, format: QuantityFormat): number {
  const scaled = value / format.scale;
  const factor = 10 ** format.decimals;
  let rounded = Math.round(scaled * factor) / factor;
  if (format.decimals === 0 && Math.abs(rounded) >= 100) {
    const magnitude = 10 ** (Math.floor(Math.log10(Math.abs(rounded))) - 1);
    rounded = Math.round(rounded / magnitude) * magnitude;
  }
  return rounded * format.scale;
}

/** Canonical value for comparing claims across units: durations in days, money in units. */
const DAYS: Record<string, number> = {
  second: 1 / 86400, minute: 1 / 1440, hour: 1 / 24, day: 1, week: 7, month: 30.44, year: 365.25, decade: 3652.5, century: 36525,
};
export function durationDays(value: number, noun: string): number {
  const singular = noun.toLowerCase().replace(/ies$/, "y").replace(/s$/, "");
  return value * (DAYS[singular] ?? 1);
}
