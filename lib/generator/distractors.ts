/**
 * numericOptions: 3-5 options for a numeric answer, in its own unit and format, sorted, distinct,
 * within natural limits (no 130% share, no negative counts), never overlapping a range answer,
 * staying on the answer's side of a change's starting value, preferring numbers from the document.
 */
import type { NumericClaim } from "./numeric-claims";
import { FACTOR_WORDS, NUMBER_WORDS, formatQuantity, formatRange, roundLike } from "./quantity";
import { matchKey } from "./normalise";

interface Option { low: number; high?: number; text: string; fromDocument: boolean }

/** Where the answer sits among 4 options, chosen from the claim so it varies but is mostly inside. */
const BELOW_PATTERN = [1, 2, 2, 1, 1, 2, 3, 2, 1, 0];

function additiveStep(claim: NumericClaim): number | null {
  const d = Math.abs(claim.value / claim.format.scale);
  switch (claim.format.unit) {
    case "percent": return d < 1 ? null : d < 10 ? Math.max(1, Math.round(d / 3)) : d < 30 ? 5 : d < 90 ? 10 : claim.format.decimals > 0 ? 0.5 : 2;
    case "temperature": return d <= 3 ? 0.5 : d < 10 ? 1 : d < 20 ? 5 : 10;
    case "year": return 2;
    // small whole numbers of things or time move by one: "5 hours" → 4, 6, 7 hours, never "1 hour"
    case "duration": case "count": return d <= 12 && Number.isInteger(d) && claim.format.scale === 1 && !claim.format.words ? Math.max(1, Math.round(d / 4)) : null;
    default: return null;
  }
}

function withinLimits(value: number, claim: NumericClaim): boolean {
  const d = value / claim.format.scale;
  const answer = claim.value / claim.format.scale;
  switch (claim.format.unit) {
    case "percent": return d > 0 && (d < 100 || answer >= 100);
    case "temperature": return d > -273 && (answer <= 0 || d > 0);
    case "count": return d >= 1 && Number.isInteger(d) || claim.format.scale > 1 && d > 0;
    case "times": return d >= 1.5 || answer < 1.5 && d > 0;
    case "year": return true;
    default: return d > 0;
  }
}

function sameSideOfChange(value: number, claim: NumericClaim): boolean {
  if (claim.fromCanonical === undefined) return true;
  const ratio = claim.canonical / claim.value;
  const canonical = value * ratio;
  return claim.canonical < claim.fromCanonical ? canonical < claim.fromCanonical : canonical > claim.fromCanonical;
}

function compatible(a: NumericClaim, b: NumericClaim): boolean {
  const fa = a.format;
  const fb = b.format;
  if (fa.unit !== fb.unit || (a.kind === "range") !== (b.kind === "range")) return false;
  if (fa.unit === "money") return fa.prefix === fb.prefix && fa.suffix.replace(/^ (thousand|million|billion|trillion|bn)/, "") === fb.suffix.replace(/^ (thousand|million|billion|trillion|bn)/, "");
  if (fa.unit === "duration" || fa.unit === "count") return fa.noun?.[1] === fb.noun?.[1];
  return true;
}

function valueOptions(claim: NumericClaim, pool: NumericClaim[]): Option[] {
  const answer = claim.value;
  const step = additiveStep(claim);
  const generated: number[] = [];
  if (claim.format.unit === "factor-word") generated.push(...FACTOR_WORDS.map(([, n]) => n));
  else if (step !== null) for (let k = 1; k <= 4; k++) generated.push(answer + k * step * claim.format.scale, answer - k * step * claim.format.scale);
  else for (const r of [0.5, 1.5, 2, 0.75, 3]) generated.push(roundLike(answer * r, claim.format));
  // half steps ("0.5 °C", "1.5 °C") need a decimal the answer may not have written
  const halves = step !== null && step < 1 && claim.format.decimals === 0;
  const format = (v: number) => halves ? formatQuantity(v, { ...claim.format, decimals: 1 }).replace(/[.,]0(?!\d)/, "") : formatQuantity(v, claim.format);
  const fromDoc = pool.filter((p) => p !== claim && compatible(claim, p)).map((p) => p.value);
  const minGap = step !== null ? step * claim.format.scale * 0.75 : Math.abs(answer) * 0.15;
  // shares and temperatures stay within a few steps ("98.5%", "99.0%" around 99.5%, not 80%)
  const additive = step !== null && (claim.format.unit === "percent" || claim.format.unit === "temperature");
  const plausible = (v: number) =>
    withinLimits(v, claim) && sameSideOfChange(v, claim) && Math.abs(v - answer) >= minGap
    && (claim.format.unit === "year" || answer <= 0 || (additive
      ? Math.abs(v - answer) <= step! * claim.format.scale * 3
      : v >= answer * 0.5 && v <= answer * 2.5));
  return [
    ...fromDoc.filter(plausible).map((v) => ({ low: v, text: format(v), fromDocument: true })),
    ...generated.filter(plausible).map((v) => ({ low: v, text: format(v), fromDocument: false })),
  ];
}

function rangeOptions(claim: NumericClaim, pool: NumericClaim[]): Option[] {
  const low = claim.value;
  const high = claim.high!;
  const width = high - low;
  const step = additiveStep(claim) ?? 0;
  // whole numbers of things move by one ("4 to 6 hours"), shares and degrees by the range's own width ("80-85%")
  // (a wide range of things moves by a round step: "40.000 e 60.000 abitanti" → "70.000 e 90.000")
  const unitStep = claim.format.unit === "duration" || claim.format.unit === "count"
    ? (width / claim.format.scale >= 100 ? 10 ** Math.floor(Math.log10(width)) : claim.format.scale)
    : Math.max(width, step * claim.format.scale, claim.format.scale);
  const shift = width + unitStep;
  const result: Option[] = [];
  // apart from the answer, and not absurd for the quantity: "7 to 9 hours" gives 4 to 6 and 10 to 12, not 15 to 17
  const fits = (l: number, h: number) => (h < low || l > high) && withinLimits(l, claim) && withinLimits(h, claim)
    && (low <= 0 || l >= low * 0.45 && h <= high * 1.7);
  for (const p of pool) {
    if (p !== claim && p.kind === "range" && compatible(claim, p) && fits(p.value, p.high!)) {
      result.push({ low: p.value, high: p.high, text: formatRange(p.value, p.high!, claim.format), fromDocument: true });
    }
  }
  const ladder = (step: number, fitting: (l: number, h: number) => boolean) => {
    for (let k = 1; k <= 3; k++) {
      for (const sign of [-1, 1]) {
        const l = low + sign * k * step;
        const h = high + sign * k * step;
        if (fitting(l, h)) result.push({ low: l, high: h, text: formatRange(l, h, claim.format), fromDocument: false });
      }
    }
  };
  ladder(shift, fits);
  // "25 bis 35 °C" has one neighbour within the strict band: a wider band, and half steps for shares and degrees
  if (result.length < 2) {
    const additive = claim.format.unit === "temperature" || claim.format.unit === "percent";
    ladder(additive ? width + unitStep / 2 : shift, (l, h) => (h < low || l > high) && withinLimits(l, claim) && withinLimits(h, claim)
      && (low <= 0 || l >= low * 0.3 && h <= high * 2) && !result.some((r) => r.low === l));
  }
  return result;
}

/** Options including the answer once, sorted by value; null when fewer than 2 good distractors exist. */
export function numericOptions(claim: NumericClaim, pool: NumericClaim[], seed: number): string[] | null {
  const answerText = claim.answer.trim();
  const candidates = claim.kind === "range" ? rangeOptions(claim, pool) : valueOptions(claim, pool);
  const seen = new Set([matchKey(answerText), matchKey(claim.kind === "range" ? formatRange(claim.value, claim.high!, claim.format) : formatQuantity(claim.value, claim.format))]);
  const seenValues = new Set([claim.value]);
  const unique: Option[] = [];
  // "three years" goes with "five years", "4 years" with "6 years": never the two ways mixed
  const inWords = (text: string) => NUMBER_WORDS[(/^\p{L}+/u.exec(text)?.[0] ?? "").toLowerCase()] !== undefined;
  for (const c of candidates) {
    const key = matchKey(c.text);
    if (seen.has(key) || seenValues.has(c.low)) continue;
    if (claim.format.unit !== "factor-word" && inWords(c.text) !== inWords(answerText)) continue;
    seen.add(key);
    seenValues.add(c.low);
    unique.push(c);
  }
  const byCloseness = (a: Option, b: Option) =>
    Number(b.fromDocument) - Number(a.fromDocument) || Math.abs(a.low - claim.value) - Math.abs(b.low - claim.value) || a.low - b.low;
  // options must also be apart from each other ("32%" and "35%" side by side help nobody)
  const step = additiveStep(claim);
  const gap = step !== null ? step * claim.format.scale * 0.75 : 0;
  const spread = (list: Option[]) => {
    const picked: Option[] = [];
    for (const c of list) {
      const ok = picked.every((p) => (gap ? Math.abs(p.low - c.low) >= gap : Math.max(p.low, c.low) / Math.min(p.low, c.low) >= 1.15));
      if (ok) picked.push(c);
    }
    return picked;
  };
  const below = spread(unique.filter((c) => c.low < claim.value).sort(byCloseness));
  const above = spread(unique.filter((c) => c.low > claim.value).sort(byCloseness));
  const wanted = 3;
  let nBelow = Math.min(BELOW_PATTERN[seed % BELOW_PATTERN.length], below.length);
  const nAbove = Math.min(wanted - nBelow, above.length);
  nBelow = Math.min(wanted - nAbove, below.length);
  if (nBelow + nAbove < 2) return null;
  const chosen = [...below.slice(0, nBelow), ...above.slice(0, nAbove), { low: claim.value, text: answerText, fromDocument: true }];
  return chosen.sort((a, b) => a.low - b.low).map((o) => o.text);
}
