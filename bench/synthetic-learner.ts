/**
 * A synthetic learner whose memory follows FSRS-6 with parameters of its own (not the
 * defaults), studying with Keypoint's scheduler: each day it answers the cards due and a few
 * new ones, recalling each with the probability its own memory gives. The app schedules with
 * the user's parameters as they were (the defaults), so the history holds what an optimiser
 * can learn from. Pure and seeded; `loadLearner` writes it with the bulk writer.
 */
import { FSRSAlgorithm, type FSRSState } from "ts-fsrs";
import { gradeCard, newCardMemory, settingsFromUser, type CardMemory, type Rating, type ReviewLogFields } from "../lib/scheduler";
import { seededRandom } from "../lib/quiz/random";
import type { BulkWriter } from "./bulk-writer";
import { Batcher, LOG_COLUMNS, STATE_COLUMNS, addDeck, addUser, type SyntheticUser } from "./synthetic-data";

const DAY = 86_400_000;

/** A learner who forgets faster at first and gains stability more slowly than FSRS-6's average learner. */
export const LEARNER_PARAMETERS: readonly number[] = [
  0.02, 0.1, 0.4, 1.5, 7.5, 0.5, 2.0, 0.01, 0.8, 0.3, 0.7, 2.5, 0.1, 0.4, 1.5, 0.4, 2.0, 0.5, 0.1, 0.08, 0.6,
];

export interface LearnerSpec {
  cards: number;
  /** Days of study before `now`. */
  days: number;
  newPerDay: number;
  now: Date;
  seed: number;
  params?: readonly number[];
  timeZone?: string;
  /** Stop once this many answers are given. */
  maxReviews?: number;
}

export type LearnerAnswer = { card: number; log: ReviewLogFields; durationMs: number };
export type LearnerHistory = { answers: LearnerAnswer[]; memories: (CardMemory | null)[] };

/** The whole history, in time order, and each card's memory at the end (null: never studied). */
export function simulateLearner(spec: LearnerSpec): LearnerHistory {
  const random = seededRandom(spec.seed);
  const truth = new FSRSAlgorithm({ w: [...(spec.params ?? LEARNER_PARAMETERS)], enable_short_term: true });
  const settings = settingsFromUser({ timeZone: spec.timeZone ?? "UTC", desiredRetention: 0.9, dailyNewLimit: spec.newPerDay,
    dailyReviewLimit: 100_000, fsrsParams: null, learningSteps: "1m 10m", relearningSteps: "10m" });
  const memories: (CardMemory | null)[] = Array.from({ length: spec.cards }, () => null);
  const truths: (FSRSState | null)[] = Array.from({ length: spec.cards }, () => null);
  const lastDay: number[] = Array.from({ length: spec.cards }, () => 0);
  const answers: LearnerAnswer[] = [];
  const start = spec.now.getTime() - spec.days * DAY;
  let introduced = 0;
  const limit = spec.maxReviews ?? Infinity;

  const answer = (card: number, at: Date, day: number) => {
    const memory = memories[card] ?? newCardMemory(at);
    const known = truths[card];
    let rating: Rating;
    if (!known) rating = pick(random(), [0.2, 0.1, 0.6, 0.1]);
    else {
      const elapsed = Math.max(0, (at.getTime() - memory.lastReview!.getTime()) / DAY);
      rating = random() < truth.forgetting_curve(elapsed, known.stability) ? pick(random(), [0, 0.06, 0.84, 0.1]) : 1;
    }
    truths[card] = truth.next_state(known, known ? day - lastDay[card] : 0, rating);
    lastDay[card] = day;
    const graded = gradeCard({ cardId: cardId(card), memory, rating, now: at, settings });
    memories[card] = graded.memory;
    answers.push({ card, log: graded.log, durationMs: 3_000 + Math.floor(random() * 12_000) });
  };

  for (let day = 0; day < spec.days && answers.length < limit; day++) {
    const dayStart = start + day * DAY;
    let t = dayStart + (8 + random() * 10) * 3_600_000;
    const dayEnd = dayStart + DAY;
    const due = memories.flatMap((m, card) => (m && m.due.getTime() < dayEnd ? [card] : []));
    for (let n = 0; n < spec.newPerDay && introduced < spec.cards; n++) due.push(introduced++);
    // Answer everything due today; learning steps bring cards back within the day.
    const queue = due.map((card) => ({ card, at: Math.max(t, memories[card]?.due.getTime() ?? t) }));
    while (queue.length > 0 && answers.length < limit) {
      queue.sort((a, b) => a.at - b.at);
      const next = queue.shift()!;
      t = Math.max(t + 8_000, next.at);
      if (t >= dayEnd || t >= spec.now.getTime()) break;
      answer(next.card, new Date(t), day);
      const dueAgain = memories[next.card]!.due.getTime();
      if (dueAgain < dayEnd) queue.push({ card: next.card, at: dueAgain });
    }
  }
  return { answers, memories };
}

function pick(r: number, weights: number[]): Rating {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    sum += weights[i];
    if (r < sum) return (i + 1) as Rating;
  }
  return 4;
}

const cardId = (card: number) => `learner-card-${card}`;

export interface LoadLearnerSpec extends LearnerSpec {
  tag: string;
  email: string;
  passwordHash: string;
}

/** Writes the learner as a user with one document of `cards` cards, its answers and card states. */
export async function loadLearner(writer: BulkWriter, spec: LoadLearnerSpec): Promise<SyntheticUser & { reviews: number; cardIds: string[] }> {
  const history = simulateLearner(spec);
  const out = new Batcher(writer);
  const user = { id: `${spec.tag}u`, email: spec.email };
  const created = new Date(spec.now.getTime() - (spec.days + 1) * DAY);
  await addUser(out, user, spec.passwordHash, { newLimit: spec.newPerDay, reviewLimit: 9_999 }, spec.timeZone ?? "UTC", created);
  const deck = await addDeck(out, spec.tag, user.id, 1, spec.cards, created);
  // addDeck names cards by its own scheme; the learner's card numbers map onto them in order.
  const idOf = (card: number) => deck.cardIds[card];
  let n = 0;
  for (const { card, log, durationMs } of history.answers) {
    await out.add("ReviewLog", LOG_COLUMNS, [`${spec.tag}l${n}`, user.id, idOf(card), `${spec.tag}r${n}`, "REVIEW", log.rating, log.reviewedAt,
      durationMs, log.retrievability, log.prevState, log.prevDue, log.prevStability, log.prevDifficulty, log.prevElapsedDays,
      log.prevScheduledDays, log.prevLearningSteps, log.prevReps, log.prevLapses, log.prevLastReview, log.state, log.due, log.stability,
      log.difficulty, log.scheduledDays]);
    n++;
  }
  for (let card = 0; card < spec.cards; card++) {
    const m = history.memories[card];
    if (!m) continue;
    await out.add("CardState", STATE_COLUMNS, [`${idOf(card)}s`, user.id, idOf(card), deck.documentIds[0], m.due, m.stability, m.difficulty,
      m.elapsedDays, m.scheduledDays, m.learningSteps, m.reps, m.lapses, m.state, m.lastReview, false, 0, m.lastReview]);
  }
  await out.flush();
  return { ...user, reviews: n, cardIds: deck.cardIds };
}
