import { computeDecayFactor, default_w } from "ts-fsrs";
import { CardState, type CardMemory } from "./memory";
import { schedulerFor, type SchedulerSettings } from "./settings";

const DAY_MS = 86_400_000;

/** The memory columns predicted recall depends on. */
export type RecallColumns = Pick<CardMemory, "state" | "lastReview" | "stability">;

/**
 * Predicted probability of recalling the card at `now` under the user's FSRS
 * parameters, using the real time elapsed since the last review (fractional
 * days), or null for a card never studied.
 */
export function retrievabilityAt(memory: RecallColumns, now: Date, settings: SchedulerSettings): number | null {
  return recallPredictor(now, settings)(memory);
}

/** retrievabilityAt for many cards at one moment: the scheduler is looked up once. */
export function recallPredictor(now: Date, settings: SchedulerSettings): (memory: RecallColumns) => number | null {
  const scheduler = schedulerFor(settings);
  const nowMs = now.getTime();
  return (memory) => {
    if (memory.state === CardState.New || memory.lastReview === null || !(memory.stability > 0)) return null;
    return scheduler.forgetting_curve(Math.max(0, (nowMs - memory.lastReview.getTime()) / DAY_MS), memory.stability);
  };
}

/** FSRS forgetting-curve constants for the user's parameters. */
export function curveFor(fsrsParams: number[] | null): { decay: number; factor: number } {
  return computeDecayFactor(fsrsParams ?? default_w);
}
