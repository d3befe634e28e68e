/**
 * What a desired retention costs: a seeded simulation of the next `days` days of study over
 * the user's own cards and FSRS parameters, counting reviews and the cards remembered.
 *
 * The model, one step per study day:
 * - Cards already studied start from their memory (stability, difficulty), the days since
 *   their last review and the days until they are due (overdue ones are due on day 0).
 * - Each day the due cards are answered, lowest predicted recall first, up to the daily
 *   review limit (the rest stay due); then up to the daily new-card limit of new cards.
 * - An answer is recalled with the probability FSRS predicts (R after t days at stability S);
 *   a recalled card is graded Hard, Good or Easy in fixed shares, a forgotten one Again.
 *   Memory moves on by the FSRS-6 formulas; the next interval is the one at which predicted
 *   recall falls to the desired retention (whole days, at least 1, no fuzz).
 * - A new card's first rating is drawn from fixed shares; it and a forgotten card also cost
 *   one review per learning (relearning) step on the same day (Easy skips the learning steps).
 * - Cards remembered at the end: the sum of each studied card's predicted recall on the last day.
 * - Every card draws from its own seeded stream, so two retentions differ only by their
 *   schedules, not by luck. Above `maxCards` cards, a seeded sample is simulated and scaled up
 *   (the daily limits shrink with it).
 */
import { FSRSAlgorithm, computeDecayFactor, type FSRSState } from "ts-fsrs";
import { seededRandom } from "../quiz/random";

export type SimulatedCard = { stability: number; difficulty: number; daysSinceReview: number; dueInDays: number };

export type WorkloadInput = {
  params: readonly number[];
  days: number;
  seed: number;
  cards: readonly SimulatedCard[];
  /** Cards never studied that new-card days may introduce. */
  newCards: number;
  dailyNewLimit: number;
  dailyReviewLimit: number;
  learningSteps: number;
  relearningSteps: number;
  /** First-answer shares of Again, Hard, Good, Easy (Anki's simulator defaults). */
  firstRating?: readonly [number, number, number, number];
  /** Shares of Hard, Good, Easy among recalled answers. */
  recallRating?: readonly [number, number, number];
  maxCards?: number;
};

export type WorkloadPoint = {
  retention: number;
  reviews: number;
  reviewsPerDay: number;
  /** Cards remembered at the end (expected count). */
  remembered: number;
  /** Reviews per card remembered: the cost of knowing. */
  reviewsPerRemembered: number;
};

const FIRST_RATING = [0.24, 0.094, 0.495, 0.171] as const;
const RECALL_RATING = [0.3, 0.6, 0.1] as const;
const MAX_INTERVAL = 36_500;
export const DEFAULT_MAX_CARDS = 2_000;

type Live = { s: number; d: number; last: number; due: number; random: () => number };

function draw(r: number, shares: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < shares.length; i++) {
    sum += shares[i];
    if (r < sum) return i;
  }
  return shares.length - 1;
}

/** `count` of `total` indices picked at random (seeded), in order; all of them when count >= total. */
function sampleIndices(total: number, count: number, seed: number): number[] {
  const all = Array.from({ length: total }, (_, i) => i);
  if (count >= total) return all;
  const random = seededRandom(`${seed}:sample`);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (total - i));
    [all[i], all[j]] = [all[j], all[i]];
  }
  return all.slice(0, count).sort((a, b) => a - b);
}

export function simulateWorkload(input: WorkloadInput, retention: number): WorkloadPoint {
  const fsrs = new FSRSAlgorithm({ w: [...input.params], enable_short_term: true });
  const { decay, factor } = computeDecayFactor([...input.params]);
  const intervalFor = (s: number) => Math.min(MAX_INTERVAL, Math.max(1, Math.round((s / factor) * (Math.pow(retention, 1 / decay) - 1))));
  const firstRating = input.firstRating ?? FIRST_RATING;
  const recallRating = input.recallRating ?? RECALL_RATING;

  const maxCards = input.maxCards ?? DEFAULT_MAX_CARDS;
  const total = input.cards.length + input.newCards;
  const scale = total > maxCards ? total / maxCards : 1;
  const studiedPicks = sampleIndices(input.cards.length, Math.round(input.cards.length / scale), input.seed);
  const newPicks = Math.round(input.newCards / scale);
  const cardRandom = (i: number) => seededRandom(`${input.seed}:${i}`);

  const live: Live[] = studiedPicks.map((i) => {
    const c = input.cards[i];
    return { s: Math.max(c.stability, 0.01), d: Math.min(10, Math.max(1, c.difficulty)), last: -Math.max(0, c.daysSinceReview), due: Math.max(0, Math.round(c.dueInDays)), random: cardRandom(i) };
  });
  let introduced = 0;
  let reviews = 0;
  // Limits shrink with the sample; fractions carry over to the next day.
  let reviewAllowance = 0;
  let newAllowance = 0;

  for (let day = 0; day < input.days; day++) {
    reviewAllowance += input.dailyReviewLimit / scale;
    newAllowance += input.dailyNewLimit / scale;
    const due = live.filter((card) => card.due <= day);
    if (due.length > reviewAllowance) due.sort((a, b) => fsrs.forgetting_curve(day - a.last, a.s) - fsrs.forgetting_curve(day - b.last, b.s));
    const answered = Math.min(due.length, Math.floor(reviewAllowance));
    reviewAllowance -= answered;
    for (let k = 0; k < answered; k++) {
      const card = due[k];
      const elapsed = day - card.last;
      const recalled = card.random() < fsrs.forgetting_curve(elapsed, card.s);
      const rating = recalled ? 2 + draw(card.random(), recallRating) : 1;
      const next: FSRSState = fsrs.next_state({ stability: card.s, difficulty: card.d }, elapsed, rating);
      reviews += recalled ? 1 : 1 + input.relearningSteps;
      card.s = next.stability;
      card.d = next.difficulty;
      card.last = day;
      card.due = day + intervalFor(card.s);
    }
    reviewAllowance = Math.min(reviewAllowance, input.dailyReviewLimit / scale);
    while (newAllowance >= 1 && introduced < newPicks) {
      newAllowance -= 1;
      const random = cardRandom(input.cards.length + introduced++);
      const rating = 1 + draw(random(), firstRating);
      let memory = fsrs.next_state(null, 0, rating);
      // The learning steps, answered Good on the same day (Easy skips them).
      const steps = rating === 4 ? 0 : input.learningSteps;
      for (let step = 0; step < steps; step++) memory = fsrs.next_state(memory, 0, 3);
      reviews += 1 + steps;
      live.push({ s: memory.stability, d: memory.difficulty, last: day, due: day + intervalFor(memory.stability), random });
    }
    newAllowance = Math.min(newAllowance, input.dailyNewLimit / scale);
  }
  const end = input.days;
  const remembered = live.reduce((sum, card) => sum + fsrs.forgetting_curve(end - card.last, card.s), 0) * scale;
  const scaledReviews = reviews * scale;
  return {
    retention,
    reviews: scaledReviews,
    reviewsPerDay: input.days > 0 ? scaledReviews / input.days : 0,
    remembered,
    reviewsPerRemembered: remembered > 0 ? scaledReviews / remembered : 0,
  };
}

/** Desired retentions the chart offers: 0.70 to 0.97 in steps of 0.01. */
export const WORKLOAD_RETENTIONS: readonly number[] = Array.from({ length: 28 }, (_, i) => Math.round((0.7 + i * 0.01) * 100) / 100);

/** The workload at each retention, and the retention with the fewest reviews per card remembered. */
export function workloadCurve(input: WorkloadInput, retentions: readonly number[] = WORKLOAD_RETENTIONS): { points: WorkloadPoint[]; best: number | null } {
  const points = retentions.map((retention) => simulateWorkload(input, retention));
  const useful = points.filter((point) => point.remembered > 0);
  const best = useful.length ? useful.reduce((a, b) => (b.reviewsPerRemembered < a.reviewsPerRemembered ? b : a)).retention : null;
  return { points, best };
}
