import { Conflict, NotFound } from "../runtime/errors";
import {
  CardState,
  gradeCard,
  formatInterval,
  memoryBeforeLog,
  newCardMemory,
  parseCardMemory,
  settingsFromUser,
  studyDayEnd,
  studyDayStart,
  type CardMemory,
  type Rating,
} from "../../scheduler";
import { isDatabaseBusy, isUniqueViolation } from "../runtime/transient-errors";
import { sqlOf, type Db } from "../runtime/client";
import { answersToday, appliedRequest, gradeContext, insertCardState, insertReviewLog, updateCardState, type StoredLog } from "./store";
import { exec, readOne, type Steps } from "../runtime/sql";
import type { StudyUser } from "./study-session";

export interface GradeRequest {
  cardId: string;
  rating: Rating;
  clientRequestId: string;
  durationMs: number;
}

export interface GradeResult {
  reviewLogId: string;
  cardId: string;
  rating: number;
  due: Date;
  interval: string;
  /** True when this request id had already been applied: the stored result is returned. */
  replayed: boolean;
}

/** Longest answer time kept: a card left open over lunch should not skew the stats. */
export const MAX_DURATION_MS = 10 * 60 * 1000;
const MAX_ATTEMPTS = 5;

class StaleState extends Error {}

function resultOf(log: StoredLog, replayed: boolean): GradeResult {
  return {
    reviewLogId: log.id,
    cardId: log.cardId,
    rating: log.rating,
    due: log.due,
    interval: formatInterval(log.due.getTime() - log.reviewedAt.getTime()),
    replayed,
  };
}

/** The stored result of an earlier application of this request id (which must have been for this card). */
function replayOf(applied: StoredLog, request: GradeRequest): GradeResult {
  if (applied.cardId !== request.cardId) throw new Conflict("This request id was already used for another card.", "REQUEST_ID_REUSED");
  return resultOf(applied, true);
}

/** Worth another attempt: a unique-key race (someone inserted first), a stale version, or a busy database. */
function isRetryable(error: unknown): boolean {
  return error instanceof StaleState || isUniqueViolation(error) || isDatabaseBusy(error);
}

/**
 * Applies one answer from the review screen: ts-fsrs computes the next state, and
 * the new CardState and its ReviewLog are written in one transaction. A request id
 * seen before returns the stored result instead of grading twice; two different
 * answers racing for one card are applied one after the other (the second one is
 * refused once the card is no longer due).
 */
export async function gradeReview(db: Db, user: StudyUser, request: GradeRequest, now: Date): Promise<GradeResult> {
  const runner = sqlOf(db);
  const findApplied = () => readOne(runner, appliedRequest(user.id, request.clientRequestId));
  for (let attempt = 1; ; attempt++) {
    // The first attempt finds an earlier application of this request inside its own
    // transaction (one query fewer per grade); a retry looks it up on its own.
    if (attempt > 1) {
      const applied = await findApplied();
      if (applied) return replayOf(applied, request);
    }
    try {
      return await runner.transaction(() => applyGrade(user, request, now));
    } catch (error) {
      if (!isRetryable(error) && attempt === 1) {
        // As when this lookup came first: a request already applied (or an id reused for
        // another card) answers so, rather than with why the card cannot be graded now.
        const applied = await findApplied();
        if (applied) return replayOf(applied, request);
      }
      if (!isRetryable(error) || attempt >= MAX_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt));
    }
  }
}

/**
 * A card may be graded only while it would be in the user's session: not suspended,
 * due before the end of today's study day, and within today's new or review limit.
 */
function* assertGradable(user: StudyUser, memory: CardMemory, suspended: boolean, now: Date): Steps<void> {
  const settings = settingsFromUser(user);
  if (suspended) throw new Conflict("This card is suspended. Unsuspend it to review it.", "SUSPENDED");
  const dayStart = studyDayStart(now, settings.timeZone, settings.dayStartHour);
  if (memory.due.getTime() >= studyDayEnd(now, settings.timeZone, settings.dayStartHour).getTime()) {
    throw new Conflict("This card is not due for review now. It may have been answered already in another tab.", "NOT_DUE");
  }
  if (memory.state !== CardState.New && memory.state !== CardState.Review) return;
  const done = yield* exec(answersToday(user.id, dayStart));
  if (memory.state === CardState.New && done.newCards >= settings.dailyNewLimit) {
    throw new Conflict("You have reached today's limit of new cards.", "NEW_LIMIT");
  }
  if (memory.state === CardState.Review && done.reviews >= settings.dailyReviewLimit) {
    throw new Conflict("You have reached today's review limit.", "REVIEW_LIMIT");
  }
}

function* applyGrade(user: StudyUser, request: GradeRequest, now: Date): Steps<GradeResult> {
  const settings = settingsFromUser(user);
  const context = yield* exec(gradeContext(user.id, request.cardId, request.clientRequestId));
  if (!context) throw new NotFound("Card");
  if (context.applied) return replayOf(context.applied, request);
  const { state } = context;
  const memory = state ? parseCardMemory(state) : newCardMemory(now);
  yield* assertGradable(user, memory, state?.suspended ?? false, now);
  const result = gradeCard({ cardId: request.cardId, memory, rating: request.rating, now, settings });
  if (state) {
    if (!(yield* exec(updateCardState(state.id, state.version, result.memory, now)))) throw new StaleState();
  } else {
    yield* exec(insertCardState({ userId: user.id, cardId: request.cardId, documentId: context.documentId, memory: result.memory, now }));
  }
  const log = yield* insertReviewLog({
    userId: user.id,
    cardId: request.cardId,
    clientRequestId: request.clientRequestId,
    mode: "REVIEW",
    durationMs: Math.min(Math.max(0, Math.round(request.durationMs)), MAX_DURATION_MS),
    log: result.log,
  });
  return resultOf(log, false);
}

/**
 * Undoes one review answer: the card's state goes back exactly to what the log
 * recorded before it, and the log is deleted. Only the user's latest review answer
 * can be undone, and only while the card still holds that answer's result; undoing
 * an answer that is already undone is a no-op (a double-pressed "z" undoes once), but
 * another user's answer or a quiz answer is refused as not found.
 */
export async function undoReview(db: Db, userId: string, reviewLogId: string): Promise<{ cardId: string | null; undone: boolean }> {
  return db.$transaction(async (tx) => {
    const log = await tx.reviewLog.findUnique({ where: { id: reviewLogId } });
    if (!log) return { cardId: null, undone: false };
    if (log.userId !== userId || log.mode !== "REVIEW") throw new NotFound("Review answer");
    const latest = await tx.reviewLog.findFirst({
      where: { userId, mode: "REVIEW" },
      orderBy: [{ reviewedAt: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    if (latest?.id !== log.id) throw new Conflict("Only your most recent answer can be undone.", "NOT_LATEST");
    const previous = memoryBeforeLog(log);
    const { count } = await tx.cardState.updateMany({
      where: { userId, cardId: log.cardId, due: log.due, state: log.state },
      data: { ...previous, version: { increment: 1 } },
    });
    if (count !== 1) throw new Conflict("This card has changed since that answer, so it cannot be undone.", "CHANGED");
    await tx.reviewLog.delete({ where: { id: log.id } });
    return { cardId: log.cardId, undone: true };
  });
}
