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
