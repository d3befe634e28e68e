import {
  CardState,
  buildStudySession,
  dueReviewsByRecall,
  newCardMemory,
  parseCardMemory,
  settingsFromUser,
  studyDayEnd,
  studyDayStart,
  type CardMemory,
  type Candidate,
  type QueueKind,
  type SchedulerSettings,
  type SessionCard,
  type StudyUser,
} from "../../scheduler";
import { cardViews, type CardView } from "./card-view";
import { sqlOf, type Db } from "../runtime/client";
import { documentVisibleTo } from "../documents/decks";
import { answersToday, cardSources, countDueStates, dueStates, lowestRecallReviews, type DueStateRow } from "./store";
import { all, exec, readDate, rows, sql, sqlList, type Steps } from "../runtime/sql";

/**
 * Reviews a session holds at once, lowest recall first: the browser asks again long before
 * it has answered them, and the counts come from the count of every due review.
 */
const REVIEWS_PER_SESSION = 200;
/** Learning cards are few (they are answered within the day); this only bounds a pathological case. */
const LEARNING_FETCH_LIMIT = 10_000;
/** Cards sent to the browser with full content; the rest follow as it asks. */
const CARDS_PER_RESPONSE = 8;

export interface SessionCardView extends CardView {
  queue: QueueKind;
  /** The user's memory of the card: the browser labels each answer button from it (previewIntervals). */
  memory: CardMemory;
}

export interface StudySessionView {
  cards: SessionCardView[];
  counts: { new: number; learning: number; review: number };
  backlogBeyondLimit: number;
  learningLaterToday: { count: number; nextDue: Date | null };
  /** When nothing is left: how many cards fall due by the end of tomorrow's study day. */
  dueTomorrow: number;
  /** The server's clock when this was built, and the user's scheduler settings: what the labels need. */
  now: Date;
  scheduler: SchedulerSettings;
}

/**
 * Unseen cards (no CardState for the user, or one reset to New and not suspended) of
 * these documents in document order. (userId, cardId) is unique, so "no state other than
 * an unsuspended New one" says exactly that, and the database checks it per card by index.
 */
function newCardsOf(userId: string, documentIds: string[], take: number) {
  // One document: its (documentId, position) index gives the order and lets the scan stop at `take`.
  const [from, order] =
    documentIds.length === 1
      ? [sql`"Card" c WHERE c."documentId" = ${documentIds[0]}`, sql`c."position"`]
      : [sql`"Card" c JOIN "Document" d ON d."id" = c."documentId" WHERE c."documentId" IN (${sqlList(documentIds)})`, sql`d."createdAt", c."position"`];
  return rows(
    sql`
    SELECT c."id", c."source" FROM ${from}
      AND NOT EXISTS (SELECT 1 FROM "CardState" s WHERE s."cardId" = c."id" AND s."userId" = ${userId}
                      AND NOT (s."state" = ${CardState.New} AND s."suspended" = ${false}))
    ORDER BY ${order}
    LIMIT ${take}`,
    (row): SessionCard => ({ cardId: row.id as string, source: row.source as string }),
  );
}

function visibleDocuments(userId: string) {
  return rows(
    sql`SELECT "id", "createdAt" FROM "Document" WHERE ${documentVisibleTo(userId, "")} ORDER BY "createdAt"`,
    (row) => ({ id: row.id as string, createdAt: readDate(row.createdAt).getTime() }),
  );
}

/** Documents whose unseen cards are looked up one document at a time before one query takes the rest. */
const NEW_CARD_DOCUMENTS_ONE_BY_ONE = 3;

/**
 * The first `take` unseen cards in document order (document creation time, then position).
 * One query over every visible card has to test and sort them all (for 100,000 cards, every
 * card: SQLite cannot both follow the document order and stop early). Asked one document
 * (or one group of documents created at the same instant) at a time, in that order, the
 * database walks the (documentId, position) index and stops at `take`; a user whose first
 * documents are all studied gets one query for the rest, as before. Same cards, same order.
 */
/** `documents` in document order (creation time), as visibleDocuments lists them. */
function* firstNewCards(userId: string, take: number, documents: { id: string; createdAt: number }[]): Steps<SessionCard[]> {
  const groups: string[][] = [];
  for (let i = 0; i < documents.length; i++) {
    if (i > 0 && documents[i].createdAt === documents[i - 1].createdAt) groups[groups.length - 1].push(documents[i].id);
    else groups.push([documents[i].id]);
  }
  const found: SessionCard[] = [];
  for (let g = 0; g < groups.length && found.length < take; g++) {
    const ids = g < NEW_CARD_DOCUMENTS_ONE_BY_ONE ? groups[g] : groups.slice(g).flat();
    found.push(...(yield* exec(newCardsOf(userId, ids, take - found.length))));
    if (g >= NEW_CARD_DOCUMENTS_ONE_BY_ONE) break;
  }
  return found;
}

/**
 * `previousCardId`: the card just answered (its siblings are kept apart from it);
 * `first`: a card to put at the head of the queue (the one just brought back by undo).
 */
type SessionOptions = { documentId?: string; previousCardId?: string; first?: string };

/** Builds the user's study queue from indexed, limited queries (never every card). */
export async function planStudySession(db: Db, user: StudyUser, now: Date, options: SessionOptions = {}) {
  const settings = settingsFromUser(user);
  const dayStart = studyDayStart(now, settings.timeZone, settings.dayStartHour);
  const dayEnd = studyDayEnd(now, settings.timeZone, settings.dayStartHour);
  const due = { userId: user.id, dueBefore: dayEnd, documentId: options.documentId };
  const { learning, reviews, reviewBacklogTotal, newCards, doneToday, previous } = await sqlOf(db).read(function* () {
    // At most a session's worth of reviews, fetched before today's count of answers is known
    // (so all five run at once on PostgreSQL), and cut to what the daily limit leaves below.
    const reviewWindow = Math.min(settings.dailyReviewLimit, REVIEWS_PER_SESSION);
    const [learningRows, reviewRows, doneToday, reviewBacklogTotal, visible] = yield* all([
      dueStates({ ...due, states: [CardState.Learning, CardState.Relearning], limit: LEARNING_FETCH_LIMIT }),
      lowestRecallReviews({ ...due, now, reviewedBefore: dayStart, limit: reviewWindow }),
      answersToday(user.id, dayStart),
      countDueStates({ ...due, states: [CardState.Review], reviewedBefore: dayStart }),
      visibleDocuments(user.id),
    ]);
    const reviewsLeft = Math.max(0, settings.dailyReviewLimit - doneToday.reviews);
    const toCandidate = (row: DueStateRow) => ({ cardId: row.cardId, memory: parseCardMemory(row) });
    const learning = learningRows.map(toCandidate);
    const reviews = dueReviewsByRecall(reviewRows.map(toCandidate), now, settings).slice(0, reviewsLeft);
    const kept = [...learning, ...reviews];
    const documents = options.documentId ? visible.filter((document) => document.id === options.documentId) : visible;
    const wanted = [...kept.map((card) => card.cardId), ...(options.previousCardId ? [options.previousCardId] : [])];
    const sources = wanted.length ? yield* exec(cardSources(wanted)) : new Map<string, string>();
    const previousSource = options.previousCardId ? sources.get(options.previousCardId) : undefined;
    const withSource = (card: { cardId: string; memory: CardMemory }): Candidate => ({ ...card, source: sources.get(card.cardId) ?? "" });
    return {
      learning: learning.map(withSource),
      reviews: reviews.map(withSource),
      reviewBacklogTotal,
      newCards: yield* firstNewCards(user.id, Math.max(0, user.dailyNewLimit) + 1, documents),
      doneToday,
      previous: previousSource === undefined ? null : { cardId: options.previousCardId!, source: previousSource },
    };
  });

  const session = buildStudySession({ now, settings, learning, reviews, reviewBacklogTotal, newCards, doneToday, previous });
  const memories = new Map<string, CardMemory>([...learning, ...reviews].map((card) => [card.cardId, card.memory]));
  return { session, memories, settings, dayEnd, newAvailable: newCards.length };
}

const ALL_STATES = [CardState.New, CardState.Learning, CardState.Review, CardState.Relearning];

/** The study queue with its first cards' content and the interval each answer would give. */
export async function loadStudySession(db: Db, user: StudyUser, now: Date, options: SessionOptions = {}): Promise<StudySessionView> {
  const { session, memories, settings, dayEnd, newAvailable } = await planStudySession(db, user, now, options);
  const queue = options.first ? moveToFront(session.queue, options.first) : session.queue;
  const head = queue.slice(0, CARDS_PER_RESPONSE);
  const { cards, dueByTomorrowEnd } = await sqlOf(db).read(function* () {
    return {
      cards: head.length ? yield* exec(cardViews(user.id, head.map((entry) => entry.cardId))) : [],
      dueByTomorrowEnd: head.length
        ? 0
        : yield* exec(countDueStates({ userId: user.id, documentId: options.documentId, states: ALL_STATES, dueBefore: new Date(dayEnd.getTime() + 86_400_000) })),
    };
  });
  const cardById = new Map(cards.map((card) => [card.id, card]));
  const views = head.flatMap((entry): SessionCardView[] => {
    const card = cardById.get(entry.cardId);
    if (!card) return [];
    const memory = memories.get(entry.cardId) ?? newCardMemory(now);
    return [{ ...card, queue: entry.queue, memory }];
  });
  const dueTomorrow = session.queue.length ? 0 : dueByTomorrowEnd + Math.min(newAvailable, user.dailyNewLimit);
  return {
    cards: views,
    counts: session.counts,
    backlogBeyondLimit: session.backlogBeyondLimit,
    learningLaterToday: session.learningLaterToday,
    dueTomorrow,
    now,
    scheduler: settings,
  };
}

/** "Review (N due)": what a session would hold right now. */
export async function countDue(db: Db, user: StudyUser, now: Date, documentId?: string): Promise<number> {
  const { session: { counts } } = await planStudySession(db, user, now, { documentId });
  return counts.new + counts.learning + counts.review;
}

function moveToFront<T extends { cardId: string }>(queue: T[], cardId: string): T[] {
  const index = queue.findIndex((entry) => entry.cardId === cardId);
  return index <= 0 ? queue : [queue[index], ...queue.slice(0, index), ...queue.slice(index + 1)];
}
