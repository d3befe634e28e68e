/**
 * Study days for statistics. A review's study day is
 *   floor((instant + utcOffset(instant) - dayStartHour h) / 24 h)
 * which is exactly lib/scheduler's studyDayNumber. The database cannot ask Intl
 * for a zone's offset, so the offsets are handed to it as a short list of
 * periods in which the zone's offset is constant (two per year where DST
 * applies); the SQL then buckets every row by study day with one CASE.
 */
import { DEFAULT_DAY_START_HOUR, studyDayNumber, studyDayStart, utcOffsetMs } from "../scheduler";

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/** From `fromMs` on (until the next period starts), local time = UTC + offsetMs. */
export type OffsetPeriod = { fromMs: number; offsetMs: number };

/** The zone's study-day rule: what the database and the figures need to bucket instants by day. */
export type DayRule = {
  timeZone: string;
  dayStartHour: number;
  /** Sorted by fromMs; the first period also covers everything before it. */
  periods: OffsetPeriod[];
};

/**
 * The periods of constant UTC offset of `timeZone` between `fromMs` and `toMs`.
 * Samples weekly and binary-searches each change to the second (zones do not
 * change offset twice within a week).
 */
export function offsetPeriods(timeZone: string, fromMs: number, toMs: number): OffsetPeriod[] {
  const start = Math.floor(Math.min(fromMs, toMs) / 1000) * 1000;
  const end = Math.max(fromMs, toMs);
  const periods: OffsetPeriod[] = [{ fromMs: start, offsetMs: utcOffsetMs(start, timeZone) }];
  let previous = start;
  let previousOffset = periods[0].offsetMs;
  while (previous < end) {
    const next = Math.min(previous + WEEK_MS, end);
    const offset = utcOffsetMs(next, timeZone);
    if (offset !== previousOffset) {
      let lo = previous; // offset(lo) === previousOffset
      let hi = next; // offset(hi) === offset
      while (hi - lo > 1000) {
        const mid = Math.floor((lo + hi) / 2000) * 1000;
        if (mid <= lo) break;
        if (utcOffsetMs(mid, timeZone) === previousOffset) lo = mid;
        else hi = mid;
      }
      periods.push({ fromMs: hi, offsetMs: offset });
      previousOffset = offset;
    }
    previous = next;
  }
  return periods;
}

/** The rule for a history that spans `fromMs` to `toMs` (pad `toMs` for forecasts). */
export function dayRuleFor(timeZone: string, fromMs: number, toMs: number, dayStartHour = DEFAULT_DAY_START_HOUR): DayRule {
  return { timeZone, dayStartHour, periods: offsetPeriods(timeZone, fromMs, toMs) };
}

export function offsetAt(rule: DayRule, instantMs: number): number {
  let offset = rule.periods[0].offsetMs;
  for (const period of rule.periods) {
    if (period.fromMs > instantMs) break;
    offset = period.offsetMs;
  }
  return offset;
}

/** The study day number of an instant, computed as the SQL computes it. */
export function dayOf(rule: DayRule, instantMs: number): number {
  return Math.floor((instantMs + offsetAt(rule, instantMs) - rule.dayStartHour * HOUR_MS) / DAY_MS);
}

/** The local hour of day (0-23) of an instant, computed as the SQL computes it. */
export function localHourOf(rule: DayRule, instantMs: number): number {
  return Math.floor((instantMs + offsetAt(rule, instantMs)) / HOUR_MS) % 24;
}

/** Today's study day number (lib/scheduler's definition). */
export function todayNumber(now: Date, timeZone: string, dayStartHour = DEFAULT_DAY_START_HOUR): number {
  return studyDayNumber(now, timeZone, dayStartHour);
}

/** "2026-03-08" for a study day number. */
export function dayKey(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Day of week of a study day, 0 = Monday ... 6 = Sunday. */
export function weekdayOf(day: number): number {
  return (new Date(day * DAY_MS).getUTCDay() + 6) % 7;
}

/** The instant a study day starts. */
export function dayStartInstant(rule: DayRule, day: number): number {
  const guess = day * DAY_MS + rule.dayStartHour * HOUR_MS - offsetAt(rule, day * DAY_MS) + 12 * HOUR_MS;
  return studyDayStart(new Date(guess), rule.timeZone, rule.dayStartHour).getTime();
}
