import { conflict, notFound } from "../api/errors";
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
} from "../scheduler";
import { isDatabaseBusy, isUniqueViolation } from "./transient-errors";
import type { Db } from "./client";
import { insertCardState, insertReviewLog, readGradeContext, updateCardState } from "./review-store";
import { answersToday, type StudyUser } from "./study-session";

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

function resultOf(log: { id: string; cardId: string; rating: number; due: Date; reviewedAt: Date }, replayed: boolean): GradeResult {
  return {
    reviewLogId: log.id,
    cardId: log.cardId,
    rating: log.rating,
    due: log.due,
    interval: formatInterval(log.due.getTime() - log.reviewedAt.getTime()),
    replayed,
  };
}

/** Worth another attempt: a unique-key race (someone inserted first), a stale version, or a busy database. */
function isRetryable(error: unknown): boolean {
  return error instanceof StaleState || isUniqueViolation(error) || isDatabaseBusy(error);
}

async function findApplied(db: Db, userId: string, clientRequestId: string, cardId: string) {
  const log = await db.reviewLog.findUnique({ where: { userId_clientRequestId: { userId, clientRequestId } } });
  if (log && log.cardId !== cardId) {
    throw conflict("This request id was already used for another card.", "REQUEST_ID_REUSED");
  }
  return log;
}

/**
 * Applies one answer from the review screen: ts-fsrs computes the next state, and
 * the new CardState and its ReviewLog are written in one transaction. A request id
 * seen before returns the stored result instead of grading twice; two different
 * answers racing for one card are applied one after the other (the second one is
 * refused once the card is no longer due).
 */
export async function gradeReview(db: Db, user: StudyUser, request: GradeRequest, now: Date): Promise<GradeResult> {
  for (let attempt = 1; ; attempt++) {
    // The first attempt finds an earlier application of this request inside its own
    // transaction (one query fewer per grade); a retry looks it up on its own, which also
    // refuses a request id reused for another card.
    if (attempt > 1) {
      const applied = await findApplied(db, user.id, request.clientRequestId, request.cardId);
      if (applied) return resultOf(applied, true);
    }
    try {
      return await applyGrade(db, user, request, now);
    } catch (error) {
      if (!isRetryable(error) && attempt === 1) {
        // As when this lookup came first: a request already applied (or an id reused for
        // another card) answers so, rather than with why the card cannot be graded now.
        const applied = await findApplied(db, user.id, request.clientRequestId, request.cardId);
        if (applied) return resultOf(applied, true);
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
async function assertGradable(db: Pick<Db, "$queryRaw">, user: StudyUser, memory: CardMemory, suspended: boolean, now: Date) {
  const settings = settingsFromUser(user);
  if (suspended) throw conflict("This card is suspended. Unsuspend it to review it.", "SUSPENDED");
  const dayStart = studyDayStart(now, settings.timeZone, settings.dayStartHour);
  if (memory.due.getTime() >= studyDayEnd(now, settings.timeZone, settings.dayStartHour).getTime()) {
    throw conflict("This card is not due for review now. It may have been answered already in another tab.", "NOT_DUE");
  }
  if (memory.state !== CardState.New && memory.state !== CardState.Review) return;
  const done = await answersToday(db, user.id, dayStart);
  if (memory.state === CardState.New && done.newCards >= settings.dailyNewLimit) {
    throw conflict("You have reached today's limit of new cards.", "NEW_LIMIT");
  }
  if (memory.state === CardState.Review && done.reviews >= settings.dailyReviewLimit) {
    throw conflict("You have reached today's review limit.", "REVIEW_LIMIT");
  }
}

async function applyGrade(db: Db, user: StudyUser, request: GradeRequest, now: Date): Promise<GradeResult> {
  const settings = settingsFromUser(user);
  return db.$transaction(async (tx) => {
    const context = await readGradeContext(tx, user.id, request.cardId, request.clientRequestId);
    if (!context) throw notFound("Card");
    if (context.applied) {
      if (context.applied.cardId !== request.cardId) throw conflict("This request id was already used for another card.", "REQUEST_ID_REUSED");
      return resultOf(context.applied, true);
    }
    const { state } = context;
    const memory = state ? parseCardMemory(state) : newCardMemory(now);
    await assertGradable(tx, user, memory, state?.suspended ?? false, now);
    const result = gradeCard({ cardId: request.cardId, memory, rating: request.rating, now, settings });
    if (state) {
      if (!(await updateCardState(tx, state.id, state.version, result.memory, now))) throw new StaleState();
    } else {
      await insertCardState(tx, { userId: user.id, cardId: request.cardId, documentId: context.documentId, memory: result.memory, now });
    }
    const log = await insertReviewLog(tx, {
      userId: user.id,
      cardId: request.cardId,
      clientRequestId: request.clientRequestId,
      mode: "REVIEW",
      durationMs: Math.min(Math.max(0, Math.round(request.durationMs)), MAX_DURATION_MS),
      log: result.log,
    });
    return resultOf(log, false);
  });
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
    if (log.userId !== userId || log.mode !== "REVIEW") throw notFound("Review answer");
    const latest = await tx.reviewLog.findFirst({
      where: { userId, mode: "REVIEW" },
      orderBy: [{ reviewedAt: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    if (latest?.id !== log.id) throw conflict("Only your most recent answer can be undone.", "NOT_LATEST");
    const previous = memoryBeforeLog(log);
    const { count } = await tx.cardState.updateMany({
      where: { userId, cardId: log.cardId, due: log.due, state: log.state },
      data: { ...previous, version: { increment: 1 } },
    });
    if (count !== 1) throw conflict("This card has changed since that answer, so it cannot be undone.", "CHANGED");
    await tx.reviewLog.delete({ where: { id: log.id } });
    return { cardId: log.cardId, undone: true };
  });
}
