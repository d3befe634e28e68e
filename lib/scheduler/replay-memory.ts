/**
 * A card's memory recomputed from its history under other parameters: its answers replayed
 * through gradeCard. Stability and difficulty always take the replayed values; the due date
 * moves only when the user asks for rescheduling, and only for a card in review (learning
 * cards keep their step), to the interval the new memory gives from its last review.
 */
import { gradeCard, type Rating } from "./grade-card";
import { CardState, newCardMemory, type CardMemory } from "./memory";
import type { SchedulerSettings } from "./settings";

export type PastAnswer = { rating: Rating; reviewedAt: Date };

/** The memory the answers (oldest first) give under `settings`; null for none. */
export function replayMemory(cardId: string, answers: readonly PastAnswer[], settings: SchedulerSettings): CardMemory | null {
  let memory: CardMemory | null = null;
  for (const answer of answers) {
    memory = gradeCard({ cardId, memory: memory ?? newCardMemory(answer.reviewedAt), rating: answer.rating, now: answer.reviewedAt, settings }).memory;
  }
  return memory;
}

/** The stored memory with the replayed stability and difficulty, and the replayed due date if rescheduling. */
export function recomputedMemory(stored: CardMemory, replayed: CardMemory, reschedule: boolean): CardMemory {
  const memory = { ...stored, stability: replayed.stability, difficulty: replayed.difficulty };
  if (reschedule && stored.state === CardState.Review && replayed.state === CardState.Review) {
    return { ...memory, due: replayed.due, scheduledDays: replayed.scheduledDays };
  }
  return memory;
}
