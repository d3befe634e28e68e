/**
 * Which cards to study now, in which order. Pure: the db layer fetches the
 * candidates with indexed queries and passes them in; this decides.
 *
 * Order: learning/relearning cards that are due (oldest due first), then
 * today's review cards (lowest predicted recall first, within what is left of
 * the daily review limit), then new cards in document order (within what is
 * left of the daily new limit), then learning cards due within the learn-ahead
 * window (Anki: 20 minutes), which are shown early rather than leaving the user
 * waiting. Cards sharing a source sentence are kept apart when possible.
 *
 * Limits, as Anki's deck options: a deck with limits of its own gives at most that many
 * new cards and reviews a day, and the user's global limits cap the total, so one
 * deck cannot crowd the others out of a day's study.
 */
import { SchedulerError, isValidDate } from "./errors";
import { CardState, type CardMemory } from "./memory";
import { recallPredictor, type RecallColumns } from "./retrievability";
import type { SchedulerSettings } from "./settings";
import { separateSiblings } from "./sibling-order";
import { studyDayEnd, studyDayStart } from "./study-day";
import { DEFAULT_LEARN_AHEAD_MINUTES } from "./learn-ahead";

export { DEFAULT_LEARN_AHEAD_MINUTES };

/** A card as the session needs it: its id, its source sentence (siblings share one) and its deck. */
export type SessionCard = { cardId: string; source: string; documentId?: string };

/** A deck's own daily limits (Anki's deck options), already raised by any extra new cards granted today. */
export type DeckLimits = { newPerDay: number; reviewsPerDay: number };

/** Answers given today, as the daily limits count them (by the card's state before the answer). */
export type DoneToday = { newCards: number; reviews: number };
/** A card the user has studied before, with its CardState memory. */
export type Candidate = SessionCard & { memory: CardMemory };

export type StudySessionInput = {
  now: Date;
  settings: SchedulerSettings;
  /** Unsuspended cards in state 1 or 3 due before the end of today's study day. */
  learning: readonly Candidate[];
  /**
   * Unsuspended cards in state 2 due before the end of today's study day: all of them, or
   * (for a large backlog) the ones with the lowest predicted recall, as many as a session serves.
   */
  reviews: readonly Candidate[];
  /** How many unsuspended state-2 cards are due today and not yet reviewed today (0: count `reviews`). */
  reviewBacklogTotal: number;
  /** The same per deck, for the decks with limits of their own (their share of the total). */
  dueReviewsByDeck?: Readonly<Record<string, number>>;
  /**
   * Cards never studied (no CardState, or state 0), in document order; the first few are
   * enough (for a deck with limits of its own, as many as its limit leaves).
   */
  newCards: readonly SessionCard[];
  /** Answers already given today (since the study day started), from ReviewLog prevState. */
  doneToday: DoneToday;
  /** The same per deck, for the decks with limits of their own. */
  doneTodayByDeck?: Readonly<Record<string, DoneToday>>;
  /** Decks with limits of their own, by document id; other decks have only the global limits. */
  deckLimits?: Readonly<Record<string, DeckLimits>>;
  /** The card answered just before this rebuild, so its siblings (and itself) do not come next. */
  previous?: SessionCard | null;
  /** Learning cards due within this many minutes are shown once nothing else is left. */
  learnAheadMinutes?: number;
};

export type QueueKind = "learning" | "review" | "new";
export type QueueEntry = { cardId: string; queue: QueueKind };

export type StudySession = {
  queue: QueueEntry[];
  /** Cards left in this session, by kind. */
  counts: { new: number; learning: number; review: number };
  /** Reviews due today that the daily review limit holds back (they stay due; served first tomorrow). */
  backlogBeyondLimit: number;
  /** Learning cards due later today, beyond the learn-ahead window. */
  learningLaterToday: { count: number; nextDue: Date | null };
  dayStart: Date;
  dayEnd: Date;
};

const MINUTE_MS = 60_000;

function assertCount(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new SchedulerError("INVALID_INPUT", `${name} must be a whole number >= 0, got ${value}.`);
  }
}

function byDueThenId(a: { cardId: string; memory: Pick<CardMemory, "due"> }, b: { cardId: string; memory: Pick<CardMemory, "due"> }): number {
  return a.memory.due.getTime() - b.memory.due.getTime() || compareIds(a.cardId, b.cardId);
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Review cards due today, lowest predicted recall first (ties: soonest due): the order in
 * which a backlog is worked through. A card already reviewed this study day is not shown
 * again today. The db layer also uses it to fetch only the cards a session can hold.
 */
export function dueReviewsByRecall<T extends { cardId: string; memory: RecallColumns & Pick<CardMemory, "due"> }>(reviews: readonly T[], now: Date, settings: SchedulerSettings): T[] {
  const dayStart = studyDayStart(now, settings.timeZone, settings.dayStartHour).getTime();
  const dayEnd = studyDayEnd(now, settings.timeZone, settings.dayStartHour).getTime();
  const recallOf = recallPredictor(now, settings);
  return reviews
    .filter((card) => card.memory.due.getTime() < dayEnd && !(card.memory.lastReview !== null && card.memory.lastReview.getTime() >= dayStart))
    .map((card) => ({ card, recall: recallOf(card.memory) ?? 0 }))
    .sort((a, b) => a.recall - b.recall || byDueThenId(a.card, b.card))
    .map(({ card }) => card);
}

/**
 * What a daily limit leaves, globally and per deck: `take` counts a card against both when
 * both have room (and refuses it otherwise); `leftIn` is what a deck's own limit leaves.
 */
function limitBudget(input: StudySessionInput, kind: keyof DoneToday, globalLeft: number) {
  const field = kind === "newCards" ? "newPerDay" : "reviewsPerDay";
  const left = new Map<string, number>();
  const leftIn = (deck: string): number => {
    const limits = input.deckLimits?.[deck];
    if (!limits) return Infinity;
    if (!left.has(deck)) left.set(deck, Math.max(0, limits[field] - (input.doneTodayByDeck?.[deck]?.[kind] ?? 0)));
    return left.get(deck)!;
  };
  let global = globalLeft;
  return {
    leftIn,
    take(card: SessionCard): boolean {
      if (global <= 0) return false;
      if (card.documentId !== undefined) {
        const deckLeft = leftIn(card.documentId);
        if (deckLeft <= 0) return false;
        if (deckLeft !== Infinity) left.set(card.documentId, deckLeft - 1);
      }
      global--;
      return true;
    },
  };
}

export function buildStudySession(input: StudySessionInput): StudySession {
  const { now, settings, doneToday } = input;
  if (!isValidDate(now)) throw new SchedulerError("INVALID_INPUT", "buildStudySession needs a valid `now` date.");
  assertCount("reviewBacklogTotal", input.reviewBacklogTotal);
  assertCount("doneToday.newCards", doneToday.newCards);
  assertCount("doneToday.reviews", doneToday.reviews);
  const learnAheadMinutes = input.learnAheadMinutes ?? DEFAULT_LEARN_AHEAD_MINUTES;
  if (!(learnAheadMinutes >= 0)) throw new SchedulerError("INVALID_INPUT", "learnAheadMinutes must be >= 0.");

  const dayStart = studyDayStart(now, settings.timeZone, settings.dayStartHour);
  const dayEnd = studyDayEnd(now, settings.timeZone, settings.dayStartHour);
  const nowMs = now.getTime();
  const learnAheadUntil = nowMs + learnAheadMinutes * MINUTE_MS;
  const seen = new Set<string>();
  const firstTime = (card: SessionCard): boolean => {
    if (seen.has(card.cardId)) return false;
    seen.add(card.cardId);
    return true;
  };

  // Learning and relearning: never limited; due now, soon, or later today.
  const dueLearning: Candidate[] = [];
  const learnAhead: Candidate[] = [];
  const laterToday: Candidate[] = [];
  for (const card of input.learning) {
    if (card.memory.state !== CardState.Learning && card.memory.state !== CardState.Relearning) {
      throw new SchedulerError("INVALID_INPUT", `Card ${card.cardId} is listed as learning but is in state ${card.memory.state}.`);
    }
    if (!firstTime(card)) continue;
    const due = card.memory.due.getTime();
    if (due <= nowMs) dueLearning.push(card);
    else if (due <= learnAheadUntil) learnAhead.push(card);
    else if (due < dayEnd.getTime()) laterToday.push(card);
  }
  dueLearning.sort(byDueThenId);
  learnAhead.sort(byDueThenId);
  laterToday.sort(byDueThenId);

  // Reviews due today, lowest predicted recall first, up to the limit left.
  for (const card of input.reviews) {
    if (card.memory.state !== CardState.Review) {
      throw new SchedulerError("INVALID_INPUT", `Card ${card.cardId} is listed as a review but is in state ${card.memory.state}.`);
    }
  }
  const dueReviews = dueReviewsByRecall(input.reviews, now, settings).filter(firstTime);
  const reviewsLeft = Math.max(0, settings.dailyReviewLimit - doneToday.reviews);
  const reviewBudget = limitBudget(input, "reviews", reviewsLeft);
  const reviewTotal = Math.max(input.reviewBacklogTotal, dueReviews.length);
  // How many the limits let through today: each deck with limits of its own gives at most what
  // its limit leaves of its due reviews, the other decks all of theirs, and the global limit caps the sum.
  const cappedDue = new Map<string, number>();
  for (const card of dueReviews) {
    if (card.documentId !== undefined && input.deckLimits?.[card.documentId]) cappedDue.set(card.documentId, (cappedDue.get(card.documentId) ?? 0) + 1);
  }
  for (const [deck, due] of Object.entries(input.dueReviewsByDeck ?? {})) {
    if (input.deckLimits?.[deck]) cappedDue.set(deck, Math.max(due, cappedDue.get(deck) ?? 0));
  }
  const cappedServed = [...cappedDue].reduce((sum, [deck, due]) => sum + Math.min(due, reviewBudget.leftIn(deck)), 0);
  const cappedTotal = [...cappedDue.values()].reduce((sum, due) => sum + due, 0);
  const reviewsServed = Math.min(reviewsLeft, Math.max(0, reviewTotal - cappedTotal) + cappedServed);
  const reviews = dueReviews.filter(reviewBudget.take);

  // New cards in document order, up to the new-card limit left (the deck's and the global one).
  const newBudget = limitBudget(input, "newCards", Math.max(0, settings.dailyNewLimit - doneToday.newCards));
  const newCards = input.newCards.filter((card) => !seen.has(card.cardId) && newBudget.take(card) && firstTime(card));

  const prioritised: (SessionCard & { queue: QueueKind })[] = [
    ...dueLearning.map((c) => ({ cardId: c.cardId, source: c.source, queue: "learning" as const })),
    ...reviews.map((c) => ({ cardId: c.cardId, source: c.source, queue: "review" as const })),
    ...newCards.map((c) => ({ cardId: c.cardId, source: c.source, queue: "new" as const })),
    ...learnAhead.map((c) => ({ cardId: c.cardId, source: c.source, queue: "learning" as const })),
  ];
  // The card just answered counts as its own sibling, so it does not come straight back when avoidable.
  const ordered = separateSiblings(prioritised, (c) => c.source, input.previous?.source ?? null);
  let queue = ordered.map(({ cardId, queue: kind }) => ({ cardId, queue: kind }));
  if (input.previous && queue.length > 1 && queue[0].cardId === input.previous.cardId) {
    queue = [...queue.slice(1, 2), queue[0], ...queue.slice(2)];
  }

  return {
    queue,
    counts: {
      new: newCards.length,
      learning: dueLearning.length + learnAhead.length,
      review: reviewsServed,
    },
    backlogBeyondLimit: Math.max(0, reviewTotal - reviewsServed),
    learningLaterToday: { count: laterToday.length, nextDue: laterToday[0]?.memory.due ?? null },
    dayStart,
    dayEnd,
  };
}
