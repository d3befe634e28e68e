import {
  CardState,
  buildStudySession,
  deckLimitsToday,
  dueReviewsByRecall,
  extraNewToday,
  parseCardMemory,
  settingsForDay,
  studyDayEnd,
  studyDayStart,
  type CardMemory,
  type Candidate,
  type DeckLimits,
  type SessionCard,
  type StudyUser,
} from "../../scheduler";
import type { StudyMode } from "../../validation/review";
import { sqlOf, type Db } from "../runtime/client";
import { documentVisibleTo } from "../documents/decks";
import {
  answersToday,
  answersTodayInCappedDecks,
  cardSources,
  countDueInCappedDecks,
  countDueStates,
  dueStates,
  lowestRecallReviews,
  type DueStateRow,
} from "./store";
import { aheadQueue, topicSession } from "./custom-study";
import { sessionView, type StudySessionView } from "./session-view";
import { all, exec, readDate, rows, sql, sqlList, type Steps } from "../runtime/sql";

/**
 * Reviews a session holds at once, lowest recall first: the browser asks again long before
 * it has answered them, and the counts come from the count of every due review.
 */
export const REVIEWS_PER_SESSION = 200;
/** Learning cards are few (they are answered within the day); this only bounds a pathological case. */
export const LEARNING_FETCH_LIMIT = 10_000;
/** Cards sent to the browser with full content; the rest follow as it asks. */
const CARDS_PER_RESPONSE = 8;

export type { SessionCardView, StudySessionView } from "./session-view";

/** A deck the user studies, in document order, with its own limits for today (null: the global ones). */
interface StudyDeck {
  id: string;
  createdAt: number;
  limits: DeckLimits | null;
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
    SELECT c."id", c."source", c."documentId" FROM ${from}
      AND NOT EXISTS (SELECT 1 FROM "CardState" s WHERE s."cardId" = c."id" AND s."userId" = ${userId}
                      AND NOT (s."state" = ${CardState.New} AND s."suspended" = ${false}))
    ORDER BY ${order}
    LIMIT ${take}`,
    (row): SessionCard => ({ cardId: row.id as string, source: row.source as string, documentId: row.documentId as string }),
  );
}

/** The decks the user studies, oldest first, with their own daily limits (null where they follow the global ones). */
function studyDecks(userId: string) {
  return rows(
    sql`SELECT d."id", d."createdAt", o."newPerDay", o."reviewsPerDay" FROM "Document" d
        LEFT JOIN "DeckOptions" o ON o."documentId" = d."id" AND o."userId" = ${userId}
        WHERE ${documentVisibleTo(userId)} ORDER BY d."createdAt", d."id"`,
    (row) => ({
      id: row.id as string,
      createdAt: readDate(row.createdAt).getTime(),
      options: {
        newPerDay: row.newPerDay === null ? null : Number(row.newPerDay),
        reviewsPerDay: row.reviewsPerDay === null ? null : Number(row.reviewsPerDay),
      },
    }),
  );
}

/** Documents whose unseen cards are looked up one document at a time before one query takes the rest. */
const NEW_CARD_DOCUMENTS_ONE_BY_ONE = 3;

/**
 * The first `take` unseen cards in document order (document creation time, then position),
 * and from a deck with a new-card limit of its own at most what that limit leaves (`newLeft`).
 * One query over every visible card has to test and sort them all (for 100,000 cards, every
 * card: SQLite cannot both follow the document order and stop early). Asked one document
 * (or one group of documents created at the same instant) at a time, in that order, the
 * database walks the (documentId, position) index and stops at `take`; a user whose first
 * documents are all studied gets one query for the rest (and one per limited deck among them).
 */
function* firstNewCards(userId: string, take: number, decks: (StudyDeck & { newLeft: number })[]): Steps<SessionCard[]> {
  const found: SessionCard[] = [];
  let at = 0;
  for (let queries = 0; at < decks.length && found.length < take && queries < NEW_CARD_DOCUMENTS_ONE_BY_ONE; queries++) {
    const group = [decks[at]];
    while (!decks[at].limits && decks[at + group.length] && !decks[at + group.length].limits && decks[at + group.length].createdAt === decks[at].createdAt) {
      group.push(decks[at + group.length]);
    }
    at += group.length;
    const limit = Math.min(take - found.length, group[0].newLeft);
    if (limit > 0) found.push(...(yield* exec(newCardsOf(userId, group.map((deck) => deck.id), limit))));
  }
  const rest = decks.slice(at);
  if (found.length >= take || rest.length === 0) return found;
  const left = take - found.length;
  const free = rest.filter((deck) => !deck.limits).map((deck) => deck.id);
  const limited = rest.filter((deck) => deck.limits && deck.newLeft > 0);
  const results = yield* all([
    ...(free.length ? [newCardsOf(userId, free, left)] : []),
    ...limited.map((deck) => newCardsOf(userId, [deck.id], Math.min(left, deck.newLeft))),
  ]);
  // Each query is in document order and holds at least what the day can take from its decks: merged back into document order.
  const order = new Map(rest.map((deck, index) => [deck.id, index]));
  const merged = (results as SessionCard[][]).flat().sort((a, b) => order.get(a.documentId!)! - order.get(b.documentId!)!);
  return [...found, ...merged];
}

/**
 * `previousCardId`: the card just answered (its siblings are kept apart from it);
 * `first`: a card to put at the head of the queue (the one just brought back by undo);
 * `study`: custom study (review ahead, a topic again) instead of the day's schedule.
 */
export type SessionOptions = { documentId?: string; previousCardId?: string; first?: string; study?: StudyMode };

/** Builds the user's study queue from indexed, limited queries (never every card). */
export async function planStudySession(db: Db, user: StudyUser, now: Date, options: SessionOptions = {}) {
  const settings = settingsForDay(user, now);
  const extraNew = extraNewToday(user, now);
  const dayStart = studyDayStart(now, settings.timeZone, settings.dayStartHour);
  const dayEnd = studyDayEnd(now, settings.timeZone, settings.dayStartHour);
  const due = { userId: user.id, dueBefore: dayEnd, documentId: options.documentId };
  const plan = await sqlOf(db).read(function* () {
    // At most a session's worth of reviews from the decks without a review limit of their own,
    // fetched before today's count of answers is known (so these run at once on PostgreSQL),
    // and cut to what the daily limit leaves below; limited decks follow one by one.
    const reviewWindow = Math.min(settings.dailyReviewLimit, REVIEWS_PER_SESSION);
    const [learningRows, freeReviewRows, doneToday, reviewBacklogTotal, dueReviewsByDeck, doneTodayByDeck, decks] = yield* all([
      dueStates({ ...due, states: [CardState.Learning, CardState.Relearning], limit: LEARNING_FETCH_LIMIT }),
      lowestRecallReviews({ ...due, now, reviewedBefore: dayStart, limit: reviewWindow, uncappedOnly: true }),
      answersToday(user.id, dayStart),
      countDueStates({ ...due, states: [CardState.Review], reviewedBefore: dayStart }),
      countDueInCappedDecks({ ...due, states: [CardState.Review], reviewedBefore: dayStart }),
      answersTodayInCappedDecks(user.id, dayStart),
      studyDecks(user.id),
    ]);
    const studied = decks
      .filter((deck) => !options.documentId || deck.id === options.documentId)
      .map((deck): StudyDeck => ({ id: deck.id, createdAt: deck.createdAt, limits: deckLimitsToday(deck.options, settings, extraNew) }));
    const reviewsLeft = Math.max(0, settings.dailyReviewLimit - doneToday.reviews);
    const leftIn = (deck: StudyDeck, kind: "newCards" | "reviews") =>
      deck.limits ? Math.max(0, (kind === "newCards" ? deck.limits.newPerDay : deck.limits.reviewsPerDay) - (doneTodayByDeck[deck.id]?.[kind] ?? 0)) : Infinity;
    const cappedReviews = studied.filter((deck) => (dueReviewsByDeck[deck.id] ?? 0) > 0 && leftIn(deck, "reviews") > 0);
    const cappedRows = cappedReviews.length
      ? ((yield* all(
          cappedReviews.map((deck) =>
            lowestRecallReviews({ ...due, documentId: deck.id, now, reviewedBefore: dayStart, limit: Math.min(reviewWindow, leftIn(deck, "reviews")) }),
          ),
        )) as DueStateRow[][]).flat()
      : [];
    const toCandidate = (row: DueStateRow) => ({ cardId: row.cardId, documentId: row.documentId, memory: parseCardMemory(row) });
    const learning = learningRows.map(toCandidate);
    const reviews = dueReviewsByRecall([...freeReviewRows, ...cappedRows].map(toCandidate), now, settings).slice(0, reviewsLeft);
    const kept = [...learning, ...reviews];
    const wanted = [...kept.map((card) => card.cardId), ...(options.previousCardId ? [options.previousCardId] : [])];
    const sources = wanted.length ? yield* exec(cardSources(wanted)) : new Map<string, string>();
    const previousSource = options.previousCardId ? sources.get(options.previousCardId) : undefined;
    const withSource = (card: { cardId: string; documentId: string; memory: CardMemory }): Candidate => ({ ...card, source: sources.get(card.cardId) ?? "" });
    const newTake = Math.max(0, settings.dailyNewLimit) + 1;
    return {
      learning: learning.map(withSource),
      reviews: reviews.map(withSource),
      reviewBacklogTotal,
      dueReviewsByDeck,
      newCards: yield* firstNewCards(user.id, newTake, studied.map((deck) => ({ ...deck, newLeft: leftIn(deck, "newCards") }))),
      doneToday,
      doneTodayByDeck,
      deckLimits: Object.fromEntries(studied.flatMap((deck) => (deck.limits ? [[deck.id, deck.limits]] : []))),
      previous: previousSource === undefined ? null : { cardId: options.previousCardId!, source: previousSource },
    };
  });

  const session = buildStudySession({ now, settings, ...plan });
  const memories = new Map<string, CardMemory>([...plan.learning, ...plan.reviews].map((card) => [card.cardId, card.memory]));
  return { session, memories, settings, dayEnd, newAvailable: plan.newCards.length };
}

const ALL_STATES = [CardState.New, CardState.Learning, CardState.Review, CardState.Relearning];

/** The study queue with its first cards' content and the interval each answer would give. */
export async function loadStudySession(db: Db, user: StudyUser, now: Date, options: SessionOptions = {}): Promise<StudySessionView> {
  if (options.study?.kind === "topic") return topicSession(db, user, now, options.study);
  if (options.study?.kind === "ahead") return sessionView(db, user.id, now, await aheadQueue(db, user, now, options.study, options.documentId), options.first);
  const { session, memories, settings, dayEnd, newAvailable } = await planStudySession(db, user, now, options);
  const view = await sessionView(db, user.id, now, { queue: session.queue, memories, settings, cardsPerResponse: CARDS_PER_RESPONSE }, options.first);
  const dueByTomorrowEnd = session.queue.length
    ? 0
    : await sqlOf(db).read(() =>
        exec(countDueStates({ userId: user.id, documentId: options.documentId, states: ALL_STATES, dueBefore: new Date(dayEnd.getTime() + 86_400_000) })),
      );
  const dueTomorrow = session.queue.length ? 0 : dueByTomorrowEnd + Math.min(newAvailable, settings.dailyNewLimit);
  return { ...view, counts: session.counts, backlogBeyondLimit: session.backlogBeyondLimit, learningLaterToday: session.learningLaterToday, dueTomorrow };
}

/** "Review (N due)": what a session would hold right now. */
export async function countDue(db: Db, user: StudyUser, now: Date, documentId?: string): Promise<number> {
  const { session: { counts } } = await planStudySession(db, user, now, { documentId });
  return counts.new + counts.learning + counts.review;
}
