/**
 * "Today" as the user lives it: a study day starts at `dayStartHour` o'clock
 * local time (4 a.m. by default, as in Anki) in the user's IANA time zone, and
 * lasts until the same wall-clock hour the next day (23 or 25 hours across a
 * DST change). Only Intl is used; no date library.
 */
import { SchedulerError, isValidDate } from "./errors";

export const DEFAULT_DAY_START_HOUR = 4;

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      });
    } catch {
      throw new SchedulerError("INVALID_TIME_ZONE", `Unknown time zone "${timeZone}".`);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Throws a SchedulerError unless `timeZone` is an IANA zone this runtime knows. */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

function wallClock(instant: number, timeZone: string): WallClock {
  const clock: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type in clock) clock[part.type as keyof WallClock] = Number(part.value);
  }
  return clock;
}

function offsetFromIntl(ms: number, timeZone: string): number {
  const wholeSecond = Math.floor(ms / 1000) * 1000;
  const c = wallClock(wholeSecond, timeZone);
  return Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second) - wholeSecond;
}

/**
 * UTC offsets at the start of each UTC hour, per zone. Intl takes ~4 µs per offset, and
 * grading asks for two per answer (an import replays a million). When an hour starts and
 * ends at the same offset, the offset holds throughout it: no zone changes its offset twice
 * within one hour. An hour with a change in it is asked of Intl instant by instant.
 */
const offsetsByZone = new Map<string, Map<number, number>>();
const MAX_HOURS_PER_ZONE = 100_000;

function offsetAtHour(hours: Map<number, number>, hour: number, timeZone: string): number {
  let offset = hours.get(hour);
  if (offset === undefined) {
    offset = offsetFromIntl(hour * HOUR_MS, timeZone);
    if (hours.size >= MAX_HOURS_PER_ZONE) hours.clear();
    hours.set(hour, offset);
  }
  return offset;
}

/** Local time minus UTC at `instant`, in milliseconds (e.g. -5 h in New York in winter). */
export function utcOffsetMs(instant: Date | number, timeZone: string): number {
  // UTC needs no Intl call (the most common zone of servers, benchmarks and imported histories).
  if (timeZone === "UTC") return 0;
  const ms = typeof instant === "number" ? instant : instant.getTime();
  let hours = offsetsByZone.get(timeZone);
  if (!hours) {
    formatterFor(timeZone); // an unknown zone throws here, before anything is kept for it
    offsetsByZone.set(timeZone, (hours = new Map()));
  }
  const hour = Math.floor(ms / HOUR_MS);
  const offset = offsetAtHour(hours, hour, timeZone);
  return offset === offsetAtHour(hours, hour + 1, timeZone) ? offset : offsetFromIntl(ms, timeZone);
}

/**
 * The instant at which the local wall clock shows `asUtc` (a wall-clock time written as if it were UTC).
 * A time skipped by a DST jump resolves to the same distance after the jump;
 * a time that happens twice resolves to the first one (Temporal's "compatible").
 */
function localTimeToInstant(asUtc: number, timeZone: string): number {
  const offsetBefore = utcOffsetMs(asUtc - DAY_MS, timeZone);
  const offsetAfter = utcOffsetMs(asUtc + DAY_MS, timeZone);
  const candidates = [asUtc - offsetBefore, asUtc - offsetAfter].filter(
    (t) => t + utcOffsetMs(t, timeZone) === asUtc,
  );
  if (candidates.length > 0) return Math.min(...candidates);
  return asUtc - offsetBefore; // in a DST gap
}

function assertDayStartHour(dayStartHour: number): void {
  if (!Number.isInteger(dayStartHour) || dayStartHour < 0 || dayStartHour > 23) {
    throw new SchedulerError("INVALID_SETTINGS", `The day start hour must be a whole hour 0-23, got ${dayStartHour}.`);
  }
}

/**
 * The study day last asked for, per zone and start hour: the review loop asks for today's
 * bounds several times per answer, and each costs several Intl calls.
 */
type StudyDay = { date: number; start: number; end: number };
const recentDays = new Map<string, StudyDay>();
const MAX_RECENT_DAYS = 1_000;

function recentDay(instant: number, timeZone: string, dayStartHour: number): StudyDay | undefined {
  const day = recentDays.get(`${timeZone} ${dayStartHour}`);
  return day && instant >= day.start && instant < day.end ? day : undefined;
}

/** The calendar date (as a UTC midnight timestamp) of the study day containing `instant`. */
function studyDayDate(instant: Date, timeZone: string, dayStartHour: number): number {
  if (!isValidDate(instant)) throw new SchedulerError("INVALID_INPUT", "A study day needs a valid date.");
  assertDayStartHour(dayStartHour);
  const recent = recentDay(instant.getTime(), timeZone, dayStartHour);
  if (recent) return recent.date;
  const c = wallClock(instant.getTime(), timeZone);
  const date = Date.UTC(c.year, c.month - 1, c.day);
  return c.hour < dayStartHour ? date - DAY_MS : date;
}

function instantOfDayStart(date: number, timeZone: string, dayStartHour: number): number {
  return localTimeToInstant(date + dayStartHour * HOUR_MS, timeZone);
}

function studyDayOf(now: Date, timeZone: string, dayStartHour: number): StudyDay {
  const date = studyDayDate(now, timeZone, dayStartHour);
  const recent = recentDay(now.getTime(), timeZone, dayStartHour);
  if (recent) return recent;
  const day = { date, start: instantOfDayStart(date, timeZone, dayStartHour), end: instantOfDayStart(date + DAY_MS, timeZone, dayStartHour) };
  if (recentDays.size >= MAX_RECENT_DAYS) recentDays.clear();
  if (now.getTime() >= day.start && now.getTime() < day.end) recentDays.set(`${timeZone} ${dayStartHour}`, day);
  return day;
}

/** When the study day containing `now` began (e.g. 04:00 local today, or yesterday before 4 a.m.). */
export function studyDayStart(now: Date, timeZone: string, dayStartHour = DEFAULT_DAY_START_HOUR): Date {
  return new Date(studyDayOf(now, timeZone, dayStartHour).start);
}

/** When the study day containing `now` ends (exclusive): the start of the next one. */
export function studyDayEnd(now: Date, timeZone: string, dayStartHour = DEFAULT_DAY_START_HOUR): Date {
  return new Date(studyDayOf(now, timeZone, dayStartHour).end);
}

/** A day number that grows by one per study day; equal numbers mean the same study day. */
export function studyDayNumber(instant: Date, timeZone: string, dayStartHour = DEFAULT_DAY_START_HOUR): number {
  return Math.round(studyDayDate(instant, timeZone, dayStartHour) / DAY_MS);
}

/** The study day containing `instant` as "YYYY-MM-DD" (for per-day statistics). */
export function studyDayKey(instant: Date, timeZone: string, dayStartHour = DEFAULT_DAY_START_HOUR): string {
  return new Date(studyDayDate(instant, timeZone, dayStartHour)).toISOString().slice(0, 10);
}

/** How many study days from `now` to `later`: 0 = today, 1 = tomorrow, negative = in the past. */
export function studyDaysBetween(
  now: Date,
  later: Date,
  timeZone: string,
  dayStartHour = DEFAULT_DAY_START_HOUR,
): number {
  return studyDayNumber(later, timeZone, dayStartHour) - studyDayNumber(now, timeZone, dayStartHour);
}

/**
 * The shift that makes an instant's UTC calendar date equal its study day:
 * utcDate(instant + shift) === studyDayKey(instant). ts-fsrs counts elapsed
 * days between UTC calendar dates; shifting its inputs by this makes it count
 * the user's study days instead, as Anki does.
 */
export function studyDayShiftMs(instant: Date, timeZone: string, dayStartHour = DEFAULT_DAY_START_HOUR): number {
  assertDayStartHour(dayStartHour);
  return utcOffsetMs(instant, timeZone) - dayStartHour * HOUR_MS;
}

/**
 * The inverse of studyDayShiftMs for whole-day intervals: the instant at which the study clock
 * (the local wall clock, `dayStartHour` hours behind) shows `shiftedMs`. Its UTC date is the
 * study day the result falls in, whatever the UTC offset did in between: "in N study days at
 * this time of day". A wall-clock time that a DST jump skips or repeats is kept inside that day.
 */
export function instantOfStudyClock(shiftedMs: number, timeZone: string, dayStartHour = DEFAULT_DAY_START_HOUR): Date {
  assertDayStartHour(dayStartHour);
  const date = Math.floor(shiftedMs / DAY_MS) * DAY_MS;
  const { start, end } = dayBounds(date, timeZone, dayStartHour);
  // A day of 24 hours has one UTC offset throughout: the time of day is the time since its start.
  if (end - start === DAY_MS) return new Date(start + (shiftedMs - date));
  const instant = localTimeToInstant(shiftedMs + dayStartHour * HOUR_MS, timeZone);
  return new Date(Math.min(Math.max(instant, start), end - 1));
}

/** Study days' bounds by zone, start hour and date: every whole-day grade asks for one. */
const boundsByDay = new Map<string, { start: number; end: number }>();

function dayBounds(date: number, timeZone: string, dayStartHour: number): { start: number; end: number } {
  const key = `${timeZone} ${dayStartHour} ${date}`;
  let bounds = boundsByDay.get(key);
  if (!bounds) {
    bounds = { start: instantOfDayStart(date, timeZone, dayStartHour), end: instantOfDayStart(date + DAY_MS, timeZone, dayStartHour) };
    if (boundsByDay.size >= MAX_RECENT_DAYS) boundsByDay.clear();
    boundsByDay.set(key, bounds);
  }
  return bounds;
}
