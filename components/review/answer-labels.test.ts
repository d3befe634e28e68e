import { describe, expect, it } from "vitest";
import { gradeCard } from "@/lib/scheduler/grade-card";
import { CardState, newCardMemory, type CardMemory } from "@/lib/scheduler/memory";
import { intervalLabel } from "@/lib/scheduler/preview-intervals";
import { defaultSettings } from "@/lib/scheduler/settings";
import { answerLabels, serverClock } from "./answer-labels";

const settings = { ...defaultSettings, timeZone: "America/New_York" };
const now = new Date("2025-11-01T08:30:00Z");
const learning: CardMemory = { ...newCardMemory(now), state: CardState.Learning, learningSteps: 1, reps: 1, stability: 0.3, difficulty: 5, lastReview: new Date(now.getTime() - 600_000) };

describe("answerLabels", () => {
  it("labels each button with what the server applies, from a memory that went through JSON", () => {
    const wire = JSON.parse(JSON.stringify(learning));
    const labels = answerLabels("card-1", wire, settings, now);
    for (const rating of [1, 2, 3, 4] as const) {
      expect(labels[rating]).toBe(intervalLabel(gradeCard({ cardId: "card-1", memory: learning, rating, now, settings }).log, settings));
    }
    expect(labels[1]).toBe("1m");
    expect(labels[3]).toBe("1d"); // 25 hours across the end of daylight saving time: one study day
  });

  it("labels a new card with its learning steps", () => {
    expect(answerLabels("c", newCardMemory(now), settings, now)).toMatchObject({ 1: "1m", 2: "6m", 3: "10m" });
  });
});

describe("serverClock", () => {
  it("runs at the browser's pace from the server's time", () => {
    let browser = 1_000_000;
    const clock = serverClock("2025-11-01T08:30:00Z", browser, () => browser);
    browser += 5_000;
    expect(clock()).toEqual(new Date(now.getTime() + 5_000));
  });
});
