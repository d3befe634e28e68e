/**
 * The statements of the review loop (grading and the study queue), in plain SQL that both
 * databases accept (quoted identifiers, bound values), run on the raw driver (runtime/sql.ts).
 */
import { CardState, type CardMemory, type ReviewLogFields } from "../../scheduler";
import { documentVisibleTo } from "../documents/decks";
import { newId } from "../runtime/ids";
import { changes, emptySql, exec, firstRow, readDate, readOptionalDate, rows, sql, sqlList, type Row, type Statement, type Steps } from "../runtime/sql";

export interface StoredLog {
  id: string;
  cardId: string;
  rating: number;
  due: Date;
  reviewedAt: Date;
}

export interface GradeContext {
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
  };
}

/** The card (if the user may see it), the user's state for it and any earlier use of the request id: one query. */
export function gradeContext(userId: string, cardId: string, clientRequestId: string): Statement<GradeContext | null> {
  return firstRow(
    sql`
    SELECT c."documentId", s."id" AS "stateId", s."version", s."suspended", s."due", s."stability", s."difficulty",
           s."elapsedDays", s."scheduledDays", s."learningSteps", s."reps", s."lapses", s."state", s."lastReview",
           l."id" AS "logId", l."cardId" AS "logCardId", l."rating" AS "logRating", l."due" AS "logDue", l."reviewedAt" AS "logReviewedAt"
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
    sql`SELECT "id", "cardId", "rating", "due", "reviewedAt" FROM "ReviewLog" WHERE "userId" = ${userId} AND "clientRequestId" = ${clientRequestId}`,
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

/** Writes the next memory if the state is still at `version`; false when someone else changed it first. */
export function updateCardState(stateId: string, version: number, memory: CardMemory, now: Date): Statement<boolean> {
  const update = changes(sql`
    UPDATE "CardState" SET "due" = ${memory.due}, "stability" = ${memory.stability}, "difficulty" = ${memory.difficulty},
      "elapsedDays" = ${memory.elapsedDays}, "scheduledDays" = ${memory.scheduledDays}, "learningSteps" = ${memory.learningSteps},
      "reps" = ${memory.reps}, "lapses" = ${memory.lapses}, "state" = ${memory.state}, "lastReview" = ${memory.lastReview},
      "version" = "version" + 1, "updatedAt" = ${now}
    WHERE "id" = ${stateId} AND "version" = ${version}`);
  return { ...update, read: (result) => update.read(result) === 1 };
}

export function insertCardState(row: { userId: string; cardId: string; documentId: string; memory: CardMemory; now: Date }): Statement<number> {
  const { memory } = row;
  return changes(sql`
    INSERT INTO "CardState" ("id", "userId", "cardId", "documentId", "due", "stability", "difficulty", "elapsedDays", "scheduledDays",
      "learningSteps", "reps", "lapses", "state", "lastReview", "suspended", "version", "updatedAt")
    VALUES (${newId()}, ${row.userId}, ${row.cardId}, ${row.documentId}, ${memory.due}, ${memory.stability}, ${memory.difficulty},
      ${memory.elapsedDays}, ${memory.scheduledDays}, ${memory.learningSteps}, ${memory.reps}, ${memory.lapses}, ${memory.state},
      ${memory.lastReview}, ${false}, ${0}, ${row.now})`);
}

export function* insertReviewLog(row: {
  userId: string;
  cardId: string;
  clientRequestId: string;
  mode: "REVIEW" | "QUIZ";
  durationMs: number;
  log: ReviewLogFields;
}): Steps<StoredLog> {
  const { log } = row;
  const id = newId();
  yield* exec(
    changes(sql`
    INSERT INTO "ReviewLog" ("id", "userId", "cardId", "clientRequestId", "mode", "rating", "reviewedAt", "durationMs", "retrievability",
      "prevState", "prevDue", "prevStability", "prevDifficulty", "prevElapsedDays", "prevScheduledDays", "prevLearningSteps",
      "prevReps", "prevLapses", "prevLastReview", "state", "due", "stability", "difficulty", "scheduledDays")
    VALUES (${id}, ${row.userId}, ${row.cardId}, ${row.clientRequestId}, ${row.mode}, ${log.rating}, ${log.reviewedAt}, ${row.durationMs},
      ${log.retrievability}, ${log.prevState}, ${log.prevDue}, ${log.prevStability}, ${log.prevDifficulty}, ${log.prevElapsedDays},
      ${log.prevScheduledDays}, ${log.prevLearningSteps}, ${log.prevReps}, ${log.prevLapses}, ${log.prevLastReview}, ${log.state},
      ${log.due}, ${log.stability}, ${log.difficulty}, ${log.scheduledDays})`),
  );
  return { id, cardId: row.cardId, rating: log.rating, due: log.due, reviewedAt: log.reviewedAt };
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
