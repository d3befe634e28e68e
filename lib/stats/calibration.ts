import type { CalibrationRow, HourRow } from "./types";

export const CALIBRATION_BINS = 20;
/** Bins with fewer answers are drawn but flagged: their observed rate is noise. */
export const MIN_RELIABLE_COUNT = 20;

/**
 * Predicted probability of recall at review time against the observed pass
 * rate, per 5% bin of prediction, with the number of answers in each bin and the
 * overall gap (mean predicted minus observed: positive = the scheduler is too optimistic).
 */
export function calibration(rows: CalibrationRow[]) {
  const bins = rows
    .filter((row) => row.count > 0)
    .sort((a, b) => a.bin - b.bin)
    .map((row) => ({
      bin: row.bin,
      label: `${row.bin * 5}-${row.bin * 5 + 5}%`,
      predicted: row.predictedSum / row.count,
      observed: row.passed / row.count,
      count: row.count,
      reliable: row.count >= MIN_RELIABLE_COUNT,
    }));
  const count = bins.reduce((sum, bin) => sum + bin.count, 0);
  const predicted = count ? rows.reduce((sum, row) => sum + row.predictedSum, 0) / count : null;
  const observed = count ? rows.reduce((sum, row) => sum + row.passed, 0) / count : null;
  return { bins, count, predicted, observed, gap: predicted !== null && observed !== null ? predicted - observed : null, hasData: count > 0 };
}

/** Answers per local hour of the day (0-23) with the pass rate of each hour. */
export function hourBreakdown(rows: HourRow[]) {
  const hours = Array.from({ length: 24 }, (_, hour) => ({ hour, label: `${String(hour).padStart(2, "0")}h`, count: 0, passed: 0, passRate: null as number | null }));
  for (const row of rows) {
    const cell = hours[row.hour];
    if (!cell) continue;
    cell.count += row.count;
    if (row.passed) cell.passed += row.count;
  }
  for (const cell of hours) cell.passRate = cell.count ? cell.passed / cell.count : null;
  const total = hours.reduce((sum, h) => sum + h.count, 0);
  const busiest = total ? hours.reduce((best, h) => (h.count > best.count ? h : best)).hour : null;
  return { hours, total, busiest, hasData: total > 0 };
}

/** Adds up hour rows of the same hour and outcome (past days and today). */
export function mergeHours(rows: HourRow[]): HourRow[] {
  const hours = new Map<string, HourRow>();
  for (const row of rows) {
    const key = `${row.hour}/${row.passed}`;
    const hour = hours.get(key);
    if (hour) hour.count += row.count;
    else hours.set(key, { ...row });
  }
  return [...hours.values()];
}

/** Adds up calibration rows of the same bin (past days and today). */
export function mergeBins(rows: CalibrationRow[]): CalibrationRow[] {
  const bins = new Map<number, CalibrationRow>();
  for (const row of rows) {
    const bin = bins.get(row.bin);
    if (!bin) bins.set(row.bin, { ...row });
    else {
      bin.count += row.count;
      bin.passed += row.passed;
      bin.predictedSum += row.predictedSum;
    }
  }
  return [...bins.values()];
}
