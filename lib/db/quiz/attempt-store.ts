/**
 * Every write to QuizAttempt, in plain SQL: an answer updates the attempt in the same
 * transaction as its ReviewLog (review/record-answer.ts), so the attempt's other writes
 * take the same road. The stored questions are compared before they are replaced: two
 * writers that read the same attempt apply one after the other.
 */
import type { StoredQuiz } from "../../quiz";
import { newId } from "../runtime/ids";
import { changedOne, changes, sql, type Statement } from "../runtime/sql";

/** A new active attempt holding `stored`; its id. */
export function insertAttempt(row: { userId: string; documentId: string; topicId: string | null; stored: StoredQuiz; startedAt: Date }) {
  const id = newId();
  const statement = changes(sql`
    INSERT INTO "QuizAttempt" ("id", "userId", "documentId", "topicId", "status", "questions", "questionCount", "correctCount", "startedAt")
    VALUES (${id}, ${row.userId}, ${row.documentId}, ${row.topicId}, 'ACTIVE', ${JSON.stringify(row.stored)}, ${row.stored.questions.length}, ${0}, ${row.startedAt})`);
  return { id, statement };
}

/** The attempt, if still active with the questions `storedText`, and the user's. */
function activeAs(attempt: { id: string; userId: string; storedText: string }) {
  return sql`"id" = ${attempt.id} AND "userId" = ${attempt.userId} AND "status" = 'ACTIVE' AND "questions" = ${attempt.storedText}`;
}

/** Replaces the stored questions (a new response recorded); false when the attempt changed meanwhile. */
export function saveResponses(attempt: { id: string; userId: string; storedText: string }, next: StoredQuiz, correctCount: number): Statement<boolean> {
  return changedOne(sql`UPDATE "QuizAttempt" SET "questions" = ${JSON.stringify(next)}, "correctCount" = ${correctCount} WHERE ${activeAs(attempt)}`);
}

/** Closes the attempt with its score; false when it changed meanwhile. */
export function finishAttempt(
  attempt: { id: string; userId: string; storedText: string },
  tally: { score: number; correct: number },
  finishedAt: Date,
): Statement<boolean> {
  return changedOne(sql`
    UPDATE "QuizAttempt" SET "status" = 'FINISHED', "score" = ${tally.score}, "correctCount" = ${tally.correct}, "finishedAt" = ${finishedAt}
    WHERE ${activeAs(attempt)}`);
}

/** Discards the attempt if it is still active. */
export function discardAttempt(attempt: { id: string; userId: string }): Statement<number> {
  return changes(sql`UPDATE "QuizAttempt" SET "status" = 'DISCARDED' WHERE "id" = ${attempt.id} AND "userId" = ${attempt.userId} AND "status" = 'ACTIVE'`);
}
