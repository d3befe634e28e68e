/**
 * The reads of the review loop (an answer's context, today's counts, the study queue), in
 * plain SQL that both databases accept (quoted identifiers, bound values), run on the raw
 * driver (runtime/sql.ts). The writes are in card-state.ts and record-answer.ts.
 */
import { CardState, type CardMemory } from "../../scheduler";
import { documentVisibleTo } from "../documents/decks";
import { emptySql, firstRow, readDate, readOptionalDate, rows, sql, sqlList, type Row, type Statement } from "../runtime/sql";

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
  state: (CardMemory & { id: string; version: number; suspended: boolean }) | null;
  /** An earlier answer sent with this request id, for any card. */
  applied: StoredLog | null;
}

/** The scheduling columns of a CardState row (numbers may arrive as 0/1 or strings of digits). */
function memoryColumns(row: Row): CardMemory {
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
    SELECT c."documentId", s."id" AS "stateId", s."version", s."suspended", s."due", s."stability", s."difficulty",
           s."elapsedDays", s."scheduledDays", s."learningSteps", s."reps", s."lapses", s."state", s."lastReview",
           l."id" AS "logId", l."cardId" AS "logCardId", l."rating" AS "logRating", l."due" AS "logDue", l."reviewedAt" AS "logReviewedAt",
           l."scheduledDays" AS "logScheduledDays"
    FROM "Card" c
    JOIN "Document" d ON d."id" = c."documentId"
    LEFT JOIN "CardState" s ON s."cardId" = c."id" AND s."userId" = ${userId}
    LEFT JOIN "ReviewLog" l ON l."userId" = ${userId} AND l."clientRequestId" = ${clientRequestId}
    WHERE c."id" = ${cardId} AND ${documentVisibleTo(userId)}`,
    (row) => ({
      documentId: row.documentId as string,
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

/** Today's review answers, split as the daily limits count them (by the card's state before the answer). */
export function answersToday(userId: string, dayStart: Date): Statement<{ newCards: number; reviews: number }> {
  return {
    ...sql`
    SELECT "prevState", COUNT(*) AS "answers" FROM "ReviewLog"
    WHERE "userId" = ${userId} AND "reviewedAt" >= ${dayStart} AND "mode" = 'REVIEW'
    GROUP BY "prevState"`,
    read: ({ rows: counts }) => {
      const byState = new Map(counts.map((row) => [Number(row.prevState), Number(row.answers)]));
      return { newCards: byState.get(CardState.New) ?? 0, reviews: byState.get(CardState.Review) ?? 0 };
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
}

function dueWhere(query: DueQuery) {
  const inDocument = query.documentId ? sql` AND "documentId" = ${query.documentId}` : emptySql;
  const notToday = query.reviewedBefore ? sql` AND "lastReview" < ${query.reviewedBefore}` : emptySql;
  return sql`"userId" = ${query.userId} AND "due" < ${query.dueBefore} AND "suspended" = ${false}
      AND "state" IN (${sqlList(query.states)})${inDocument}${notToday}`;
}

export interface DueStateRow extends CardMemory {
  cardId: string;
}

/**
 * The user's unsuspended cards in `states` due before `dueBefore`, soonest first, by the
 * per-state index. CardState alone: joined with the cards here, PostgreSQL hash-joined all
 * 100,000 of them; the sources of the few cards a session keeps come after (cardSources).
 */
export function dueStates(query: DueQuery & { limit: number }): Statement<DueStateRow[]> {
  return rows(
    sql`
    SELECT "cardId", "due", "stability", "difficulty", "elapsedDays", "scheduledDays", "learningSteps", "reps", "lapses", "state", "lastReview"
    FROM "CardState" WHERE ${dueWhere(query)}
    ORDER BY "due"
    LIMIT ${query.limit}`,
    (row) => ({ cardId: row.cardId as string, ...memoryColumns(row) }),
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
    SELECT "cardId", "due", "stability", "difficulty", "elapsedDays", "scheduledDays", "learningSteps", "reps", "lapses", "state", "lastReview"
    FROM "CardState" WHERE ${dueWhere({ ...query, states: [CardState.Review] })}
    ORDER BY CASE WHEN "stability" > 0 THEN 1 ELSE 0 END,
             (${query.now} - "lastReview") / CASE WHEN "stability" > 0 THEN "stability" ELSE 1 END DESC, "due", "cardId"
    LIMIT ${query.limit}`,
    (row) => ({ cardId: row.cardId as string, ...memoryColumns(row) }),
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
