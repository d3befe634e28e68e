import { dayKey, weekdayOf } from "./study-days";
import type { DailyRow, RetentionRow } from "./types";

export type ReviewKind = "learning" | "review" | "relearning" | "quiz";

/** One bar of the reviews-per-day chart: a day, or a week or month on long ranges. */
export type ActivityBucket = {
  /** First study day of the bucket, "YYYY-MM-DD". */
  date: string;
  days: number;
  learning: number;
  review: number;
  relearning: number;
  quiz: number;
  total: number;
  minutes: number;
};

export type Activity = {
  buckets: ActivityBucket[];
  bucketDays: number;
  totals: { reviews: number; minutes: number; seconds: number; activeDays: number; days: number };
  hasData: boolean;
};

/** Which stack an answer belongs to: quizzes apart, then by the card's state before the answer. */
export function reviewKind(row: Pick<DailyRow, "mode" | "prevState">): ReviewKind {
  if (row.mode === "QUIZ") return "quiz";
  if (row.prevState === 2) return "review";
  if (row.prevState === 3) return "relearning";
  return "learning"; // new cards and learning steps
}

/** Bars per chart at most: longer ranges group days into weeks or months. */
function bucketSize(days: number): number {
  if (days <= 92) return 1;
  if (days <= 366) return 7;
  return 30;
}

/**
 * Reviews per study day from `firstDay` to `today`, stacked by kind, with time
 * spent in minutes; days without answers are zeros, so the axis is continuous.
 */
export function reviewsPerDay(rows: DailyRow[], firstDay: number, today: number): Activity {
  const days = today - firstDay + 1;
  const size = bucketSize(days);
  const buckets: ActivityBucket[] = [];
  // Buckets end on today, so the last bar is always the current day/week/month.
  const firstBucketStart = today - Math.ceil(days / size) * size + 1;
  for (let start = firstBucketStart; start <= today; start += size) {
    buckets.push({ date: dayKey(start), days: size, learning: 0, review: 0, relearning: 0, quiz: 0, total: 0, minutes: 0 });
  }
  const active = new Set<number>();
  let reviews = 0;
  let ms = 0;
  for (const row of rows) {
    if (row.day < firstDay || row.day > today) continue;
    const bucket = buckets[Math.floor((row.day - firstBucketStart) / size)];
    bucket[reviewKind(row)] += row.count;
    bucket.total += row.count;
    bucket.minutes += row.durationMs / 60_000;
    active.add(row.day);
    reviews += row.count;
    ms += row.durationMs;
  }
  for (const bucket of buckets) bucket.minutes = Math.round(bucket.minutes * 100) / 100;
  return {
    buckets,
    bucketDays: size,
    totals: { reviews, minutes: Math.round(ms / 6_000) / 10, seconds: Math.round(ms / 1000), activeDays: active.size, days },
    hasData: reviews > 0,
  };
}

/** Answers per rating (1 Again ... 4 Easy) in the range, for reviews and quizzes together. */
export function answerButtons(rows: DailyRow[], firstDay: number, today: number) {
  const counts = [0, 0, 0, 0];
  for (const row of rows) {
    if (row.day < firstDay || row.day > today || row.rating < 1 || row.rating > 4) continue;
    counts[row.rating - 1] += row.count;
  }
  const total = counts.reduce((a, b) => a + b, 0);
  const names = ["Again", "Hard", "Good", "Easy"];
  return {
    buttons: counts.map((count, i) => ({ rating: i + 1, name: names[i], count, share: total ? count / total : 0 })),
    total,
    /** Share of answers that were not Again. */
    passRate: total ? 1 - counts[0] / total : null,
    hasData: total > 0,
  };
}

export type HeatmapCell = { date: string; week: number; weekday: number; count: number; level: 0 | 1 | 2 | 3 | 4 };

/**
 * The last `weeks` weeks of activity as calendar cells (columns are weeks
 * starting on Monday, rows are weekdays), with the current and longest streak of
 * consecutive study days with at least one answer. The current streak still
 * counts while today has no answer yet (it ends yesterday then).
 */
export function calendar(rows: Pick<RetentionRow, "day" | "count">[], today: number, weeks = 53) {
  const perDay = new Map<number, number>();
  for (const row of rows) if (row.count > 0) perDay.set(row.day, (perDay.get(row.day) ?? 0) + row.count);

  const start = today - weekdayOf(today) - (weeks - 1) * 7;
  const inWindow = [...perDay.entries()].filter(([day]) => day >= start && day <= today).map(([, n]) => n).sort((a, b) => a - b);
  // Levels by quartile of the active days shown (so one huge day does not wash out the rest); the busiest day is darkest.
  const quantile = (q: number) => inWindow[Math.floor(q * (inWindow.length - 1))] ?? 0;
  const cuts = [quantile(0.25), quantile(0.5), quantile(0.75)];
  const cells: HeatmapCell[] = [];
  for (let day = start; day <= today; day++) {
    const count = perDay.get(day) ?? 0;
    const level = count === 0 ? 0 : count === inWindow.at(-1) ? 4 : count <= cuts[0] ? 1 : count <= cuts[1] ? 2 : count <= cuts[2] ? 3 : 4;
    cells.push({ date: dayKey(day), week: Math.floor((day - start) / 7), weekday: weekdayOf(day), count, level });
  }

  const days = [...perDay.keys()].filter((d) => d <= today).sort((a, b) => a - b);
  let longest = 0;
  let run = 0;
  for (let i = 0; i < days.length; i++) {
    run = i > 0 && days[i] === days[i - 1] + 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
  }
  let current = 0;
  let day = perDay.has(today) ? today : today - 1;
  while (perDay.has(day)) {
    current++;
    day--;
  }
  const activeDays = inWindow.length;
  return { cells, weeks, currentStreak: current, longestStreak: longest, activeDays, hasData: days.length > 0 };
}
