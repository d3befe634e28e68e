/**
 * ReviewLog aggregates for the stats page: GROUP BY study day, hour or bin in
 * the database, so a history of a million answers comes back as a few thousand
 * rows at most. Study days follow the user's zone and day start (DayRule).
 */
import { MATURE_INTERVAL_DAYS } from "../../stats/retention";
import type { DayRule } from "../../stats/study-days";
import type { CalibrationRow, DailyRow, HourRow, RetentionRow } from "../../stats/types";
import { CALIBRATION_BINS } from "../../stats/calibration";
import { emptySql, firstRow, readDate, rows, sql, type Sql, type Statement, type SqlDialect } from "../runtime/sql";
import { atOrAfter, before, literal, localHour, num, studyDay } from "./sql-fragments";

export type ReviewScope = {
  userId: string;
  /** Only answers to cards of this document. */
  documentId?: string;
  rule: DayRule;
};

/** A span of answer times: from `sinceMs` (inclusive) to `beforeMs` (exclusive); either may be open. */
export type Span = { sinceMs?: number; beforeMs?: number };

/** FROM + WHERE for the user's answers (in the deck) in a span of time. */
function answersFrom(scope: ReviewScope, span: Span = {}): Sql {
  const deck = scope.documentId ? sql`JOIN "Card" c ON c."id" = r."cardId" AND c."documentId" = ${scope.documentId}` : emptySql;
  const since = span.sinceMs === undefined ? emptySql : sql`AND ${atOrAfter(`r."reviewedAt"`, span.sinceMs)}`;
  const until = span.beforeMs === undefined ? emptySql : sql`AND ${before(`r."reviewedAt"`, span.beforeMs)}`;
  return sql`FROM "ReviewLog" r ${deck} WHERE r."userId" = ${scope.userId} ${since} ${until}`;
}

/**
 * True when the answer is the card's first of its study day: the card's previous
 * answer (prevLastReview) fell on an earlier day. This needs no window function.
 */
function firstOfDay(dialect: SqlDialect, rule: DayRule): Sql {
  return sql`r."prevLastReview" IS NOT NULL AND ${studyDay(dialect, `r."prevLastReview"`, rule)} < ${studyDay(dialect, `r."reviewedAt"`, rule)}`;
}

const passed = sql`CASE WHEN r."rating" > 1 THEN 1 ELSE 0 END`;

/** Answers per study day, mode, state before and rating, in a span of time. */
export function dailyAnswers(dialect: SqlDialect, scope: ReviewScope, span: Span): Statement<DailyRow[]> {
  return rows(
    sql`
    SELECT ${studyDay(dialect, `r."reviewedAt"`, scope.rule)} AS "day", r."mode" AS "mode", r."prevState" AS "prevState",
           r."rating" AS "rating", COUNT(*) AS "count", SUM(r."durationMs") AS "durationMs"
    ${answersFrom(scope, span)}
    GROUP BY 1, 2, 3, 4`,
    (row) => ({
      day: num(row.day),
      // Practice (a quiz, or a topic studied again without moving the schedule) is one kind in the charts.
      mode: row.mode === "REVIEW" ? "REVIEW" : "QUIZ",
      prevState: num(row.prevState),
      rating: num(row.rating),
      count: num(row.count),
      durationMs: num(row.durationMs),
    }),
  );
}

/**
 * Every study day's answers (all time) split by how they count for true
 * retention: kind 1 young / 2 mature for a review that is the card's first answer
 * of the day after an interval of at least one day, else 0. Also the activity
 * calendar and streaks read these rows.
 */
export function retentionByDay(dialect: SqlDialect, scope: ReviewScope, span: Span = {}): Statement<RetentionRow[]> {
  const counted = sql`r."mode" = 'REVIEW' AND r."prevScheduledDays" >= 1 AND ${firstOfDay(dialect, scope.rule)}`;
  return rows(
    sql`
    SELECT ${studyDay(dialect, `r."reviewedAt"`, scope.rule)} AS "day",
           CASE WHEN ${counted} THEN (CASE WHEN r."prevScheduledDays" >= ${literal(MATURE_INTERVAL_DAYS)} THEN 2 ELSE 1 END) ELSE 0 END AS "kind",
           ${passed} AS "passed", COUNT(*) AS "count"
    ${answersFrom(scope, span)}
    GROUP BY 1, 2, 3`,
    (row) => ({
      day: num(row.day),
      kind: num(row.kind) as 0 | 1 | 2,
      passed: num(row.passed) === 1,
      count: num(row.count),
    }),
  );
}

/** Review answers (quizzes apart) per local hour of the day, in a span of time. */
export function answersByHour(dialect: SqlDialect, scope: ReviewScope, span: Span): Statement<HourRow[]> {
  return rows(
    sql`
    SELECT ${localHour(dialect, `r."reviewedAt"`, scope.rule)} AS "hour", ${passed} AS "passed", COUNT(*) AS "count"
    ${answersFrom(scope, span)} AND r."mode" = 'REVIEW'
    GROUP BY 1, 2`,
    (row) => ({ hour: num(row.hour), passed: num(row.passed) === 1, count: num(row.count) }),
  );
}

/**
 * Predicted recall at review time (ReviewLog.retrievability) in 5% bins against
 * the outcome, for each card's first review of a study day, in a span of time.
 */
export function calibrationBins(dialect: SqlDialect, scope: ReviewScope, span: Span): Statement<CalibrationRow[]> {
  const last = literal(CALIBRATION_BINS - 1);
  const scaled = sql`r."retrievability" * ${literal(CALIBRATION_BINS)}`;
  const bin = dialect === "sqlite" ? sql`MIN(CAST(${scaled} AS INTEGER), ${last})` : sql`LEAST(FLOOR(${scaled})::int, ${last})`;
  return rows(
    sql`
    SELECT ${bin} AS "bin", COUNT(*) AS "count", SUM(${passed}) AS "passed", SUM(r."retrievability") AS "predictedSum"
    ${answersFrom(scope, span)} AND r."mode" = 'REVIEW' AND r."retrievability" IS NOT NULL AND ${firstOfDay(dialect, scope.rule)}
    GROUP BY 1`,
    (row) => ({ bin: num(row.bin), count: num(row.count), passed: num(row.passed), predictedSum: num(row.predictedSum) }),
  );
}

/** The instant of the user's first answer (in the deck), or null: found through the (userId, reviewedAt) index. */
export function firstAnswerAt(userId: string, documentId?: string): Statement<Date | null> {
  const deck = documentId ? sql`AND r."cardId" IN (SELECT c."id" FROM "Card" c WHERE c."documentId" = ${documentId})` : emptySql;
  return firstRow(
    sql`SELECT r."reviewedAt" AS "at" FROM "ReviewLog" r WHERE r."userId" = ${userId} ${deck} ORDER BY r."reviewedAt" LIMIT 1`,
    (row) => readDate(row.at),
  );
}

/**
 * What identifies the user's answers before `beforeMs` (all decks): the latest of
 * them and the latest review answer, in undo's order. Answers are only added at the
 * present moment (one written just as a new day began is the latest before it), and
 * only removed by undo, which takes back the user's latest review answer; either
 * changes this. Two index seeks, where counting the answers reads the whole history.
 */
export function pastAnswersStamp(userId: string, beforeMs: number): Statement<string> {
  const latest = (filter: Sql) => sql`(
    SELECT r."id" FROM "ReviewLog" r WHERE r."userId" = ${userId} AND ${before(`r."reviewedAt"`, beforeMs)} ${filter}
    ORDER BY r."reviewedAt" DESC, r."id" DESC LIMIT 1)`;
  return {
    ...sql`SELECT ${latest(emptySql)} AS "latest", ${latest(sql`AND r."mode" = 'REVIEW'`)} AS "latestReview"`,
    read: ({ rows: [row] }) => `${row.latest ?? ""}/${row.latestReview ?? ""}`,
  };
}
