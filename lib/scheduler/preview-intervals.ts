import { RATINGS, gradeCard, type Rating } from "./grade-card";
import type { CardMemory } from "./memory";
import type { SchedulerSettings } from "./settings";
import { studyDaysBetween } from "./study-day";

/** `ms`: how long until the card is due again after this answer. */
export type IntervalPreview = { due: Date; label: string; ms: number };

/**
 * What each answer button would do, for labels like "Good · 3d". Each entry
 * comes from gradeCard itself, so the label shown is the interval applied.
 */
export function previewIntervals(input: {
  cardId: string;
  memory: CardMemory;
  now: Date;
  settings: SchedulerSettings;
}): Record<Rating, IntervalPreview> {
  const preview = {} as Record<Rating, IntervalPreview>;
  for (const rating of RATINGS) {
    const { log } = gradeCard({ ...input, rating });
    preview[rating] = { due: log.due, label: intervalLabel(log, input.settings), ms: log.due.getTime() - log.reviewedAt.getTime() };
  }
  return preview;
}

/**
 * The label of an applied answer: an interval of whole days counts the study days until the
 * card is due (a day across a DST change is 23 or 25 hours), a learning step its minutes.
 */
export function intervalLabel(
  log: { reviewedAt: Date; due: Date; scheduledDays: number },
  settings: Pick<SchedulerSettings, "timeZone" | "dayStartHour">,
): string {
  if (log.scheduledDays < 1) return formatInterval(log.due.getTime() - log.reviewedAt.getTime());
  return formatInterval(studyDaysBetween(log.reviewedAt, log.due, settings.timeZone, settings.dayStartHour) * DAY);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

function oneDecimal(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/**
 * An interval as Anki writes it on its buttons: "<1m", "10m", "1.5h", "3d",
 * "2.1mo", "1.2y" (a month is 30 days, a year 365).
 */
export function formatInterval(ms: number): string {
  const minutes = Math.round(ms / MINUTE);
  if (minutes < 1) return "<1m";
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.round((ms / HOUR) * 10) / 10;
  if (hours < 24) return `${oneDecimal(hours)}h`;
  const days = Math.round(ms / DAY);
  if (days < 30) return `${Math.max(days, 1)}d`;
  const months = Math.round((ms / MONTH) * 10) / 10;
  if (ms < YEAR && months < 12) return `${oneDecimal(months)}mo`;
  return `${oneDecimal(ms / YEAR)}y`;
}
