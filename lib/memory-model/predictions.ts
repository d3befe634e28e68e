/**
 * What a set of FSRS parameters predicts on a history, computed here with ts-fsrs's FSRS-6
 * formulas: the recall predicted at each review made on a later study day, against whether it
 * was recalled. From these: log loss (how surprised the model was) and the calibration bins
 * the stats page draws (predicted vs recalled), for the parameters before and after a change.
 */
import { FSRSAlgorithm, type FSRSState } from "ts-fsrs";
import { CALIBRATION_BINS } from "../stats/calibration";
import type { CalibrationRow } from "../stats/types";
import type { DayReview } from "./review-history";

export type Prediction = { predicted: number; recalled: boolean };

/**
 * The prediction for each review made on a later study day than the card's previous one,
 * walking each card's history once; only reviews at or after `sinceMs` are kept.
 */
export function predictions(params: readonly number[], histories: readonly (readonly DayReview[])[], sinceMs = -Infinity): Prediction[] {
  const fsrs = new FSRSAlgorithm({ w: [...params], enable_short_term: true });
  const out: Prediction[] = [];
  for (const reviews of histories) {
    let memory: FSRSState | null = null;
    for (const review of reviews) {
      if (memory && review.deltaT > 0 && review.at >= sinceMs) {
        out.push({ predicted: fsrs.forgetting_curve(review.deltaT, memory.stability), recalled: review.rating > 1 });
      }
      memory = fsrs.next_state(memory, review.deltaT, review.rating);
    }
  }
  return out;
}

/** Mean negative log-likelihood of the outcomes (lower is better); null without predictions. */
export function logLoss(list: readonly Prediction[]): number | null {
  if (list.length === 0) return null;
  let sum = 0;
  for (const { predicted, recalled } of list) {
    const p = Math.min(Math.max(predicted, 1e-7), 1 - 1e-7);
    sum -= recalled ? Math.log(p) : Math.log(1 - p);
  }
  return sum / list.length;
}

/** The predictions in the stats page's 5% bins of predicted recall. */
export function calibrationRows(list: readonly Prediction[]): CalibrationRow[] {
  const bins = new Map<number, CalibrationRow>();
  for (const { predicted, recalled } of list) {
    const bin = Math.min(Math.floor(predicted * CALIBRATION_BINS), CALIBRATION_BINS - 1);
    const row = bins.get(bin) ?? { bin, count: 0, passed: 0, predictedSum: 0 };
    row.count++;
    row.passed += recalled ? 1 : 0;
    row.predictedSum += predicted;
    bins.set(bin, row);
  }
  return [...bins.values()].sort((a, b) => a.bin - b.bin);
}
