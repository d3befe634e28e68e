import { CardState, type CardMemory } from "./memory";
import { schedulerFor, type SchedulerSettings } from "./settings";

const DAY_MS = 86_400_000;

/**
 * Predicted probability of recalling the card at `now` under the user's FSRS
 * parameters, using the real time elapsed since the last review (fractional
 * days), or null for a card never studied.
 */
export function retrievabilityAt(memory: CardMemory, now: Date, settings: SchedulerSettings): number | null {
  if (memory.state === CardState.New || memory.lastReview === null || !(memory.stability > 0)) return null;
  const elapsedDays = Math.max(0, (now.getTime() - memory.lastReview.getTime()) / DAY_MS);
  return schedulerFor(settings).forgetting_curve(elapsedDays, memory.stability);
}
