/**
 * The one way an answer reaches the database, however it arrives (the review screen, a quiz,
 * later an offline answer sent with its own time or an imported review history), and the one
 * way it is taken back. In a single unit of work: the card's next memory from the scheduler,
 * written only if the state is still the version that was read; the ReviewLog row, keyed by
 * the client's request id (unique per user, so a resent answer cannot be stored twice) and
 * holding the memory before the answer, which is the undo record.
 */
import {
  gradeCard,
  memoryBeforeLog,
  newCardMemory,
  parseCardMemory,
  unchangedLog,
  type CardStateValue,
  type Rating,
  type ReviewLogFields,
  type SchedulerSettings,
} from "../../scheduler";
import { Conflict, NotFound } from "../runtime/errors";
import { newId } from "../runtime/ids";
import { isDatabaseBusy, isUniqueViolation } from "../runtime/transient-errors";
import { changes, exec, firstRow, rawSql, readDate, readOptionalDate, sql, sqlRows, type SqlValue, type Statement, type Steps } from "../runtime/sql";
import { insertCardState, restoreCardState, updateCardState } from "./card-state";
import type { AnswerContext, StoredLog } from "./store";

export type AnswerMode = "REVIEW" | "PRACTICE" | "QUIZ";

/** Answers given on the review screen, which its undo takes back. */
const REVIEW_SCREEN_MODES = sql`('REVIEW', 'PRACTICE')`;

/** Longest answer time kept: a card left open over lunch should not skew the stats. */
export const MAX_DURATION_MS = 10 * 60 * 1000;

export interface Answer {
  userId: string;
  cardId: string;
  rating: Rating;
  /** REVIEW: the review screen; PRACTICE: a topic studied again without moving the schedule; QUIZ: a quiz. */
  mode: AnswerMode;
  /** When the user answered: now, or an answer's own time when it arrives later. */
  reviewedAt: Date;
  durationMs: number;
  clientRequestId: string;
  /**
   * The schedule effect: true, the scheduler grades the card and its state moves on;
   * false, the answer is logged and the schedule stays as it is (quiz practice on a card not due).
   */
  reschedules: boolean;
  /** A quiz answer: its attempt, what was typed or picked, and whether it was right. */
  quiz?: { attemptId: string; answer: string; correct: boolean };
}

/** What the answer was based on (the card's state, a quiz's stored questions) changed meanwhile: read again and retry. */
export class StaleState extends Error {}

/** Worth another attempt: a stale read, a unique-key race (someone inserted first), or a busy database. */
export function isWorthRetrying(error: unknown): boolean {
  return error instanceof StaleState || isUniqueViolation(error) || isDatabaseBusy(error);
}

/**
 * Records one answer to a card, given the card's context as read in the same transaction
 * (answerContext). Throws StaleState when the card's state moved on meanwhile, and a unique
 * violation when the request id was stored meanwhile: both are worth another attempt.
 */
export function* recordAnswer(answer: Answer, context: Pick<AnswerContext, "documentId" | "state">, settings: SchedulerSettings): Steps<StoredLog> {
  const { state } = context;
  const memory = state ? parseCardMemory(state) : newCardMemory(answer.reviewedAt);
  let log: ReviewLogFields;
  if (answer.reschedules) {
    const graded = gradeCard({ cardId: answer.cardId, memory, rating: answer.rating, now: answer.reviewedAt, settings });
    if (state) {
      if (!(yield* exec(updateCardState(state.id, state.version, graded.memory, answer.reviewedAt)))) throw new StaleState();
    } else {
      yield* exec(insertCardState({ userId: answer.userId, cardId: answer.cardId, documentId: context.documentId, memory: graded.memory, now: answer.reviewedAt }));
    }
    log = graded.log;
  } else {
    log = unchangedLog(memory, answer.rating, answer.reviewedAt, settings);
  }
  return yield* insertReviewLog(answer, log);
}

const LOG_COLUMNS = rawSql(`"id", "userId", "cardId", "clientRequestId", "mode", "rating", "reviewedAt", "durationMs", "retrievability",
      "prevState", "prevDue", "prevStability", "prevDifficulty", "prevElapsedDays", "prevScheduledDays", "prevLearningSteps",
      "prevReps", "prevLapses", "prevLastReview", "state", "due", "stability", "difficulty", "scheduledDays",
      "quizAttemptId", "quizAnswer", "correct"`);

type LoggedAnswer = Pick<Answer, "userId" | "cardId" | "clientRequestId" | "mode" | "durationMs" | "quiz">;

function logValues(id: string, answer: LoggedAnswer, log: ReviewLogFields): SqlValue[] {
  const durationMs = Math.min(Math.max(0, Math.round(answer.durationMs)), MAX_DURATION_MS);
  const quiz = answer.quiz ?? null;
  return [id, answer.userId, answer.cardId, answer.clientRequestId, answer.mode, log.rating, log.reviewedAt, durationMs,
    log.retrievability, log.prevState, log.prevDue, log.prevStability, log.prevDifficulty, log.prevElapsedDays,
    log.prevScheduledDays, log.prevLearningSteps, log.prevReps, log.prevLapses, log.prevLastReview, log.state,
    log.due, log.stability, log.difficulty, log.scheduledDays,
    quiz?.attemptId ?? null, quiz?.answer ?? null, quiz?.correct ?? null];
}

function* insertReviewLog(answer: Answer, log: ReviewLogFields): Steps<StoredLog> {
  const id = newId();
  yield* exec(changes(sql`INSERT INTO "ReviewLog" (${LOG_COLUMNS}) VALUES ${sqlRows([logValues(id, answer, log)])}`));
  return { id, cardId: answer.cardId, rating: log.rating, due: log.due, reviewedAt: log.reviewedAt, scheduledDays: log.scheduledDays };
}

/**
 * An imported history (an Anki review log replayed through the scheduler), many answers per
 * statement: the same columns as an answer given here, with the request id naming its origin.
 */
export function insertImportedLogs(logs: readonly { answer: LoggedAnswer; log: ReviewLogFields }[]): Statement<number> {
  return changes(sql`INSERT INTO "ReviewLog" (${LOG_COLUMNS}) VALUES ${sqlRows(logs.map(({ answer, log }) => logValues(newId(), answer, log)))}`);
}

/** Hands every answer of one user (an import's staging user) to another. */
export function handOverLogs(fromUserId: string, toUserId: string): Statement<number> {
  return changes(sql`UPDATE "ReviewLog" SET "userId" = ${toUserId} WHERE "userId" = ${fromUserId}`);
}

/** A ReviewLog row with what undoing it needs: the memory before the answer and the result it wrote. */
function undoRecord(reviewLogId: string) {
  return firstRow(
    sql`
    SELECT "userId", "cardId", "mode", "reviewedAt", "correct", "due", "state", "prevState", "prevDue", "prevStability", "prevDifficulty", "prevElapsedDays",
           "prevScheduledDays", "prevLearningSteps", "prevReps", "prevLapses", "prevLastReview"
    FROM "ReviewLog" WHERE "id" = ${reviewLogId}`,
    (row) => ({
      userId: row.userId as string,
      cardId: row.cardId as string,
      mode: row.mode as string,
      reviewedAt: readDate(row.reviewedAt),
      correct: row.correct === null ? null : Boolean(row.correct),
      due: readDate(row.due),
      state: Number(row.state) as CardStateValue,
      before: memoryBeforeLog({
        prevState: Number(row.prevState) as CardStateValue,
        prevDue: readDate(row.prevDue),
        prevStability: Number(row.prevStability),
        prevDifficulty: Number(row.prevDifficulty),
        prevElapsedDays: Number(row.prevElapsedDays),
        prevScheduledDays: Number(row.prevScheduledDays),
        prevLearningSteps: Number(row.prevLearningSteps),
        prevReps: Number(row.prevReps),
        prevLapses: Number(row.prevLapses),
        prevLastReview: readOptionalDate(row.prevLastReview),
      }),
    }),
  );
}

function latestReviewAnswer(userId: string) {
  return firstRow(
    sql`SELECT "id" FROM "ReviewLog" WHERE "userId" = ${userId} AND "mode" IN ${REVIEW_SCREEN_MODES} ORDER BY "reviewedAt" DESC, "id" DESC LIMIT 1`,
    (row) => row.id as string,
  );
}

/**
 * Takes back one review-screen answer (a review, or practice of a topic): the card's state goes
 * back exactly to what the log recorded before it, and the log is deleted. Only the user's latest
 * such answer can be undone, and
 * only while the card still holds that answer's result; undoing an answer that is already
 * undone changes nothing (a double-pressed "z" undoes once), but another user's answer or a
 * quiz answer is refused as not found.
 */
export function* undoAnswer(userId: string, reviewLogId: string, now: Date): Steps<{ cardId: string | null; undone: boolean }> {
  const log = yield* exec(undoRecord(reviewLogId));
  if (!log) return { cardId: null, undone: false };
  if (log.userId !== userId || (log.mode !== "REVIEW" && log.mode !== "PRACTICE")) throw new NotFound("Review answer");
  if ((yield* exec(latestReviewAnswer(userId))) !== reviewLogId) throw new Conflict("Only your most recent answer can be undone.", "NOT_LATEST");
  // Practice left the schedule alone: there is nothing to put back, only the answer to take away.
  if (log.mode === "REVIEW" && !(yield* exec(restoreCardState(log, log.before, now)))) {
    throw new Conflict("This card has changed since that answer, so it cannot be undone.", "CHANGED");
  }
  yield* exec(changes(sql`DELETE FROM "ReviewLog" WHERE "id" = ${reviewLogId}`));
  return { cardId: log.cardId, undone: true };
}

/**
 * "I was right": a quiz answer marked wrong becomes right, as if it had been marked so at the
 * time. An answer that counted as the card's review (graded Again) is graded Good instead, from
 * the memory before it, while the card still holds that answer's result; practice that left the
 * schedule alone only has its verdict changed. Overriding twice changes nothing more.
 */
export function* overrideQuizAnswer(userId: string, reviewLogId: string, settings: SchedulerSettings, now: Date): Steps<void> {
  const log = yield* exec(undoRecord(reviewLogId));
  if (!log || log.userId !== userId || log.mode !== "QUIZ") throw new NotFound("Quiz answer");
  if (log.correct) return;
  const rescheduled = log.due.getTime() !== log.before.due.getTime() || log.state !== log.before.state;
  if (!rescheduled) {
    yield* exec(changes(sql`UPDATE "ReviewLog" SET "rating" = ${3}, "correct" = ${true} WHERE "id" = ${reviewLogId}`));
    return;
  }
  const graded = gradeCard({ cardId: log.cardId, memory: log.before, rating: 3, now: log.reviewedAt, settings });
  if (!(yield* exec(restoreCardState(log, graded.memory, now)))) {
    throw new Conflict("This card has been studied since that answer, so its verdict can no longer be changed.", "CHANGED");
  }
  const after = graded.log;
  yield* exec(
    changes(sql`
    UPDATE "ReviewLog" SET "rating" = ${after.rating}, "correct" = ${true}, "retrievability" = ${after.retrievability}, "state" = ${after.state},
      "due" = ${after.due}, "stability" = ${after.stability}, "difficulty" = ${after.difficulty}, "scheduledDays" = ${after.scheduledDays}
    WHERE "id" = ${reviewLogId}`),
  );
}
