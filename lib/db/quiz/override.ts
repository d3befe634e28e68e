/** "I was right": a typed quiz answer marked wrong is counted as right, and recorded as overridden. */
import { answerResult, parseStoredQuiz, withResponse, type QuizAnswerResult } from "../../quiz";
import { settingsFromUser, type StudyUser } from "../../scheduler";
import { isWorthRetrying, overrideQuizAnswer, StaleState } from "../review/record-answer";
import { sqlOf, type Db } from "../runtime/client";
import { Conflict } from "../runtime/errors";
import { exec, readDate, firstRow, readOne, sql } from "../runtime/sql";
import { saveResponses } from "./attempt-store";
import { requireAttempt } from "./attempts";

const MAX_TRIES = 5;

/** Whether the overridden answer counted as the card's review (its schedule moved). */
function rescheduled(userId: string, reviewLogId: string) {
  return firstRow(
    sql`SELECT "due", "prevDue" FROM "ReviewLog" WHERE "id" = ${reviewLogId} AND "userId" = ${userId}`,
    (row) => readDate(row.due).getTime() !== readDate(row.prevDue).getTime(),
  );
}

/**
 * Only a typed answer can be overridden (a choice or true/false is right or wrong by the option
 * picked), only once answered and marked wrong, and only while the quiz is open. Overriding
 * an answer already overridden returns the same result.
 */
export async function overrideTypedAnswer(db: Db, user: StudyUser, attemptId: string, questionIndex: number, now: Date): Promise<QuizAnswerResult> {
  const runner = sqlOf(db);
  for (let tries = 1; ; tries++) {
    const attempt = await requireAttempt(db, user.id, attemptId);
    const stored = parseStoredQuiz(attempt.questions);
    const question = stored.questions[questionIndex];
    if (!question?.response) throw new Conflict("Answer this question before marking it right.", "NOT_ANSWERED");
    const response = question.response;
    const effect = async () => ((await readOne(runner, rescheduled(user.id, response.reviewLogId))) ? "reviewed" : "unchanged");
    if (response.overridden) return answerResult(stored, questionIndex, await effect(), true);
    if (question.type !== "typed") throw new Conflict("Only a typed answer can be marked right; a choice is right or wrong by the option picked.", "NOT_TYPED");
    if (response.correct) throw new Conflict("This answer is already marked right.", "ALREADY_RIGHT");
    if (attempt.status !== "ACTIVE") throw new Conflict("This quiz is closed, so its answers can no longer change.", "QUIZ_CLOSED");
    const next = withResponse(stored, questionIndex, { ...response, correct: true, overridden: true });
    const correctCount = next.questions.filter((q) => q.response?.correct).length;
    try {
      await runner.transaction(function* () {
        yield* overrideQuizAnswer(user.id, response.reviewLogId, settingsFromUser(user), now);
        if (!(yield* exec(saveResponses({ id: attempt.id, userId: user.id, storedText: attempt.questions }, next, correctCount)))) throw new StaleState();
      });
      return answerResult(next, questionIndex, await effect(), false);
    } catch (error) {
      if (!isWorthRetrying(error) || tries >= MAX_TRIES) throw error;
    }
  }
}
