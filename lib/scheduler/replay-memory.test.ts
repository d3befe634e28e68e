import { describe, expect, it } from "vitest";
import { default_w } from "ts-fsrs";
import { gradeCard, type Rating } from "./grade-card";
import { CardState, newCardMemory, type CardMemory } from "./memory";
import { recomputedMemory, replayMemory } from "./replay-memory";
import { defaultSettings } from "./settings";

const DAY = 86_400_000;
const start = new Date("2025-03-01T12:00:00Z");
const answers: { rating: Rating; reviewedAt: Date }[] = [
  { rating: 3, reviewedAt: start },
  { rating: 3, reviewedAt: new Date(start.getTime() + 10 * 60_000) },
  { rating: 3, reviewedAt: new Date(start.getTime() + 3 * DAY) },
  { rating: 1, reviewedAt: new Date(start.getTime() + 12 * DAY) },
  { rating: 3, reviewedAt: new Date(start.getTime() + 12 * DAY + 10 * 60_000) },
  { rating: 3, reviewedAt: new Date(start.getTime() + 15 * DAY) },
];
const slowLearner = { ...defaultSettings, fsrsParams: [0.05, 0.3, 0.8, 3.0, ...default_w.slice(4, 20), 0.5] };

describe("replaying a card's answers", () => {
  it("gives exactly the memory grading them one by one gave", () => {
    let memory: CardMemory = newCardMemory(start);
    for (const a of answers) memory = gradeCard({ cardId: "c1", memory, rating: a.rating, now: a.reviewedAt, settings: defaultSettings }).memory;
    expect(replayMemory("c1", answers, defaultSettings)).toEqual(memory);
    expect(replayMemory("c1", [], defaultSettings)).toBeNull();
  });

  it("under other parameters, moves stability and difficulty but the due date only when rescheduling", () => {
    const stored = replayMemory("c1", answers, defaultSettings)!;
    const replayed = replayMemory("c1", answers, slowLearner)!;
    expect(replayed.stability).not.toBeCloseTo(stored.stability, 2);
    const kept = recomputedMemory(stored, replayed, false);
    expect(kept).toEqual({ ...stored, stability: replayed.stability, difficulty: replayed.difficulty });
    const moved = recomputedMemory(stored, replayed, true);
    expect(moved.due.getTime()).not.toBe(stored.due.getTime());
    expect(moved.due).toEqual(replayed.due);
  });

  it("keeps a learning card's step when rescheduling", () => {
    const learning = { ...newCardMemory(start), state: CardState.Learning, stability: 2, difficulty: 5, lastReview: start, reps: 1 };
    const replayed = { ...learning, state: CardState.Review, due: new Date(start.getTime() + 9 * DAY), stability: 9 };
    expect(recomputedMemory(learning, replayed, true)).toEqual({ ...learning, stability: 9 });
  });
});
