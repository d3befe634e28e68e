/**
 * The compact rows the database hands to the statistics (lib/db/stats-*.ts
 * computes them with GROUP BY): a few per day, hour or bin, never one per review.
 */

/** Reviews of one study day with the same mode, state before and rating. */
export type DailyRow = {
  day: number;
  mode: "REVIEW" | "QUIZ";
  /** The card's state before the answer: 0 New, 1 Learning, 2 Review, 3 Relearning. */
  prevState: number;
  rating: number;
  count: number;
  durationMs: number;
};

/**
 * Answers of one study day by how they count for true retention: 0 = not counted
 * (not the card's first answer that day, an interval under one day, or a quiz),
 * 1 = young (interval < 21 days), 2 = mature.
 */
export type RetentionRow = { day: number; kind: 0 | 1 | 2; passed: boolean; count: number };

/** Review answers in one local hour of the day (0-23). */
export type HourRow = { hour: number; passed: boolean; count: number };

/** First answers of the day in one bin of predicted recall (bin i covers [i/20, (i+1)/20)). */
export type CalibrationRow = { bin: number; count: number; passed: number; predictedSum: number };

/** Cards (not suspended, not new) due on one study day; days before today are overdue. */
export type DueRow = { day: number; count: number };

/** CardState rows by state, suspension and interval. */
export type StateRow = { state: number; suspended: boolean; mature: boolean; count: number };

/** Studied cards by stability bin, difficulty bin and current-recall bin (see distributions.ts). */
export type MemoryRow = { stabilityBin: number; difficultyBin: number; recallBin: number; count: number };

/** One topic's studied cards (mean current recall) and best recent quiz score. */
export type TopicRow = {
  topicId: string;
  documentId: string;
  title: string;
  path: string;
  documentTitle: string;
  cardCount: number;
  /** Cards in review at an interval of a day or more: the ones meanRecall is taken over. */
  studied: number;
  /** Cards studied but still in learning or relearning: their recall just after an answer says nothing yet. */
  learning: number;
  /** Mean current probability of recall of the cards in review, null when there are none. */
  meanRecall: number | null;
  /** Best quiz score (0-1) in the recent window, null when no quiz was finished. */
  bestQuizScore: number | null;
};
