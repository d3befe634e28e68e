/**
 * The limits of one study day: the user's global limits and a deck's own options (Anki's
 * deck options), both raised by the extra new cards the user asked for today (custom study).
 */
import type { DeckLimits } from "./build-session";
import { settingsFromUser, type SchedulerSettings, type UserSchedulingColumns } from "./settings";

/** Extra new cards granted for one study day (User.extraNewCards), valid until that day's end. */
export type ExtraNewCards = { extraNewCards?: number; extraNewUntil?: Date | null };

/** A deck's own daily limits as stored: null means the user's global limit. */
export type DeckOptionLimits = { newPerDay: number | null; reviewsPerDay: number | null };

/** How many extra new cards are granted for the study day `now` falls in. */
export function extraNewToday(extra: ExtraNewCards, now: Date): number {
  return extra.extraNewUntil && extra.extraNewUntil.getTime() > now.getTime() ? Math.max(0, extra.extraNewCards ?? 0) : 0;
}

/** The settings with today's extra new cards added to the global new-card limit. */
export function withExtraNewCards(settings: SchedulerSettings, extra: ExtraNewCards, now: Date): SchedulerSettings {
  const more = extraNewToday(extra, now);
  return more ? { ...settings, dailyNewLimit: settings.dailyNewLimit + more } : settings;
}

/** A user's settings for the study day `now` falls in: their own, with today's extra new cards. */
export function settingsForDay(user: UserSchedulingColumns & ExtraNewCards, now: Date): SchedulerSettings {
  return withExtraNewCards(settingsFromUser(user), user, now);
}

/**
 * A deck's limits for today, or null when it has none of its own (the global limits alone
 * apply). `settings` are the user's, extras included; a deck's own new-card limit is raised
 * by the same extras.
 */
export function deckLimitsToday(options: DeckOptionLimits, settings: SchedulerSettings, extraNew: number): DeckLimits | null {
  if (options.newPerDay === null && options.reviewsPerDay === null) return null;
  return {
    newPerDay: options.newPerDay === null ? settings.dailyNewLimit : options.newPerDay + extraNew,
    reviewsPerDay: options.reviewsPerDay ?? settings.dailyReviewLimit,
  };
}
