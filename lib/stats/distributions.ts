import type { MemoryRow, StateRow } from "./types";

/**
 * Bins are upper bounds (exclusive): a value falls in the first bin whose bound
 * exceeds it, or in the last bin. The database computes the same bins from these
 * bounds (lib/db/stats/sql-fragments.ts), so only counts per bin leave it.
 */
export const STABILITY_BOUNDS = [1, 2, 4, 7, 14, 30, 60, 120, 365];
export const STABILITY_LABELS = ["<1d", "1-2d", "2-4d", "4-7d", "1-2w", "2w-1m", "1-2m", "2-4m", "4m-1y", ">1y"];
export const DIFFICULTY_BOUNDS = [2, 3, 4, 5, 6, 7, 8, 9];
export const DIFFICULTY_LABELS = ["1-2", "2-3", "3-4", "4-5", "5-6", "6-7", "7-8", "8-9", "9-10"];
export const RECALL_BOUNDS = [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95];
export const RECALL_LABELS = ["<50%", "50-60%", "60-70%", "70-80%", "80-85%", "85-90%", "90-95%", "95-100%"];

export function binOf(value: number, bounds: readonly number[]): number {
  const index = bounds.findIndex((bound) => value < bound);
  return index === -1 ? bounds.length : index;
}

export type CardCounts = { new: number; learning: number; young: number; mature: number; suspended: number; total: number };

/**
 * Cards by state: suspended first (whatever their state), then new (including
 * cards of the deck never opened, `totalCards` minus the ones with a state),
 * learning (and relearning), young (review, interval < 21 d) and mature.
 */
export function cardCounts(rows: StateRow[], totalCards: number): CardCounts {
  const counts: CardCounts = { new: 0, learning: 0, young: 0, mature: 0, suspended: 0, total: totalCards };
  let withState = 0;
  for (const row of rows) {
    withState += row.count;
    if (row.suspended) counts.suspended += row.count;
    else if (row.state === 0) counts.new += row.count;
    else if (row.state === 2) counts[row.mature ? "mature" : "young"] += row.count;
    else counts.learning += row.count;
  }
  counts.new += Math.max(0, totalCards - withState);
  return counts;
}

/** Histograms of stability, difficulty and current recall of studied cards (not new, not suspended). */
export function memoryDistributions(rows: MemoryRow[]) {
  const histogram = (labels: string[], pick: (row: MemoryRow) => number) => {
    const bins = labels.map((label) => ({ label, count: 0 }));
    for (const row of rows) bins[Math.min(labels.length - 1, Math.max(0, pick(row)))].count += row.count;
    return bins;
  };
  const recall = histogram(RECALL_LABELS, (r) => r.recallBin);
  const studied = rows.reduce((sum, row) => sum + row.count, 0);
  return {
    stability: histogram(STABILITY_LABELS, (r) => r.stabilityBin),
    difficulty: histogram(DIFFICULTY_LABELS, (r) => r.difficultyBin),
    recall,
    studied,
    /** Share of studied cards you would recall now with at least 90% probability. */
    atLeast90: studied ? (recall[6].count + recall[7].count) / studied : null,
    hasData: studied > 0,
  };
}
