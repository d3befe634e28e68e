import { describe, expect, it } from "vitest";
import { CardState, newCardMemory, parseCardMemory } from "./memory";

const now = new Date("2025-01-15T15:00:00Z");

describe("card memory", () => {
  it("starts new cards due now with nothing learned", () => {
    expect(newCardMemory(now)).toEqual({
      due: now,
      stability: 0,
      difficulty: 0,
      elapsedDays: 0,
      scheduledDays: 0,
      learningSteps: 0,
      reps: 0,
      lapses: 0,
      state: CardState.New,
      lastReview: null,
    });
  });

  it("reads the scheduling columns out of a CardState row and ignores the rest", () => {
    const row = { ...newCardMemory(now), id: "x", userId: "u", suspended: false, state: 0 };
    expect(parseCardMemory(row)).toEqual(newCardMemory(now));
  });

  it("rejects rows that would schedule nonsense", () => {
    const base = newCardMemory(now);
    expect(() => parseCardMemory({ ...base, state: 4 })).toThrow(/state/);
    expect(() => parseCardMemory({ ...base, due: new Date("nope") })).toThrow(/due/);
    expect(() => parseCardMemory({ ...base, reps: 1.5 })).toThrow(/reps/);
    expect(() => parseCardMemory({ ...base, stability: Number.NaN })).toThrow(/stability/);
    expect(() => parseCardMemory({ ...base, state: 2 })).toThrow(/lastReview/);
  });
});
