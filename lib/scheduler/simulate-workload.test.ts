import { default_w, forgetting_curve } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { seededRandom } from "../quiz/random";
import { simulateWorkload, workloadCurve, type SimulatedCard, type WorkloadInput } from "./simulate-workload";

const deck = (n: number): SimulatedCard[] =>
  Array.from({ length: n }, (_, i) => ({ stability: 1 + (i % 40), difficulty: 3 + (i % 6), daysSinceReview: i % 20, dueInDays: (i % 30) - 5 }));

const base: WorkloadInput = {
  params: default_w,
  days: 365,
  seed: 11,
  cards: deck(600),
  newCards: 400,
  dailyNewLimit: 10,
  dailyReviewLimit: 100_000,
  learningSteps: 2,
  relearningSteps: 1,
};

describe("workload simulation", () => {
  it("costs more reviews, and remembers more, the higher the desired retention", () => {
    const { points } = workloadCurve(base);
    for (let i = 1; i < points.length; i++) {
      expect(points[i].reviews, `${points[i].retention}`).toBeGreaterThanOrEqual(points[i - 1].reviews);
      expect(points[i].remembered, `${points[i].retention}`).toBeGreaterThanOrEqual(points[i - 1].remembered);
    }
    expect(points.at(-1)!.reviews).toBeGreaterThan(points[0].reviews * 1.5);
  });

  it("gives the same result for the same seed, and another for another seed", () => {
    expect(simulateWorkload(base, 0.9)).toEqual(simulateWorkload(base, 0.9));
    expect(simulateWorkload({ ...base, seed: 12 }, 0.9).reviews).not.toBe(simulateWorkload(base, 0.9).reviews);
  });

  it("marks the retention with the fewest reviews per card remembered", () => {
    const { points, best } = workloadCurve(base);
    const cheapest = Math.min(...points.map((p) => p.reviewsPerRemembered));
    expect(points.find((p) => p.retention === best)!.reviewsPerRemembered).toBe(cheapest);
  });

  it("with nothing to study, costs nothing and remembers nothing", () => {
    expect(simulateWorkload({ ...base, cards: [], newCards: 0 }, 0.9)).toEqual({ retention: 0.9, reviews: 0, reviewsPerDay: 0, remembered: 0, reviewsPerRemembered: 0 });
  });

  it("lets a card not due within the period decay without a review (by hand: R(t, S) of FSRS-6)", () => {
    const card = { stability: 1000, difficulty: 5, daysSinceReview: 10, dueInDays: 500 };
    const point = simulateWorkload({ ...base, cards: [card], newCards: 0 }, 0.9);
    expect(point.reviews).toBe(0);
    // R = (1 + factor · t / S)^-decay with decay = w20 and factor = 0.9^(-1/decay) - 1; t = 365 + 10 days.
    const decay = default_w[20];
    const factor = Math.pow(0.9, -1 / decay) - 1;
    expect(point.remembered).toBeCloseTo(Math.pow(1 + (factor * 375) / 1000, -decay), 7);
    expect(point.remembered).toBeCloseTo(forgetting_curve(default_w, 375, 1000), 7);
  });

  it("reviews one recalled card again when FSRS's interval says (one card, by hand)", () => {
    // S = 100 days, last seen 100 days ago: due today, predicted recall R = 0.9 exactly. Every
    // recalled answer is Good; pick a seed whose card recalls on day 0 (its stream's first draw < 0.9).
    const card = { stability: 100, difficulty: 5, daysSinceReview: 100, dueInDays: 0 };
    const seed = Array.from({ length: 50 }, (_, i) => i).find((i) => seededRandom(`${i}:0`)() < 0.9)!;
    const one = { ...base, seed, cards: [card], newCards: 0, recallRating: [0, 1, 0] as const };
    // Good at D = 5 after 100 days: S' = S · (1 + e^w8 · (11 − D) · S^−w9 · (e^(w10 · (1 − R)) − 1)).
    const w = default_w;
    const sAfter = 100 * (1 + Math.exp(w[8]) * (11 - 5) * Math.pow(100, -w[9]) * (Math.exp(w[10] * 0.1) - 1));
    // At a desired retention of 0.9 the interval is the stability itself: the next review is round(S') days later.
    const next = Math.round(sAfter);
    expect(simulateWorkload({ ...one, days: next }, 0.9).reviews).toBe(1);
    expect(simulateWorkload({ ...one, days: next + 1 }, 0.9).reviews).toBe(2);
  });

  it("holds reviews over the daily limit for later days", () => {
    const capped = simulateWorkload({ ...base, newCards: 0, dailyReviewLimit: 5 }, 0.9);
    expect(capped.reviews).toBeLessThanOrEqual(5 * 365 * 2);
    expect(capped.reviews).toBeLessThan(simulateWorkload({ ...base, newCards: 0 }, 0.9).reviews);
  });

  it("scales a sample of a large collection to its size", () => {
    const big = { ...base, cards: deck(6000), newCards: 0, dailyNewLimit: 0 };
    const sampled = simulateWorkload({ ...big, maxCards: 1000 }, 0.9);
    const full = simulateWorkload({ ...big, maxCards: 10_000 }, 0.9);
    expect(sampled.reviews / full.reviews).toBeGreaterThan(0.9);
    expect(sampled.reviews / full.reviews).toBeLessThan(1.1);
  });
});
