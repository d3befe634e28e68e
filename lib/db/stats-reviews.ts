/**
 * ReviewLog aggregates for the stats page: GROUP BY study day, hour or bin in
 * the database, so a history of a million answers comes back as a few thousand
 * rows at most. Study days follow the user's zone and day start (DayRule).
 */
import type { DatabaseKind } from "../config/database-url";
import { MATURE_INTERVAL_DAYS } from "../stats/retention";
import type { DayRule } from "../stats/study-days";
import type { CalibrationRow, DailyRow, HourRow, RetentionRow } from "../stats/types";
import { CALIBRATION_BINS } from "../stats/calibration";
import type { Db } from "./client";
import { Prisma } from "./generated/sqlite/client";
import { atOrAfter, before, literal, localHour, num, studyDay, type Sql } from "./stats-sql";

export type ReviewScope = {
  userId: string;
  /** Only answers to cards of this document. */
  documentId?: string;
  rule: DayRule;
};

/** A span of answer times: from `sinceMs` (inclusive) to `beforeMs` (exclusive); either may be open. */
export type Span = { sinceMs?: number; beforeMs?: number };

/** FROM + WHERE for the user's answers (in the deck) in a span of time. */
function answersFrom(kind: DatabaseKind, scope: ReviewScope, span: Span = {}): Sql {
  const deck = scope.documentId
    ? Prisma.sql`JOIN "Card" c ON c."id" = r."cardId" AND c."documentId" = ${scope.documentId}`
    : Prisma.empty;
  const since = span.sinceMs === undefined ? Prisma.empty : Prisma.sql`AND ${atOrAfter(kind, `r."reviewedAt"`, span.sinceMs)}`;
  const until = span.beforeMs === undefined ? Prisma.empty : Prisma.sql`AND ${before(kind, `r."reviewedAt"`, span.beforeMs)}`;
  return Prisma.sql`FROM "ReviewLog" r ${deck} WHERE r."userId" = ${scope.userId} ${since} ${until}`;
}

/**
 * True when the answer is the card's first of its study day: the card's previous
 * answer (prevLastReview) fell on an earlier day. This needs no window function.
 */
function firstOfDay(kind: DatabaseKind, rule: DayRule): Sql {
  return Prisma.sql`r."prevLastReview" IS NOT NULL AND ${studyDay(kind, `r."prevLastReview"`, rule)} < ${studyDay(kind, `r."reviewedAt"`, rule)}`;
}

const passed = Prisma.sql`CASE WHEN r."rating" > 1 THEN 1 ELSE 0 END`;

/** Answers per study day, mode, state before and rating, in a span of time. */
export async function dailyAnswers(db: Db, kind: DatabaseKind, scope: ReviewScope, span: Span): Promise<DailyRow[]> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT ${studyDay(kind, `r."reviewedAt"`, scope.rule)} AS "day", r."mode" AS "mode", r."prevState" AS "prevState",
           r."rating" AS "rating", COUNT(*) AS "count", SUM(r."durationMs") AS "durationMs"
    ${answersFrom(kind, scope, span)}
    GROUP BY 1, 2, 3, 4`;
  return rows.map((row) => ({
    day: num(row.day),
    mode: row.mode === "QUIZ" ? "QUIZ" : "REVIEW",
    prevState: num(row.prevState),
    rating: num(row.rating),
    count: num(row.count),
    durationMs: num(row.durationMs),
  }));
}

/**
 * Every study day's answers (all time) split by how they count for true
 * retention: kind 1 young / 2 mature for a review that is the card's first answer
 * of the day after an interval of at least one day, else 0. Also the activity
 * calendar and streaks read these rows.
 */
export async function retentionByDay(db: Db, kind: DatabaseKind, scope: ReviewScope, span: Span = {}): Promise<RetentionRow[]> {
  const counted = Prisma.sql`r."mode" = 'REVIEW' AND r."prevScheduledDays" >= 1 AND ${firstOfDay(kind, scope.rule)}`;
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT ${studyDay(kind, `r."reviewedAt"`, scope.rule)} AS "day",
           CASE WHEN ${counted} THEN (CASE WHEN r."prevScheduledDays" >= ${literal(MATURE_INTERVAL_DAYS)} THEN 2 ELSE 1 END) ELSE 0 END AS "kind",
           ${passed} AS "passed", COUNT(*) AS "count"
    ${answersFrom(kind, scope, span)}
    GROUP BY 1, 2, 3`;
  return rows.map((row) => ({
    day: num(row.day),
    kind: num(row.kind) as 0 | 1 | 2,
    passed: num(row.passed) === 1,
    count: num(row.count),
  }));
}

/** Review answers (quizzes apart) per local hour of the day, in a span of time. */
export async function answersByHour(db: Db, kind: DatabaseKind, scope: ReviewScope, span: Span): Promise<HourRow[]> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT ${localHour(kind, `r."reviewedAt"`, scope.rule)} AS "hour", ${passed} AS "passed", COUNT(*) AS "count"
    ${answersFrom(kind, scope, span)} AND r."mode" = 'REVIEW'
    GROUP BY 1, 2`;
  return rows.map((row) => ({ hour: num(row.hour), passed: num(row.passed) === 1, count: num(row.count) }));
}

/**
 * Predicted recall at review time (ReviewLog.retrievability) in 5% bins against
 * the outcome, for each card's first review of a study day, in a span of time.
 */
export async function calibrationBins(db: Db, kind: DatabaseKind, scope: ReviewScope, span: Span): Promise<CalibrationRow[]> {
  const last = literal(CALIBRATION_BINS - 1);
  const scaled = Prisma.sql`r."retrievability" * ${literal(CALIBRATION_BINS)}`;
  const bin = kind === "sqlite" ? Prisma.sql`MIN(CAST(${scaled} AS INTEGER), ${last})` : Prisma.sql`LEAST(FLOOR(${scaled})::int, ${last})`;
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT ${bin} AS "bin", COUNT(*) AS "count", SUM(${passed}) AS "passed", SUM(r."retrievability") AS "predictedSum"
    ${answersFrom(kind, scope, span)} AND r."mode" = 'REVIEW' AND r."retrievability" IS NOT NULL AND ${firstOfDay(kind, scope.rule)}
    GROUP BY 1`;
  return rows.map((row) => ({ bin: num(row.bin), count: num(row.count), passed: num(row.passed), predictedSum: num(row.predictedSum) }));
}

/** The instant of the user's first answer (in the deck), or null: found through the (userId, reviewedAt) index. */
export async function firstAnswerAt(db: Db, userId: string, documentId?: string): Promise<Date | null> {
  const first = await db.reviewLog.findFirst({
    where: { userId, ...(documentId ? { card: { documentId } } : {}) },
    orderBy: { reviewedAt: "asc" },
    select: { reviewedAt: true },
  });
  return first?.reviewedAt ?? null;
}

/** Answers the user gave before `beforeMs` (all decks): changes whenever a past answer is added or removed. */
export function answersBefore(db: Db, userId: string, beforeMs: number): Promise<number> {
  return db.reviewLog.count({ where: { userId, reviewedAt: { lt: new Date(beforeMs) } } });
}
