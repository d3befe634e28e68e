/**
 * The review screen's queue as plain data: what the browser shows next after an answer,
 * how fresher server data is merged in without moving the card under the user's eyes, and
 * the session's progress, kept for the study day so a reload does not start it over.
 */
import { DEFAULT_LEARN_AHEAD_MINUTES } from "@/lib/scheduler/learn-ahead";
import type { Rating } from "@/lib/scheduler/ratings";
import { answerIntervals } from "./answer-labels";
import { sessionQuery, type SessionPayload, type SessionScope } from "./review-api";

type SessionCard = SessionPayload["cards"][number];

export interface SessionTally {
  reviewed: number;
  correct: number;
  startedAt: number;
  lastAnswerAt: number;
}

export const emptyTally: SessionTally = { reviewed: 0, correct: 0, startedAt: 0, lastAnswerAt: 0 };

/**
 * Keeps the card on screen first when fresher server data arrives, so nothing jumps under the user,
 * and leaves out cards answered since that data was built (their grade is still on its way).
 */
export function withCurrentFirst(fresh: SessionPayload, currentId: string | undefined, answering?: ReadonlySet<string>): SessionPayload {
  const session = answering?.size ? { ...fresh, cards: fresh.cards.filter((card) => !answering.has(card.id)) } : fresh;
  if (!currentId || session.cards[0]?.id === currentId) return session;
  const index = session.cards.findIndex((card) => card.id === currentId);
  if (index < 0) return session;
  const cards = [session.cards[index], ...session.cards.filter((_, i) => i !== index)];
  return { ...session, cards };
}

/** Will this answer bring the card back before the session ends? (Due within the learn-ahead window, as the server counts.) */
export function comesBackThisSession(card: SessionCard, rating: Rating, scheduler: SessionPayload["scheduler"], now: Date): boolean {
  return answerIntervals(card.id, card.memory, scheduler, now)[rating].ms <= DEFAULT_LEARN_AHEAD_MINUTES * 60_000;
}

/**
 * The queue once its first card is answered with `rating`: the card leaves its queue's count,
 * and joins the learning count when the answer brings it back in this session (Again on any
 * card, or a new card's first learning steps), so the counts are what is still to come.
 * `now` is the server's clock (useReviewQueue's `clock`), as for the answer labels.
 */
export function afterAnswer(session: SessionPayload, rating: Rating, now: Date): SessionPayload {
  const [answered, ...rest] = session.cards;
  if (!answered) return session;
  const counts = { ...session.counts, [answered.queue]: Math.max(0, session.counts[answered.queue] - 1) };
  if (comesBackThisSession(answered, rating, session.scheduler, now)) counts.learning += 1;
  return { ...session, cards: rest, counts };
}

/** The share of the session done: answers given against answers given plus cards still to come. */
export function sessionProgress(tally: SessionTally, counts: SessionPayload["counts"]): number {
  const remaining = counts.new + counts.learning + counts.review;
  return tally.reviewed + remaining === 0 ? 1 : tally.reviewed / (tally.reviewed + remaining);
}

/** Where a session's tally is kept in the browser: one per deck and way of studying (or all decks). */
export const tallyKey = (scope: SessionScope) => `keypoint.review-tally.${sessionQuery(scope) || "all"}`;

/** The tally as stored, tied to its study day. */
export function storedTally(tally: SessionTally, dayStart: Date | string): string {
  return JSON.stringify({ dayStart: new Date(dayStart).getTime(), tally });
}

/** A stored tally read back: only one of the same study day counts; anything else starts afresh. */
export function restoredTally(stored: string | null, dayStart: Date | string): SessionTally {
  try {
    const parsed = JSON.parse(stored ?? "null") as { dayStart?: unknown; tally?: Partial<SessionTally> } | null;
    const tally = parsed?.tally;
    if (parsed?.dayStart !== new Date(dayStart).getTime() || !tally) return emptyTally;
    const whole = (value: unknown) => (typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : 0);
    return { reviewed: whole(tally.reviewed), correct: whole(tally.correct), startedAt: whole(tally.startedAt), lastAnswerAt: whole(tally.lastAnswerAt) };
  } catch {
    return emptyTally;
  }
}

/** The queue with a card's content replaced by its edited version. */
export function withEditedCard(session: SessionPayload, saved: Partial<SessionCard> & { id: string }): SessionPayload {
  return { ...session, cards: session.cards.map((card) => (card.id === saved.id ? { ...card, ...saved } : card)) };
}

/** The grade a choice card suggests once an option is picked: Good when right, Again when wrong; Good otherwise. */
export function suggestedRating(card: SessionCard | undefined, picked: number | null): 1 | 3 {
  if (card?.kind !== "choice" || picked === null) return 3;
  return card.options?.[picked] === card.answer ? 3 : 1;
}

/** The queue with a card back at its head (an undone answer or suspension), counted in its queue again. */
export function withCardBack(session: SessionPayload, card: SessionCard): SessionPayload {
  const rest = session.cards.filter((c) => c.id !== card.id);
  const counted = rest.length === session.cards.length;
  return {
    ...session,
    cards: [card, ...rest],
    counts: counted ? { ...session.counts, [card.queue]: session.counts[card.queue] + 1 } : session.counts,
  };
}

/** A card's wording as the user had it before an edit: null where it was the document's. */
export type Wording = { prompt: string | null; answer: string | null; options: string[] | null };

/**
 * What the review screen did, newest last, so undo takes back each action in turn: an answer
 * (by its log), a suspension, or an edit (back to the wording before it).
 */
export type ReviewAction =
  | { kind: "grade"; reviewLogId: string; card: SessionCard; correct: boolean }
  | { kind: "suspend"; card: SessionCard }
  | { kind: "edit"; cardId: string; before: Wording };

/** What pressing undo would take back, in words, for the button's label. */
export function undoLabel(action: ReviewAction | undefined): string {
  if (!action) return "Undo";
  return action.kind === "grade" ? "Undo answer" : action.kind === "suspend" ? "Undo suspend" : "Undo edit";
}
