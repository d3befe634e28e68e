import {
  CardState,
  deckLimitsToday,
  extraNewToday,
  intervalLabel,
  newCardMemory,
  parseCardMemory,
  settingsForDay,
  studyDayEnd,
  studyDayStart,
  type CardMemory,
  type Rating,
  type SchedulerSettings,
  type StudyUser,
} from "../../scheduler";
import type { StudyMode } from "../../validation/review";
import { sqlOf, type Db } from "../runtime/client";
import { Conflict, NotFound } from "../runtime/errors";
import { exec, readOne, type Steps } from "../runtime/sql";
import { isWorthRetrying, recordAnswer, undoAnswer } from "./record-answer";
import { aheadUntil, visibleTopic } from "./custom-study";
import { answerContext, answersToday, appliedRequest, type AnswerContext, type StoredLog } from "./store";

export interface GradeRequest {
  cardId: string;
  rating: Rating;
  clientRequestId: string;
  durationMs: number;
  /** Custom study: review ahead, or a topic again (with or without moving the schedule). */
  study?: StudyMode;
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

const MAX_ATTEMPTS = 5;

function resultOf(log: StoredLog, settings: SchedulerSettings, replayed: boolean): GradeResult {
  return {
    reviewLogId: log.id,
    cardId: log.cardId,
    rating: log.rating,
    due: log.due,
    interval: intervalLabel(log, settings),
    replayed,
  };
}

/** The stored result of an earlier application of this request id (which must have been for this card). */
function replayOf(applied: StoredLog, request: GradeRequest, settings: SchedulerSettings): GradeResult {
  if (applied.cardId !== request.cardId) throw new Conflict("This request id was already used for another card.", "REQUEST_ID_REUSED");
  return resultOf(applied, settings, true);
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
  const settings = settingsForDay(user, now);
  const findApplied = () => readOne(runner, appliedRequest(user.id, request.clientRequestId));
  for (let attempt = 1; ; attempt++) {
    // The first attempt finds an earlier application of this request inside its own
    // transaction (one query fewer per grade); a retry looks it up on its own.
    if (attempt > 1) {
      const applied = await findApplied();
      if (applied) return replayOf(applied, request, settings);
    }
    try {
      return await runner.transaction(() => applyGrade(user, settings, request, now));
    } catch (error) {
      if (!isWorthRetrying(error) && attempt === 1) {
        // As when this lookup came first: a request already applied (or an id reused for
        // another card) answers so, rather than with why the card cannot be graded now.
        const applied = await findApplied();
        if (applied) return replayOf(applied, request, settings);
      }
      if (!isWorthRetrying(error) || attempt >= MAX_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt));
    }
  }
}

/**
 * A card may be graded only while it would be in the user's session: not suspended, due
 * before the end of today's study day, and within today's new or review limit (the global
 * one and its deck's own). Custom study widens that: reviews ahead may be due within the
 * chosen days, and a topic's cards may be studied whatever their due date; neither counts
 * against the limits, which are for the day's schedule.
 */
function* assertGradable(user: StudyUser, context: AnswerContext, memory: CardMemory, now: Date, study: StudyMode | undefined): Steps<void> {
  if (context.state?.suspended) throw new Conflict("This card is suspended. Unsuspend it to review it.", "SUSPENDED");
  if (study?.kind === "topic") {
    // another user's topic (or none) is not found, before any answer about this card
    if (!(yield* exec(visibleTopic(user.id, study.topicId)))) throw new NotFound("Topic");
    if (context.topicId !== study.topicId) throw new Conflict("This card is not in the topic you are studying.", "NOT_IN_TOPIC");
    return;
  }
  const settings = settingsForDay(user, now);
  const dueBy = study?.kind === "ahead" ? aheadUntil(user, now, study.days) : studyDayEnd(now, settings.timeZone, settings.dayStartHour);
  if (memory.due.getTime() >= dueBy.getTime()) {
    throw new Conflict("This card is not due for review now. It may have been answered already in another tab.", "NOT_DUE");
  }
  if (study || (memory.state !== CardState.New && memory.state !== CardState.Review)) return;
  const dayStart = studyDayStart(now, settings.timeZone, settings.dayStartHour);
  const isNew = memory.state === CardState.New;
  const overLimit = (done: { newCards: number; reviews: number }, limits: { newPerDay: number; reviewsPerDay: number }) =>
    isNew ? done.newCards >= limits.newPerDay : done.reviews >= limits.reviewsPerDay;
  const global = { newPerDay: settings.dailyNewLimit, reviewsPerDay: settings.dailyReviewLimit };
  const deck = deckLimitsToday(context.deckLimits, settings, extraNewToday(user, now));
  if (overLimit(yield* exec(answersToday(user.id, dayStart)), global) || (deck && overLimit(yield* exec(answersToday(user.id, dayStart, context.documentId)), deck))) {
    throw isNew
      ? new Conflict("You have reached today's limit of new cards.", "NEW_LIMIT")
      : new Conflict("You have reached today's review limit.", "REVIEW_LIMIT");
  }
}

function* applyGrade(user: StudyUser, settings: SchedulerSettings, request: GradeRequest, now: Date): Steps<GradeResult> {
  const context = yield* exec(answerContext(user.id, request.cardId, request.clientRequestId));
  if (!context) throw new NotFound("Card");
  if (context.applied) return replayOf(context.applied, request, settings);
  const memory = context.state ? parseCardMemory(context.state) : newCardMemory(now);
  yield* assertGradable(user, context, memory, now, request.study);
  // A topic studied as practice leaves the schedule as it is, as a quiz on cards that are not due does.
  const practice = request.study?.kind === "topic" && !request.study.reschedule;
  const answer = { ...request, userId: user.id, mode: practice ? ("PRACTICE" as const) : ("REVIEW" as const), reviewedAt: now, reschedules: !practice };
  return resultOf(yield* recordAnswer(answer, context, settings), settings, false);
}

/** Undoes the user's latest answer on the review screen (record-answer.ts `undoAnswer`). */
export async function undoReview(db: Db, userId: string, reviewLogId: string, now = new Date()): Promise<{ cardId: string | null; undone: boolean }> {
  return sqlOf(db).transaction(() => undoAnswer(userId, reviewLogId, now));
}
