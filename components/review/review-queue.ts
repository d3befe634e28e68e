/**
 * The review screen's queue as plain data: what the browser shows next after an answer,
 * and how fresher server data is merged in without moving the card under the user's eyes.
 */
import type { SessionPayload } from "./review-api";

type SessionCard = SessionPayload["cards"][number];

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

/** The queue once its first card is answered: the card leaves and its queue's count goes down by one. */
export function afterAnswer(session: SessionPayload): SessionPayload {
  const [answered, ...rest] = session.cards;
  if (!answered) return session;
  return { ...session, cards: rest, counts: { ...session.counts, [answered.queue]: Math.max(0, session.counts[answered.queue] - 1) } };
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
