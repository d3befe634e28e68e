/**
 * One optimisation of a user's FSRS parameters on their review history, with the FSRS
 * optimizer (fsrs-rs through @open-spaced-repetition/binding, passed in: only the worker
 * thread loads it). It fits new parameters, scores the defaults, the current parameters and
 * the new ones on the later part of the history (a time-series split: the new ones are fitted
 * on earlier reviews only for that), and says whether the new ones predict recall better.
 */
import type * as Binding from "@open-spaced-repetition/binding";
import { DEFAULT_PARAMETERS, sameParameters } from "../scheduler/fsrs-params";
import { stepFromSeconds } from "../scheduler/steps";
import type { CalibrationRow } from "../stats/types";
import { calibrationRows, predictions } from "./predictions";
import { cardHistories, historyItems, isLongTerm, parseReviewCsv, type StudyDayRule } from "./review-history";

/** Reviews on a later day than the card's previous one, below which the defaults stay (Anki asks for 400 too). */
export const MIN_REVIEWS = 400;
/** fsrs-rs splits the history in six: the later five are scored, each by a model fitted on what came before. */
const SPLITS = 6;

export type FsrsBinding = Pick<typeof Binding, "FSRSBinding" | "FSRSBindingItem" | "FSRSBindingReview" | "computeParameters" | "evaluateWithTimeSeriesSplits" | "computeOptimalSteps">;

export type Metrics = { logLoss: number; rmseBins: number };

export type OptimisationInput = StudyDayRule & {
  /** The review-history CSV export. */
  csv: string;
  /** The parameters in force (null: the defaults). */
  current: number[] | null;
  desiredRetention: number;
  relearningSteps: number;
};

export type OptimisationResult = {
  /** Reviews the optimiser learns from (on a later study day than the card's previous review). */
  reviewCount: number;
  /** Rows of the history (the CSV's). */
  historyRows: number;
  /** The parameters found, or null when there was not enough history. */
  params: number[] | null;
  metrics: { defaults: Metrics | null; current: Metrics | null; optimised: Metrics | null };
  /** Predicted vs recalled on the whole history, under the current and the new parameters. */
  calibration: { current: CalibrationRow[]; optimised: CalibrationRow[] } | null;
  /** Learning and relearning steps fitted to the history (fsrs-rs suggests at most two and one). */
  steps: { learning: string[]; relearning: string[] } | null;
  better: boolean;
  message: string;
};

export type Progress = (fraction: number, phase: string) => void;

const fixed = (value: number) => value.toFixed(4);

export async function optimise(binding: FsrsBinding, input: OptimisationInput, progress: Progress): Promise<OptimisationResult> {
  progress(0, "Reading your review history");
  const rows = parseReviewCsv(input.csv);
  const histories = cardHistories(rows, input);
  const items = historyItems(histories).filter(isLongTerm);
  const reviewCount = items.length;
  const empty = { reviewCount, historyRows: rows.length, params: null, metrics: { defaults: null, current: null, optimised: null }, calibration: null, steps: null, better: false };
  if (reviewCount < MIN_REVIEWS) {
    return { ...empty, message: `Not enough reviews yet: ${reviewCount.toLocaleString("en-US")} of the ${MIN_REVIEWS} needed. Until then the current parameters stay.` };
  }

  // One review object per answer, shared by the items that contain it.
  const reviewObjects = new Map<object, Binding.FSRSBindingReview>();
  const reviewOf = (review: (typeof items)[number]["reviews"][number]) => {
    let made = reviewObjects.get(review);
    if (!made) reviewObjects.set(review, (made = new binding.FSRSBindingReview(review.rating, review.deltaT)));
    return made;
  };
  const trainSet = items.map((item) => new binding.FSRSBindingItem(item.reviews.map(reviewOf)));
  reviewObjects.clear();
  const options = { enableShortTerm: true, numRelearningSteps: input.relearningSteps, timeout: 50 };

  progress(0.05, "Fitting parameters to your history");
  // The optimizer stops when a progress callback returns false: these return nothing.
  const params = await binding.computeParameters(trainSet, {
    ...options,
    progress: (done, total) => void progress(0.05 + 0.4 * (total ? done / total : 0), "Fitting parameters to your history"),
  });
  if (sameParameters(params, DEFAULT_PARAMETERS)) {
    return { ...empty, message: `Not enough reviews yet: the optimizer could not learn from these ${reviewCount.toLocaleString("en-US")} reviews, so the current parameters stay.` };
  }

  progress(0.45, "Checking the new parameters on your later reviews");
  const optimised = await binding.evaluateWithTimeSeriesSplits(trainSet, {
    ...options,
    progress: (done, total) => void progress(0.45 + 0.4 * (total ? done / total : 0), "Checking the new parameters on your later reviews"),
  });
  progress(0.85, "Scoring the current parameters");
  const later = trainSet.slice(Math.floor(trainSet.length / SPLITS));
  const score = (w: readonly number[]): Metrics => {
    const { logLoss, rmseBins } = new binding.FSRSBinding([...w]).evaluate(later);
    return { logLoss, rmseBins };
  };
  const defaults = score(DEFAULT_PARAMETERS);
  const current = input.current ? score(input.current) : defaults;

  progress(0.9, "Drawing calibration and suggesting steps");
  const calibration = {
    current: calibrationRows(predictions(input.current ?? DEFAULT_PARAMETERS, histories)),
    optimised: calibrationRows(predictions(params, histories)),
  };
  const suggested = binding.computeOptimalSteps(new TextEncoder().encode(input.csv), input.desiredRetention, params);
  const steps = {
    learning: suggested.recommendedLearningSteps.map(stepFromSeconds),
    relearning: suggested.recommendedRelearningSteps.map(stepFromSeconds),
  };
  const better = optimised.logLoss < current.logLoss;
  const which = input.current ? "your current parameters" : "the default parameters";
  const message = better
    ? `The new parameters predict your recall better than ${which}: log loss ${fixed(optimised.logLoss)} instead of ${fixed(current.logLoss)} on your later reviews.`
    : `The new parameters do not predict your recall better than ${which} (log loss ${fixed(optimised.logLoss)} against ${fixed(current.logLoss)} on your later reviews), so ${which} stay.`;
  progress(1, "Done");
  return { reviewCount, historyRows: rows.length, params, metrics: { defaults, current, optimised: { logLoss: optimised.logLoss, rmseBins: optimised.rmseBins } }, calibration, steps, better, message };
}
