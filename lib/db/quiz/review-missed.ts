/** "Review the ones you missed": a finished quiz's missed cards become due now, joining today's review. */
import { missedCardIds, parseStoredQuiz } from "../../quiz";
import { newCardMemory } from "../../scheduler";
import { insertCardState, makeDueNow } from "../review/card-state";
import { sqlOf, type Db } from "../runtime/client";
import { Conflict } from "../runtime/errors";
import { exec, rows, sql, sqlList, type Steps } from "../runtime/sql";
import { isUniqueViolation } from "../runtime/transient-errors";
import { requireAttempt } from "./attempts";

export interface ReviewMissedResult {
  /** Missed cards now due for review (suspended cards stay suspended and are not counted). */
  added: number;
  cardIds: string[];
}

/** The cards that still exist, with whether the user has a state for each and suspended it. */
function cardsWithState(userId: string, cardIds: readonly string[]) {
  return rows(
    sql`
    SELECT c."id", c."documentId", s."id" AS "stateId", s."suspended"
    FROM "Card" c LEFT JOIN "CardState" s ON s."cardId" = c."id" AND s."userId" = ${userId}
    WHERE c."id" IN (${sqlList(cardIds)})`,
    (row) => ({ id: row.id as string, documentId: row.documentId as string, known: row.stateId !== null, suspended: Boolean(row.suspended) }),
  );
}

function* makeMissedDue(userId: string, missed: string[], now: Date): Steps<ReviewMissedResult> {
  const cards = yield* exec(cardsWithState(userId, missed));
  yield* exec(makeDueNow(userId, missed, now));
  for (const card of cards.filter((c) => !c.known)) {
    yield* exec(insertCardState({ userId, cardId: card.id, documentId: card.documentId, memory: newCardMemory(now), now }));
  }
  const cardIds = cards.filter((card) => !card.suspended).map((card) => card.id);
  return { added: cardIds.length, cardIds };
}

/**
 * Sets each missed card's due date to now (a card never studied gets a New
 * state due now). Cards already due stay as they are; running it twice changes nothing more.
 */
export async function reviewMissed(db: Db, userId: string, attemptId: string, now: Date): Promise<ReviewMissedResult> {
  const attempt = await requireAttempt(db, userId, attemptId);
  if (attempt.status !== "FINISHED") throw new Conflict("Finish the quiz first; then its missed questions can be reviewed.", "QUIZ_NOT_FINISHED");
  const missed = missedCardIds(parseStoredQuiz(attempt.questions));
  if (missed.length === 0) return { added: 0, cardIds: [] };
  for (let tries = 1; ; tries++) {
    try {
      return await sqlOf(db).transaction(() => makeMissedDue(userId, missed, now));
    } catch (error) {
      // Another request created one of these states meanwhile: read again.
      if (!isUniqueViolation(error) || tries >= 3) throw error;
    }
  }
}
