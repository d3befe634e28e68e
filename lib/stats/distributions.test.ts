import { describe, expect, it } from "vitest";
import { binOf, cardCounts, DIFFICULTY_BOUNDS, memoryDistributions, RECALL_BOUNDS, STABILITY_BOUNDS } from "./distributions";

describe("binOf", () => {
  it("puts a value in the first bin whose upper bound exceeds it", () => {
    expect(binOf(0.5, STABILITY_BOUNDS)).toBe(0);
    expect(binOf(1, STABILITY_BOUNDS)).toBe(1);
    expect(binOf(30, STABILITY_BOUNDS)).toBe(6);
    expect(binOf(4000, STABILITY_BOUNDS)).toBe(9);
    expect(binOf(1, DIFFICULTY_BOUNDS)).toBe(0);
    expect(binOf(10, DIFFICULTY_BOUNDS)).toBe(8);
    expect(binOf(0.9, RECALL_BOUNDS)).toBe(6);
    expect(binOf(0.3, RECALL_BOUNDS)).toBe(0);
  });
});

describe("cardCounts", () => {
  it("counts suspended cards apart, never-opened cards as new, and splits reviews at 21 days", () => {
    const counts = cardCounts(
      [
        { state: 0, suspended: false, mature: false, count: 1 },
        { state: 1, suspended: false, mature: false, count: 2 },
        { state: 3, suspended: false, mature: false, count: 1 },
        { state: 2, suspended: false, mature: false, count: 5 },
        { state: 2, suspended: false, mature: true, count: 4 },
        { state: 2, suspended: true, mature: true, count: 2 },
      ],
      30,
    );
    expect(counts).toEqual({ new: 1 + (30 - 15), learning: 3, young: 5, mature: 4, suspended: 2, total: 30 });
  });
});

describe("memoryDistributions", () => {
  it("adds up each histogram from the joint bins", () => {
    const result = memoryDistributions([
      { stabilityBin: 0, difficultyBin: 4, recallBin: 7, count: 3 },
      { stabilityBin: 6, difficultyBin: 4, recallBin: 6, count: 2 },
      { stabilityBin: 6, difficultyBin: 8, recallBin: 1, count: 1 },
    ]);
    expect(result.stability.map((b) => b.count)).toEqual([3, 0, 0, 0, 0, 0, 3, 0, 0, 0]);
    expect(result.difficulty[4].count).toBe(5);
    expect(result.recall[1].count).toBe(1);
    expect(result.studied).toBe(6);
    expect(result.atLeast90).toBeCloseTo(5 / 6, 10);
  });
});
