/** "Review the ones you missed": a finished quiz's missed cards become due now, joining today's review. */
import { Conflict } from "../runtime/errors";
import { newCardMemory } from "../../scheduler";
import type { Db } from "../runtime/client";
import { parseStoredQuiz, requireAttempt } from "./attempts";
import { isUniqueViolation } from "../runtime/transient-errors";

export interface ReviewMissedResult {
  /** Missed cards now due for review (suspended cards stay suspended and are not counted). */
  added: number;
  cardIds: string[];
}

/**
 * Sets each missed card's due date to now (a card never studied gets a New
 * state due now). Cards already due stay as they are; running it twice changes nothing more.
 */
export async function reviewMissed(db: Db, userId: string, attemptId: string, now: Date): Promise<ReviewMissedResult> {
  const attempt = await requireAttempt(db, userId, attemptId);
  if (attempt.status !== "FINISHED") throw new Conflict("Finish the quiz first; then its missed questions can be reviewed.", "QUIZ_NOT_FINISHED");
  const missed = [...new Set(parseStoredQuiz(attempt.questions).questions.filter((q) => !q.response?.correct).map((q) => q.cardId))];
  if (missed.length === 0) return { added: 0, cardIds: [] };

  for (let tries = 1; ; tries++) {
    try {
      return await db.$transaction(async (tx) => {
        const cards = await tx.card.findMany({ where: { id: { in: missed } }, select: { id: true, documentId: true } });
        const states = await tx.cardState.findMany({ where: { userId, cardId: { in: missed } }, select: { cardId: true, suspended: true } });
        const known = new Set(states.map((s) => s.cardId));
        await tx.cardState.updateMany({
          where: { userId, cardId: { in: missed }, suspended: false, due: { gt: now } },
          data: { due: now, version: { increment: 1 } },
        });
        const fresh = cards.filter((card) => !known.has(card.id));
        if (fresh.length) {
          await tx.cardState.createMany({
            data: fresh.map((card) => ({ ...newCardMemory(now), userId, cardId: card.id, documentId: card.documentId })),
          });
        }
        const suspended = new Set(states.filter((s) => s.suspended).map((s) => s.cardId));
        const cardIds = cards.map((c) => c.id).filter((id) => !suspended.has(id));
        return { added: cardIds.length, cardIds };
      });
    } catch (error) {
      // Another request created one of these states meanwhile: read again.
      if (!isUniqueViolation(error) || tries >= 3) throw error;
    }
  }
}
