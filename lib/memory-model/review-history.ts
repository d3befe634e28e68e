/**
 * A user's review history as the optimiser reads it: the rows of the review-history CSV
 * export (card_id, review_time, review_rating, review_state, review_duration; quiz practice
 * that did not touch the schedule is already left out there), grouped by card, in study days
 * (the user's day start, 4 a.m. in their zone): each review after a card's first is one
 * training item, the card's reviews up to it with the study days between them.
 */
import { REVIEW_CSV_HEADER } from "../stats/csv";
import { dayOf, dayRuleFor } from "../stats/study-days";

/** One review of a card: its rating, study days since the card's previous review (0 for the first) and time (ms). */
export type DayReview = { rating: number; deltaT: number; at: number };

/** One training item: a card's reviews up to this one; `at` is this review's time (ms). */
export type HistoryItem = { reviews: readonly DayReview[]; at: number };

export type StudyDayRule = { timeZone: string; dayStartHour: number };

type Row = { cardId: string; at: number; rating: number; state: number };

/** The CSV's data rows (the header is checked; malformed lines are an error, not skipped). */
export function parseReviewCsv(text: string): Row[] {
  const lines = text.split(/\r?\n/);
  if (lines[0] !== REVIEW_CSV_HEADER.join(",")) throw new Error(`Not a review-history CSV: the header is "${lines[0].slice(0, 80)}".`);
  const rows: Row[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (line === "") continue;
    // The card id comes first and is the only field that may be quoted.
    const cut = line.lastIndexOf(",", line.lastIndexOf(",", line.lastIndexOf(",", line.lastIndexOf(",") - 1) - 1) - 1);
    const rawId = line.slice(0, cut);
    const [at, rating, state] = line.slice(cut + 1).split(",").map(Number);
    if (!(rating >= 1 && rating <= 4) || !Number.isFinite(at)) throw new Error(`Line ${i + 1} of the review history is malformed.`);
    rows.push({ cardId: rawId.startsWith('"') ? rawId.slice(1, -1).replace(/""/g, '"') : rawId, at, rating, state });
  }
  return rows;
}

/**
 * Each card's reviews in time order, from its last review as a new card (a card reset to
 * new starts its history again; one whose first learning is missing is left out).
 */
export function cardHistories(rows: readonly Row[], rule: StudyDayRule): DayReview[][] {
  const byCard = new Map<string, Row[]>();
  for (const row of rows) {
    const list = byCard.get(row.cardId);
    if (list) list.push(row);
    else byCard.set(row.cardId, [row]);
  }
  const histories: DayReview[][] = [];
  // Study days from the zone's offset periods over the history's span: one Intl call per
  // week of history instead of one per review.
  let first = Infinity;
  let last = -Infinity;
  for (const row of rows) {
    first = Math.min(first, row.at);
    last = Math.max(last, row.at);
  }
  const days = rows.length ? dayRuleFor(rule.timeZone, first, last, rule.dayStartHour) : null;
  for (const list of byCard.values()) {
    list.sort((a, b) => a.at - b.at);
    let start = -1;
    for (let i = list.length - 1; i >= 0; i--) {
      if (list[i].state === 0) {
        start = i;
        break;
      }
    }
    if (start < 0) continue;
    const reviews = list.slice(start);
    const day = reviews.map((r) => dayOf(days!, r.at));
    histories.push(reviews.map((r, i) => ({ rating: r.rating, deltaT: i === 0 ? 0 : day[i] - day[i - 1], at: r.at })));
  }
  return histories;
}

/** Every training item of the card histories, oldest first (the order time-series splits need). */
export function historyItems(histories: readonly DayReview[][]): HistoryItem[] {
  const items: HistoryItem[] = [];
  for (const reviews of histories) {
    for (let i = 1; i < reviews.length; i++) items.push({ reviews: reviews.slice(0, i + 1), at: reviews[i].at });
  }
  return items.sort((a, b) => a.at - b.at);
}

/**
 * Items whose last review came on a later study day than the one before: the reviews FSRS
 * predicts, and the only items the optimizer takes (an item without one aborts it).
 */
export function isLongTerm(item: HistoryItem): boolean {
  return item.reviews[item.reviews.length - 1].deltaT > 0;
}
