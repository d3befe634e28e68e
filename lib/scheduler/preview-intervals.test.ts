import { describe, expect, it } from "vitest";
import { gradeCard } from "./grade-card";
import { CardState, newCardMemory, type CardMemory } from "./memory";
import { formatInterval, intervalLabel, previewIntervals } from "./preview-intervals";
import { defaultSettings } from "./settings";

const settings = { ...defaultSettings, timeZone: "Europe/Berlin" };
const now = new Date("2025-02-01T09:00:00Z");
const MIN = 60_000;
const DAY = 86_400_000;

const reviewCard: CardMemory = {
  due: now,
  stability: 12,
  difficulty: 5,
  elapsedDays: 4,
  scheduledDays: 10,
  learningSteps: 0,
  reps: 4,
  lapses: 0,
  state: CardState.Review,
  lastReview: new Date(now.getTime() - 10 * DAY),
};

describe("previewIntervals", () => {
  it("labels a new card's buttons with its learning steps", () => {
    const preview = previewIntervals({ cardId: "c", memory: newCardMemory(now), now, settings });
    expect(preview[1].label).toBe("1m");
    expect(preview[2].label).toBe("6m");
    expect(preview[3].label).toBe("10m");
    expect(preview[4].label).toMatch(/^\d+d$/);
  });

  it("shows exactly the due dates gradeCard applies", () => {
    for (const memory of [newCardMemory(now), reviewCard]) {
      const preview = previewIntervals({ cardId: "c", memory, now, settings });
      for (const rating of [1, 2, 3, 4] as const) {
        expect(preview[rating].due).toEqual(gradeCard({ cardId: "c", memory, rating, now, settings }).memory.due);
      }
    }
  });

  it("gives a review card growing intervals from Hard to Easy", () => {
    const preview = previewIntervals({ cardId: "c", memory: reviewCard, now, settings });
    expect(preview[1].label).toBe("10m");
    expect(preview[2].due.getTime()).toBeLessThan(preview[3].due.getTime());
    expect(preview[3].due.getTime()).toBeLessThan(preview[4].due.getTime());
  });
});

describe("labels across a change of UTC offset", () => {
  it("calls one study day 1d when clocks spring forward and the day is 23 hours long", () => {
    const ny = { ...defaultSettings, timeZone: "America/New_York" };
    const at = new Date("2025-03-08T09:30:00Z"); // 04:30 EST; at 04:30 EDT the next day only 23 hours have passed
    const learning: CardMemory = { ...newCardMemory(at), state: CardState.Learning, learningSteps: 1, reps: 1, stability: 0.3, difficulty: 5, lastReview: new Date(at.getTime() - 10 * MIN) };
    const preview = previewIntervals({ cardId: "c", memory: learning, now: at, settings: ny });
    expect(preview[3].due.toISOString()).toBe("2025-03-09T08:30:00.000Z");
    expect(preview[3].label).toBe("1d");
    const { log } = gradeCard({ cardId: "c", memory: learning, rating: 3, now: at, settings: ny });
    expect(intervalLabel(log, ny)).toBe("1d");
    expect(preview[1].label).toBe("1m");
  });
});

describe("formatInterval", () => {
  it.each([
    [20_000, "<1m"],
    [1 * MIN, "1m"],
    [10 * MIN, "10m"],
    [90 * MIN, "1.5h"],
    [1 * DAY, "1d"],
    [3 * DAY, "3d"],
    [29 * DAY, "29d"],
    [63 * DAY, "2.1mo"],
    [365 * DAY, "1y"],
    [438 * DAY, "1.2y"],
  ])("writes %d ms as %s", (ms, label) => {
    expect(formatInterval(ms)).toBe(label);
  });
});
