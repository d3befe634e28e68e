import { z } from "zod";

/** The period the activity charts cover (retention, forecast and cards ignore it). */
export const StatsRangeSchema = z.enum(["1m", "3m", "1y", "all"]);
export type StatsRange = z.infer<typeof StatsRangeSchema>;

export const RANGE_LABELS: Record<StatsRange, string> = { "1m": "1 month", "3m": "3 months", "1y": "1 year", all: "All time" };

const RANGE_DAYS: Record<Exclude<StatsRange, "all">, number> = { "1m": 30, "3m": 91, "1y": 365 };

/**
 * The first study day the range covers, counting today as its last day; for
 * "all", the day of the first answer (or today when there is none).
 */
export function rangeFirstDay(range: StatsRange, today: number, firstAnswerDay: number | null): number {
  if (range === "all") return Math.min(today, firstAnswerDay ?? today);
  return today - RANGE_DAYS[range] + 1;
}
