/**
 * Learning and relearning steps as a user writes them ("1m 10m", "15m 1h 1d"). ts-fsrs
 * counts steps in whole minutes and silently truncates anything else ("0.5m" would become
 * 0 minutes, "1.5h" 90 minutes only by luck), so a step must be a whole number of minutes,
 * hours or days.
 */
import type { StepUnit } from "ts-fsrs";
import { SchedulerError } from "./errors";

const STEP = /^([1-9]\d{0,5})([mhd])$/;
const MINUTES: Record<string, number> = { m: 1, h: 60, d: 1440 };
/** Longer steps than this are intervals, not steps. */
const MAX_STEP_MINUTES = 30 * 1440;
const MAX_STEPS = 10;

/** Minutes in one step, or null when it is not a whole number of minutes, hours or days. */
export function stepMinutes(step: string): number | null {
  const match = STEP.exec(step);
  return match ? Number(match[1]) * MINUTES[match[2]] : null;
}

/** The steps written in `text` (spaces or commas between them); throws a readable SchedulerError. */
export function parseSteps(text: string, name: "learning" | "relearning"): StepUnit[] {
  const steps = text.trim() === "" ? [] : text.trim().split(/[\s,]+/);
  if (steps.length > MAX_STEPS) throw new SchedulerError("INVALID_SETTINGS", `At most ${MAX_STEPS} ${name} steps.`);
  for (const step of steps) {
    const minutes = stepMinutes(step);
    if (minutes === null) {
      throw new SchedulerError(
        "INVALID_SETTINGS",
        `The ${name} step "${step}" is not a whole number of minutes, hours or days (like "1m", "10m", "1h" or "1d"; "0.5m" and "1.5h" are not: write "90m").`,
      );
    }
    if (minutes > MAX_STEP_MINUTES) throw new SchedulerError("INVALID_SETTINGS", `The ${name} step "${step}" is longer than 30 days.`);
  }
  return steps as StepUnit[];
}

/** Steps written back as text, one space between them. */
export function formatSteps(steps: readonly string[]): string {
  return steps.join(" ");
}

/**
 * A step of `seconds` in the largest unit that keeps it whole, rounded to the minute
 * (at least one): how the optimiser's suggested steps are offered.
 */
export function stepFromSeconds(seconds: number): StepUnit {
  const minutes = Math.max(1, Math.round(seconds / 60));
  if (minutes % 1440 === 0) return `${minutes / 1440}d`;
  if (minutes % 60 === 0) return `${minutes / 60}h`;
  return `${minutes}m`;
}
