/**
 * Applying one answer: the card's next memory (new CardState columns) and the
 * ReviewLog columns describing it, computed by ts-fsrs. Pure: the db layer
 * writes both in one transaction.
 */
import type { Card, Grade } from "ts-fsrs";
import { SchedulerError, isValidDate } from "./errors";
import { CardState, isCardStateValue, parseCardMemory, type CardMemory, type CardStateValue } from "./memory";
import { retrievabilityAt } from "./retrievability";
import { SEED_FIELD, schedulerFor, type SchedulerSettings } from "./settings";
import { instantOfStudyClock, studyDayShiftMs } from "./study-day";

import { isRating, type Rating } from "./ratings";

export { RATINGS, RatingName, isRating, type Rating } from "./ratings";

/**
 * The ReviewLog columns the scheduler decides, named as in the model: the
 * memory before the answer (prev*), the result, and the predicted recall.
 * The db layer adds userId, cardId, clientRequestId, mode and durationMs.
 */
export type ReviewLogFields = {
  rating: Rating;
  reviewedAt: Date;
  /** Predicted recall when answered; null for a new card. */
  retrievability: number | null;
  prevState: CardStateValue;
  prevDue: Date;
  prevStability: number;
  prevDifficulty: number;
  prevElapsedDays: number;
  prevScheduledDays: number;
  prevLearningSteps: number;
  prevReps: number;
  prevLapses: number;
  prevLastReview: Date | null;
  state: CardStateValue;
  due: Date;
  stability: number;
  difficulty: number;
  scheduledDays: number;
};

export type GradeCardInput = {
  cardId: string;
  memory: CardMemory;
  /** Checked at run time: anything but 1-4 is refused. */
  rating: number;
  now: Date;
  settings: SchedulerSettings;
};

export type GradeCardResult = {
  /** The card's next memory: the new CardState columns. */
  memory: CardMemory;
  log: ReviewLogFields;
};

/**
 * Grades a card. The same card id, memory, rating, time and settings always
 * give the same result (fuzz is seeded by card id and repetition count).
 * Elapsed days are counted in the user's study days, as Anki does.
 * A `now` earlier than the last review (a clock step back) is treated as the
 * moment of the last review.
 */
export function gradeCard(input: GradeCardInput): GradeCardResult {
  const { cardId, rating, settings } = input;
  if (!isRating(rating)) {
    throw new SchedulerError(
      "INVALID_RATING",
      `A rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy); got ${JSON.stringify(rating) ?? String(rating)}.`,
    );
  }
  if (typeof cardId !== "string" || cardId === "") {
    throw new SchedulerError("INVALID_INPUT", "gradeCard needs the card id.");
  }
  if (!isValidDate(input.now)) throw new SchedulerError("INVALID_INPUT", "gradeCard needs a valid `now` date.");
  const before = parseCardMemory(input.memory);
  const lastReviewMs = before.lastReview?.getTime() ?? -Infinity;
  const now = new Date(Math.max(input.now.getTime(), lastReviewMs));

  const { timeZone, dayStartHour } = settings;
  const shiftNow = studyDayShiftMs(now, timeZone, dayStartHour);
  const shiftLast = before.lastReview ? studyDayShiftMs(before.lastReview, timeZone, dayStartHour) : 0;
  const card: Card & Record<typeof SEED_FIELD, string> = {
    due: new Date(before.due.getTime() + shiftNow),
    stability: before.stability,
    difficulty: before.difficulty,
    elapsed_days: before.elapsedDays,
    scheduled_days: before.scheduledDays,
    learning_steps: before.learningSteps,
    reps: before.reps,
    lapses: before.lapses,
    state: before.state,
    last_review: before.lastReview ? new Date(before.lastReview.getTime() + shiftLast) : undefined,
    [SEED_FIELD]: `${cardId}:`,
  };
  const next = schedulerFor(settings).next(card, new Date(now.getTime() + shiftNow), rating as Grade).card;
  if (!isCardStateValue(next.state)) {
    throw new SchedulerError("INVALID_MEMORY", `ts-fsrs returned an unknown state ${String(next.state)}.`);
  }
  const after: CardMemory = {
    // ts-fsrs adds N × 24 h; across a change of UTC offset that can end an hour inside the
    // wrong study day, so an interval of whole days lands N study days ahead at the same time of day.
    due: next.scheduled_days >= 1 ? instantOfStudyClock(next.due.getTime(), timeZone, dayStartHour) : new Date(next.due.getTime() - shiftNow),
    stability: next.stability,
    difficulty: next.difficulty,
    elapsedDays: next.elapsed_days,
    scheduledDays: next.scheduled_days,
    learningSteps: next.learning_steps,
    reps: next.reps,
    lapses: next.lapses,
    state: next.state,
    lastReview: now,
  };
  return {
    memory: after,
    log: {
      rating,
      reviewedAt: now,
      retrievability: before.state === CardState.New ? null : retrievabilityAt(before, now, settings),
      ...prevColumns(before),
      state: after.state,
      due: after.due,
      stability: after.stability,
      difficulty: after.difficulty,
      scheduledDays: after.scheduledDays,
    },
  };
}

type PrevColumns = Pick<
  ReviewLogFields,
  | "prevState"
  | "prevDue"
  | "prevStability"
  | "prevDifficulty"
  | "prevElapsedDays"
  | "prevScheduledDays"
  | "prevLearningSteps"
  | "prevReps"
  | "prevLapses"
  | "prevLastReview"
>;

/**
 * The ReviewLog columns of an answer that leaves the schedule as it is (quiz practice
 * on a card that is not due): the memory before and after are the same.
 */
export function unchangedLog(memory: CardMemory, rating: Rating, now: Date, settings: SchedulerSettings): ReviewLogFields {
  return {
    rating,
    reviewedAt: now,
    retrievability: retrievabilityAt(memory, now, settings),
    ...prevColumns(memory),
    state: memory.state,
    due: memory.due,
    stability: memory.stability,
    difficulty: memory.difficulty,
    scheduledDays: memory.scheduledDays,
  };
}

function prevColumns(memory: CardMemory): PrevColumns {
  return {
    prevState: memory.state,
    prevDue: new Date(memory.due.getTime()),
    prevStability: memory.stability,
    prevDifficulty: memory.difficulty,
    prevElapsedDays: memory.elapsedDays,
    prevScheduledDays: memory.scheduledDays,
    prevLearningSteps: memory.learningSteps,
    prevReps: memory.reps,
    prevLapses: memory.lapses,
    prevLastReview: memory.lastReview ? new Date(memory.lastReview.getTime()) : null,
  };
}

/** The prev* columns of a stored ReviewLog row (prevState is a plain Int there). */
export type StoredPrevColumns = Omit<PrevColumns, "prevState"> & { prevState: number };

/**
 * Undo: the card's memory exactly as it was before the logged answer, read
 * from the log's prev* columns. Write it back to CardState and delete the log.
 */
export function memoryBeforeLog(log: StoredPrevColumns): CardMemory {
  return parseCardMemory({
    state: log.prevState,
    due: log.prevDue,
    stability: log.prevStability,
    difficulty: log.prevDifficulty,
    elapsedDays: log.prevElapsedDays,
    scheduledDays: log.prevScheduledDays,
    learningSteps: log.prevLearningSteps,
    reps: log.prevReps,
    lapses: log.prevLapses,
    lastReview: log.prevLastReview,
  });
}
