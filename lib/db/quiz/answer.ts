/**
 * Answering one quiz question: checked on the server, stored as a ReviewLog (mode QUIZ)
 * linked to the attempt through the review unit of work, applied once per clientRequestId.
 *
 * The schedule rule: a quiz does not move the FSRS schedule of a card that is not due
 * today (or never studied); on a card that is due, a wrong answer is a lapse (graded
 * Again) and a right one a successful review (graded Good).
 */
import { answerResult, checkAnswer, parseStoredQuiz, withResponse, type QuizAnswerResult, type ScheduleEffect, type StoredQuiz } from "../../quiz";
import { CardState, parseCardMemory, settingsFromUser, studyDayEnd, type SchedulerSettings, type StudyUser } from "../../scheduler";
import type { AnswerQuizInput } from "../../validation/quiz";
import { isWorthRetrying, recordAnswer, StaleState } from "../review/record-answer";
import { answerContext, type AnswerContext } from "../review/store";
import { sqlOf, type Db } from "../runtime/client";
import { Conflict } from "../runtime/errors";
import { exec, firstRow, readDate, readOne, sql, type Steps } from "../runtime/sql";
import { saveResponses } from "./attempt-store";
import { requireAttempt } from "./attempts";

const MAX_TRIES = 5;

/** Reads back what a stored answer did to the schedule. */
function effectOf(userId: string, reviewLogId: string) {
  return firstRow(
    sql`SELECT "correct", "due", "prevDue" FROM "ReviewLog" WHERE "id" = ${reviewLogId} AND "userId" = ${userId}`,
    (row): ScheduleEffect => (readDate(row.due).getTime() === readDate(row.prevDue).getTime() ? "unchanged" : row.correct ? "reviewed" : "lapse"),
  );
}

/** The answer an earlier use of this request id stored: its attempt and card. */
function requestUse(userId: string, clientRequestId: string) {
  return firstRow(
    sql`SELECT "quizAttemptId", "cardId" FROM "ReviewLog" WHERE "userId" = ${userId} AND "clientRequestId" = ${clientRequestId}`,
    (row) => ({ quizAttemptId: row.quizAttemptId as string | null, cardId: row.cardId as string }),
  );
}

/** A card that is due today (and studied, and not suspended) counts a quiz answer as its review. */
function isDueToday(state: AnswerContext["state"], now: Date, settings: SchedulerSettings): boolean {
  if (state === null || state.suspended) return false;
  const memory = parseCardMemory(state);
  return memory.state !== CardState.New && memory.due.getTime() < studyDayEnd(now, settings.timeZone, settings.dayStartHour).getTime();
}

/** Answers one question of the user's active quiz. A second submit of the same question applies once. */
export async function answerQuizQuestion(db: Db, user: StudyUser, attemptId: string, input: AnswerQuizInput, now: Date): Promise<QuizAnswerResult> {
  const runner = sqlOf(db);
  for (let tries = 1; ; tries++) {
    const attempt = await requireAttempt(db, user.id, attemptId);
    const stored = parseStoredQuiz(attempt.questions);
    const question = stored.questions[input.questionIndex];
    if (!question) throw new Conflict(`This quiz has ${stored.questions.length} questions; there is no question ${input.questionIndex + 1}.`, "NO_SUCH_QUESTION");
    const applied = await readOne(runner, requestUse(user.id, input.clientRequestId));
    if (applied && (applied.quizAttemptId !== attempt.id || applied.cardId !== question.cardId)) {
      throw new Conflict("This request id was already used for another answer.", "REQUEST_ID_REUSED");
    }
    if (question.response) {
      const effect = await readOne(runner, effectOf(user.id, question.response.reviewLogId));
      return answerResult(stored, input.questionIndex, effect ?? "unchanged", true);
    }
    if (attempt.status !== "ACTIVE") {
      throw new Conflict(attempt.status === "FINISHED" ? "This quiz is finished." : "This quiz was discarded.", "QUIZ_CLOSED");
    }
    try {
      return await runner.transaction(() => applyAnswer(user, { id: attempt.id, storedText: attempt.questions, stored }, input, now));
    } catch (error) {
      if (!isWorthRetrying(error) || tries >= MAX_TRIES) throw error;
    }
  }
}

function* applyAnswer(
  user: StudyUser,
  attempt: { id: string; storedText: string; stored: StoredQuiz },
  input: AnswerQuizInput,
  now: Date,
): Steps<QuizAnswerResult> {
  const settings = settingsFromUser(user);
  const question = attempt.stored.questions[input.questionIndex];
  const correct = checkAnswer(question, input.answer);
  const context = yield* exec(answerContext(user.id, question.cardId, input.clientRequestId));
  if (!context) throw new Conflict("The card behind this question no longer exists.", "CARD_GONE");
  const reschedules = isDueToday(context.state, now, settings);
  const log = yield* recordAnswer(
    {
      userId: user.id,
      cardId: question.cardId,
      rating: correct ? 3 : 1,
      mode: "QUIZ",
      reviewedAt: now,
      durationMs: input.durationMs,
      clientRequestId: input.clientRequestId,
      reschedules,
      quiz: { attemptId: attempt.id, answer: input.answer, correct },
    },
    context,
    settings,
  );
  const next = withResponse(attempt.stored, input.questionIndex, { given: input.answer, correct, answeredAt: now.toISOString(), reviewLogId: log.id });
  const correctCount = next.questions.filter((q) => q.response?.correct).length;
  // Compare-and-set on the stored questions: two answers racing for one attempt apply one after the other.
  if (!(yield* exec(saveResponses({ id: attempt.id, userId: user.id, storedText: attempt.storedText }, next, correctCount)))) throw new StaleState();
  return answerResult(next, input.questionIndex, reschedules ? (correct ? "reviewed" : "lapse") : "unchanged", false);
}
