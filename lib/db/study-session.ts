import {
  CardState,
  buildStudySession,
  newCardMemory,
  parseCardMemory,
  previewIntervals,
  settingsFromUser,
  studyDayEnd,
  studyDayStart,
  type CardMemory,
  type Candidate,
  type IntervalPreview,
  type QueueKind,
  type Rating,
  type SessionCard,
  type UserSchedulingColumns,
} from "../scheduler";
import { CARD_VIEW_SELECT, toCardView, type CardView } from "./card-view";
import type { Db } from "./client";
import { visibleDocumentsWhere } from "./decks";
import { answersTodayByState, countDueStates, dueStates, type DueStateRow } from "./review-store";

export type StudyUser = UserSchedulingColumns & { id: string };

/** How many due reviews are fetched to order a backlog; the rest stay due and are counted. */
const REVIEW_FETCH_LIMIT = 2_000;
/** Learning cards are few (they are answered within the day); this only bounds a pathological case. */
const LEARNING_FETCH_LIMIT = 10_000;
/** Cards sent to the browser with full content; the rest follow as it asks. */
const CARDS_PER_RESPONSE = 8;

export interface SessionCardView extends CardView {
  queue: QueueKind;
  intervals: Record<Rating, IntervalPreview>;
}

export interface StudySessionView {
  cards: SessionCardView[];
  counts: { new: number; learning: number; review: number };
  backlogBeyondLimit: number;
  learningLaterToday: { count: number; nextDue: Date | null };
  /** When nothing is left: how many cards fall due by the end of tomorrow's study day. */
  dueTomorrow: number;
}

function stateWhere(user: StudyUser, documentId?: string) {
  return { userId: user.id, suspended: false, ...(documentId ? { documentId } : {}) };
}

/** Today's answers so far, split as the daily limits count them. */
export async function answersToday(db: Pick<Db, "$queryRaw">, userId: string, dayStart: Date) {
  const byState = await answersTodayByState(db, userId, dayStart);
  return { newCards: byState.get(CardState.New) ?? 0, reviews: byState.get(CardState.Review) ?? 0 };
}

/** Unseen cards in document order: no CardState yet, or one reset to New (and not suspended). */
function newCardsWhere(user: StudyUser, documentId?: string) {
  return {
    document: visibleDocumentsWhere(user.id),
    ...(documentId ? { documentId } : {}),
    OR: [{ states: { none: { userId: user.id } } }, { states: { some: { userId: user.id, state: CardState.New, suspended: false } } }],
  };
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
async function firstNewCards(db: Db, user: StudyUser, take: number, documentId?: string) {
  const select = { id: true, source: true } as const;
  const where = newCardsWhere(user, documentId);
  if (documentId) return db.card.findMany({ where, orderBy: { position: "asc" }, take, select });
  const documents = await db.document.findMany({ where: visibleDocumentsWhere(user.id), orderBy: { createdAt: "asc" }, select: { id: true, createdAt: true } });
  const groups: string[][] = [];
  for (let i = 0; i < documents.length; i++) {
    if (i > 0 && documents[i].createdAt.getTime() === documents[i - 1].createdAt.getTime()) groups[groups.length - 1].push(documents[i].id);
    else groups.push([documents[i].id]);
  }
  const found: { id: string; source: string }[] = [];
  for (let g = 0; g < groups.length && found.length < take; g++) {
    const ids = g < NEW_CARD_DOCUMENTS_ONE_BY_ONE ? groups[g] : groups.slice(g).flat();
    found.push(
      ...(await db.card.findMany({
        where: { ...where, documentId: ids.length === 1 ? ids[0] : { in: ids } },
        orderBy: ids.length === 1 ? { position: "asc" } : [{ document: { createdAt: "asc" } }, { position: "asc" }],
        take: take - found.length,
        select,
      })),
    );
    if (g >= NEW_CARD_DOCUMENTS_ONE_BY_ONE) break;
  }
  return found;
}

/** `first`: a card to put at the head of the queue (the one just brought back by undo). */
type SessionOptions = { documentId?: string; previous?: SessionCard | null; first?: string };

/** Builds the user's study queue from indexed, limited queries (never every card). */
export async function planStudySession(db: Db, user: StudyUser, now: Date, options: SessionOptions = {}) {
  const settings = settingsFromUser(user);
  const dayStart = studyDayStart(now, settings.timeZone, settings.dayStartHour);
  const dayEnd = studyDayEnd(now, settings.timeZone, settings.dayStartHour);
  const due = { userId: user.id, dueBefore: dayEnd, documentId: options.documentId };
  const learningStates = [CardState.Learning, CardState.Relearning];
  const [learningRows, reviewRows, reviewBacklogTotal, newRows, doneToday] = await Promise.all([
    dueStates(db, { ...due, states: learningStates, limit: LEARNING_FETCH_LIMIT }),
    dueStates(db, { ...due, states: [CardState.Review], limit: REVIEW_FETCH_LIMIT }),
    countDueStates(db, { ...due, states: [CardState.Review] }),
    firstNewCards(db, user, Math.max(0, user.dailyNewLimit) + 1, options.documentId),
    answersToday(db, user.id, dayStart),
  ]);

  const toCandidate = (row: DueStateRow): Candidate => ({ cardId: row.cardId, source: row.source, memory: parseCardMemory(row) });
  const session = buildStudySession({
    now,
    settings,
    learning: learningRows.map(toCandidate),
    reviews: reviewRows.map(toCandidate),
    reviewBacklogTotal,
    newCards: newRows.map((row) => ({ cardId: row.id, source: row.source })),
    doneToday,
    previous: options.previous ?? null,
  });
  const memories = new Map<string, CardMemory>([...learningRows, ...reviewRows].map((row) => [row.cardId, parseCardMemory(row)]));
  return { session, memories, settings, dayEnd, newAvailable: newRows.length };
}

/** The study queue with its first cards' content and the interval each answer would give. */
export async function loadStudySession(db: Db, user: StudyUser, now: Date, options: SessionOptions = {}): Promise<StudySessionView> {
  const { session, memories, settings, dayEnd, newAvailable } = await planStudySession(db, user, now, options);
  const queue = options.first ? moveToFront(session.queue, options.first) : session.queue;
  const head = queue.slice(0, CARDS_PER_RESPONSE);
  const [cards, edits] = await Promise.all([
    db.card.findMany({ where: { id: { in: head.map((entry) => entry.cardId) } }, select: CARD_VIEW_SELECT }),
    db.cardState.findMany({
      where: { userId: user.id, cardId: { in: head.map((entry) => entry.cardId) } },
      select: { cardId: true, customPrompt: true, customAnswer: true, customOptions: true },
    }),
  ]);
  const cardById = new Map(cards.map((card) => [card.id, card]));
  const editsById = new Map(edits.map((edit) => [edit.cardId, edit]));
  const views = head.flatMap((entry): SessionCardView[] => {
    const card = cardById.get(entry.cardId);
    if (!card) return [];
    const memory = memories.get(entry.cardId) ?? newCardMemory(now);
    return [{ ...toCardView(card, editsById.get(entry.cardId)), queue: entry.queue, intervals: previewIntervals({ cardId: card.id, memory, now, settings }) }];
  });

  const dueTomorrow = session.queue.length
    ? 0
    : (await db.cardState.count({ where: { ...stateWhere(user, options.documentId), due: { lt: new Date(dayEnd.getTime() + 86_400_000) } } })) +
      Math.min(newAvailable, user.dailyNewLimit);
  return { cards: views, counts: session.counts, backlogBeyondLimit: session.backlogBeyondLimit, learningLaterToday: session.learningLaterToday, dueTomorrow };
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
