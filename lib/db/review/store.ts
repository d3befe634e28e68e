/**
 * The reads of the review loop (an answer's context, today's counts, the study queue), in
 * plain SQL that both databases accept (quoted identifiers, bound values), run on the raw
 * driver (runtime/sql.ts). The writes are in card-state.ts and record-answer.ts.
 */
import { CardState, type CardMemory } from "../../scheduler";
import { documentVisibleTo, notInRemovedDecks } from "../documents/decks";
import { emptySql, firstRow, readDate, readOptionalDate, rows, sql, sqlList, type Row, type Sql, type Statement } from "../runtime/sql";

export interface StoredLog {
  id: string;
  cardId: string;
  rating: number;
  due: Date;
  reviewedAt: Date;
  scheduledDays: number;
}

export interface AnswerContext {
  documentId: string;
  topicId: string | null;
  /** The deck's own daily limits for the user (null: their global limits). */
  deckLimits: { newPerDay: number | null; reviewsPerDay: number | null };
  state: (CardMemory & { id: string; version: number; suspended: boolean }) | null;
  /** An earlier answer sent with this request id, for any card. */
  applied: StoredLog | null;
}

/** The scheduling columns of a CardState row (numbers may arrive as 0/1 or strings of digits). */
export function memoryColumns(row: Row): CardMemory {
  return {
    due: readDate(row.due),
    stability: Number(row.stability),
    difficulty: Number(row.difficulty),
    elapsedDays: Number(row.elapsedDays),
    scheduledDays: Number(row.scheduledDays),
    learningSteps: Number(row.learningSteps),
    reps: Number(row.reps),
    lapses: Number(row.lapses),
    state: Number(row.state) as CardMemory["state"],
    lastReview: readOptionalDate(row.lastReview),
  };
}

function storedLog(row: Row, prefix: "log" | ""): StoredLog {
  const column = (name: string) => row[prefix ? `${prefix}${name[0].toUpperCase()}${name.slice(1)}` : name];
  return {
    id: column("id") as string,
    cardId: column("cardId") as string,
    rating: Number(column("rating")),
    due: readDate(column("due")),
    reviewedAt: readDate(column("reviewedAt")),
    scheduledDays: Number(column("scheduledDays")),
  };
}

/** The card (if the user may see it), the user's state for it and any earlier use of the request id: one query. */
export function answerContext(userId: string, cardId: string, clientRequestId: string): Statement<AnswerContext | null> {
  return firstRow(
    sql`
    SELECT c."documentId", c."topicId", s."id" AS "stateId", s."version", s."suspended", s."due", s."stability", s."difficulty",
           s."elapsedDays", s."scheduledDays", s."learningSteps", s."reps", s."lapses", s."state", s."lastReview",
           o."newPerDay", o."reviewsPerDay",
           l."id" AS "logId", l."cardId" AS "logCardId", l."rating" AS "logRating", l."due" AS "logDue", l."reviewedAt" AS "logReviewedAt",
           l."scheduledDays" AS "logScheduledDays"
    FROM "Card" c
    JOIN "Document" d ON d."id" = c."documentId"
    LEFT JOIN "CardState" s ON s."cardId" = c."id" AND s."userId" = ${userId}
    LEFT JOIN "DeckOptions" o ON o."documentId" = c."documentId" AND o."userId" = ${userId}
    LEFT JOIN "ReviewLog" l ON l."userId" = ${userId} AND l."clientRequestId" = ${clientRequestId}
    WHERE c."id" = ${cardId} AND ${documentVisibleTo(userId)}`,
    (row) => ({
      documentId: row.documentId as string,
      topicId: (row.topicId as string | null) ?? null,
      deckLimits: { newPerDay: optionalNumber(row.newPerDay), reviewsPerDay: optionalNumber(row.reviewsPerDay) },
      state:
        row.stateId === null
          ? null
          : { id: row.stateId as string, version: Number(row.version), suspended: Boolean(row.suspended), ...memoryColumns(row) },
      applied: row.logId === null ? null : storedLog(row, "log"),
    }),
  );
}

/** The answer already stored for this request id, if any. */
export function appliedRequest(userId: string, clientRequestId: string): Statement<StoredLog | null> {
  return firstRow(
    sql`SELECT "id", "cardId", "rating", "due", "reviewedAt", "scheduledDays" FROM "ReviewLog" WHERE "userId" = ${userId} AND "clientRequestId" = ${clientRequestId}`,
    (row) => storedLog(row, ""),
  );
}

function optionalNumber(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

type Done = { newCards: number; reviews: number };

/** Answer counts by the card's state before the answer, as the daily limits count them. */
function doneOf(rows: Row[]): Done {
  const count = (state: number) => rows.filter((row) => Number(row.prevState) === state).reduce((sum, row) => sum + Number(row.answers), 0);
  return { newCards: count(CardState.New), reviews: count(CardState.Review) };
}

/** Today's review answers (all decks, or one deck), split as the daily limits count them. */
export function answersToday(userId: string, dayStart: Date, documentId?: string): Statement<Done> {
  // One deck: its cards' answers, by joining the cards; all decks: the log's covering index alone.
  const [from, inDeck] = documentId
    ? [sql`"ReviewLog" l JOIN "Card" c ON c."id" = l."cardId"`, sql` AND c."documentId" = ${documentId}`]
    : [sql`"ReviewLog" l`, emptySql];
  return {
    ...sql`
    SELECT l."prevState", COUNT(*) AS "answers" FROM ${from}
    WHERE l."userId" = ${userId} AND l."reviewedAt" >= ${dayStart} AND l."mode" = 'REVIEW'${inDeck}
    GROUP BY l."prevState"`,
    read: ({ rows: counts }) => doneOf(counts),
  };
}

/** Today's review answers per deck, for the decks with limits of their own. */
export function answersTodayInCappedDecks(userId: string, dayStart: Date): Statement<Record<string, Done>> {
  return {
    ...sql`
    SELECT c."documentId", l."prevState", COUNT(*) AS "answers"
    FROM "ReviewLog" l JOIN "Card" c ON c."id" = l."cardId"
    WHERE l."userId" = ${userId} AND l."reviewedAt" >= ${dayStart} AND l."mode" = 'REVIEW'
      AND c."documentId" IN (SELECT "documentId" FROM "DeckOptions" WHERE "userId" = ${userId} AND ("newPerDay" IS NOT NULL OR "reviewsPerDay" IS NOT NULL))
    GROUP BY c."documentId", l."prevState"`,
    read: ({ rows: counts }) => {
      const byDeck: Record<string, Done> = {};
      for (const deck of new Set(counts.map((row) => row.documentId as string))) byDeck[deck] = doneOf(counts.filter((row) => row.documentId === deck));
      return byDeck;
    },
  };
}

interface DueQuery {
  userId: string;
  states: number[];
  dueBefore: Date;
  documentId?: string;
  /** Only cards last reviewed before this (today's study day start: a card is reviewed once a day). */
  reviewedBefore?: Date;
  /** Leave out the decks with a review limit of their own (they are asked for one by one). */
  uncappedOnly?: boolean;
}

/** A deck with a daily review limit of its own, for the user. */
function reviewCappedDecks(userId: string): Sql {
  return sql`SELECT "documentId" FROM "DeckOptions" WHERE "userId" = ${userId} AND "reviewsPerDay" IS NOT NULL`;
}

function dueWhere(query: DueQuery) {
  const inDocument = query.documentId ? sql` AND "documentId" = ${query.documentId}` : emptySql;
  const notToday = query.reviewedBefore ? sql` AND "lastReview" < ${query.reviewedBefore}` : emptySql;
  const uncapped = query.uncappedOnly ? sql` AND "documentId" NOT IN (${reviewCappedDecks(query.userId)})` : emptySql;
  return sql`"userId" = ${query.userId} AND "due" < ${query.dueBefore} AND "suspended" = ${false}
      AND "state" IN (${sqlList(query.states)})${inDocument}${notToday}${uncapped} AND ${notInRemovedDecks(query.userId)}`;
}

export interface DueStateRow extends CardMemory {
  cardId: string;
  documentId: string;
}

/**
 * The user's unsuspended cards in `states` due before `dueBefore`, soonest first, by the
 * per-state index. CardState alone: joined with the cards here, PostgreSQL hash-joined all
 * 100,000 of them; the sources of the few cards a session keeps come after (cardSources).
 */
export function dueStates(query: DueQuery & { limit: number }): Statement<DueStateRow[]> {
  return rows(
    sql`
    SELECT "cardId", "documentId", "due", "stability", "difficulty", "elapsedDays", "scheduledDays", "learningSteps", "reps", "lapses", "state", "lastReview"
    FROM "CardState" WHERE ${dueWhere(query)}
    ORDER BY "due"
    LIMIT ${query.limit}`,
    (row) => ({ cardId: row.cardId as string, documentId: row.documentId as string, ...memoryColumns(row) }),
  );
}

/**
 * Today's due reviews with the lowest predicted recall, at most `limit`, leaving out cards
 * already reviewed today: the ones a session takes from a backlog (dueReviewsByRecall orders
 * them again). FSRS's forgetting curve falls as (time since the last review) / stability
 * grows, so ordering by that ratio in SQL picks the same cards without reading the whole
 * backlog. In both databases `? - "lastReview"` is a difference (milliseconds, or an interval).
 */
export function lowestRecallReviews(query: Omit<DueQuery, "states"> & { now: Date; reviewedBefore: Date; limit: number }): Statement<DueStateRow[]> {
  return rows(
    sql`
    SELECT "cardId", "documentId", "due", "stability", "difficulty", "elapsedDays", "scheduledDays", "learningSteps", "reps", "lapses", "state", "lastReview"
    FROM "CardState" WHERE ${dueWhere({ ...query, states: [CardState.Review] })}
    ORDER BY CASE WHEN "stability" > 0 THEN 1 ELSE 0 END,
             (${query.now} - "lastReview") / CASE WHEN "stability" > 0 THEN "stability" ELSE 1 END DESC, "due", "cardId"
    LIMIT ${query.limit}`,
    (row) => ({ cardId: row.cardId as string, documentId: row.documentId as string, ...memoryColumns(row) }),
  );
}

/** Each card's source sentence (siblings share one), by card id. */
export function cardSources(cardIds: readonly string[]): Statement<Map<string, string>> {
  return {
    ...sql`SELECT "id", "source" FROM "Card" WHERE "id" IN (${sqlList(cardIds)})`,
    read: (result) => new Map(result.rows.map((row) => [row.id as string, row.source as string])),
  };
}

export function countDueStates(query: DueQuery): Statement<number> {
  return { ...sql`SELECT COUNT(*) AS "due" FROM "CardState" WHERE ${dueWhere(query)}`, read: ({ rows: [row] }) => Number(row.due) };
}

/** The same count for each deck with a review limit of its own. */
export function countDueInCappedDecks(query: DueQuery): Statement<Record<string, number>> {
  return {
    ...sql`SELECT "documentId", COUNT(*) AS "due" FROM "CardState" WHERE ${dueWhere(query)} AND "documentId" IN (${reviewCappedDecks(query.userId)})
           GROUP BY "documentId"`,
    read: ({ rows: counts }) => Object.fromEntries(counts.map((row) => [row.documentId as string, Number(row.due)])),
  };
}
