import { describe, expect, it } from "vitest";
import { answerButtons, calendar, reviewKind, reviewsPerDay } from "./activity";
import { aggregateInMemory, HISTORY, NOW, TIME_ZONE } from "./fixtures/history";
import { rangeFirstDay } from "./range";
import { dayRuleFor, todayNumber } from "./study-days";

const rule = dayRuleFor(TIME_ZONE, Date.parse("2025-12-01T00:00:00Z"), NOW.getTime());
const today = todayNumber(NOW, TIME_ZONE);
const rows = aggregateInMemory(HISTORY, rule);

describe("reviewsPerDay", () => {
  const month = reviewsPerDay(rows.daily, rangeFirstDay("1m", today, null), today);

  it("stacks each study day's answers by learning / review / relearning / quiz", () => {
    expect(month.buckets).toHaveLength(30);
    const last = month.buckets.at(-1)!;
    expect(last).toMatchObject({ date: "2026-03-10", learning: 2, review: 2, relearning: 1, quiz: 1, total: 6 });
    expect(month.buckets.at(-2)).toMatchObject({ date: "2026-03-09", review: 1, total: 1 });
    expect(month.buckets.at(-3)).toMatchObject({ date: "2026-03-08", review: 1, total: 1 });
    expect(month.buckets.at(-4)).toMatchObject({ date: "2026-03-07", total: 0 });
  });

  it("sums the time spent per day in minutes", () => {
    // 20 s + 4 s (A) + 6 s (B) + 6 s (D) + 2 x 6 s (E) = 48 s.
    expect(month.buckets.at(-1)!.minutes).toBe(0.8);
    expect(month.totals).toEqual({ reviews: 8, minutes: 1, seconds: 60, activeDays: 3, days: 30 });
  });

  it("groups a year into weeks that end today, and all time from the first answer", () => {
    const year = reviewsPerDay(rows.daily, rangeFirstDay("1y", today, null), today);
    expect(year.bucketDays).toBe(7);
    expect(year.buckets.at(-1)).toMatchObject({ date: "2026-03-04", total: 8 });
    const firstDay = rangeFirstDay("all", today, today - 54);
    expect(reviewsPerDay(rows.daily, firstDay, today).buckets).toHaveLength(55);
  });

  it("classifies answers by the state before them", () => {
    expect(reviewKind({ mode: "REVIEW", prevState: 0 })).toBe("learning");
    expect(reviewKind({ mode: "REVIEW", prevState: 1 })).toBe("learning");
    expect(reviewKind({ mode: "REVIEW", prevState: 2 })).toBe("review");
    expect(reviewKind({ mode: "REVIEW", prevState: 3 })).toBe("relearning");
    expect(reviewKind({ mode: "QUIZ", prevState: 2 })).toBe("quiz");
  });
});

describe("answerButtons", () => {
  it("counts answers per rating in the range", () => {
    const result = answerButtons(rows.daily, rangeFirstDay("1m", today, null), today);
    expect(result.buttons.map((b) => b.count)).toEqual([2, 0, 6, 0]);
    expect(result.passRate).toBe(0.75);
    const all = answerButtons(rows.daily, today - 1000, today);
    expect(all.buttons.map((b) => b.count)).toEqual([2, 0, 6, 1]);
  });
});

describe("calendar", () => {
  const result = calendar(rows.retention, today);

  it("has a cell per day of the last 53 weeks, weeks starting on Monday, ending today", () => {
    expect(result.cells.at(-1)).toMatchObject({ date: "2026-03-10", weekday: 1, count: 6 });
    expect(result.cells[0].weekday).toBe(0);
    expect(result.cells.find((c) => c.date === "2026-01-15")?.count).toBe(1);
    expect(result.cells.at(-1)!.level).toBe(4);
  });

  it("counts the current and longest streak of study days", () => {
    expect(result.currentStreak).toBe(3); // 03-08, 03-09, 03-10
    expect(result.longestStreak).toBe(3);
  });

  it("keeps the current streak alive until today is over", () => {
    const days = [today - 5, today - 4, today - 3, today - 2, today - 1].map((day) => ({ day, count: 1 }));
    expect(calendar(days, today).currentStreak).toBe(5);
    expect(calendar(days, today + 1).currentStreak).toBe(0);
    expect(calendar([...days, { day: today - 20, count: 2 }], today + 1).longestStreak).toBe(5);
  });

  it("is empty for no history", () => {
    const empty = calendar([], today);
    expect(empty).toMatchObject({ currentStreak: 0, longestStreak: 0, hasData: false });
  });
});
