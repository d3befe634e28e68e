/**
 * CardState aggregates for the stats page: counts by state, the due forecast,
 * memory distributions and topic mastery, grouped in the database.
 */
import { DIFFICULTY_BOUNDS, RECALL_BOUNDS, STABILITY_BOUNDS } from "../../stats/distributions";
import { MATURE_INTERVAL_DAYS } from "../../stats/retention";
import { DAY_MS, type DayRule } from "../../stats/study-days";
import type { DueRow, MemoryRow, StateRow, TopicRow } from "../../stats/types";
import { topicStrength } from "../../stats/topics";
import { documentVisibleTo } from "../documents/decks";
import { all, emptySql, exec, rawSql, rows, sql, sqlList, type Sql, type Statement, type Steps, type SqlDialect } from "../runtime/sql";
import { before, binCase, currentRecall, literal, num, numOrNull, studyDay, subqueryFence } from "./sql-fragments";

/**
 * `wholeTable`: read CardState start to end instead of through an index (SQLite
 * only; see ownsMostCardStates). PostgreSQL's planner makes that choice itself.
 */
export type CardScope = { userId: string; documentId?: string; wholeTable?: boolean };

function statesOf(scope: CardScope): Sql {
  const table = rawSql(scope.wholeTable ? `"CardState" s NOT INDEXED` : `"CardState" s`);
  const deck = scope.documentId ? sql`AND s."documentId" = ${scope.documentId}` : emptySql;
  return sql`FROM ${table} WHERE s."userId" = ${scope.userId} ${deck}`;
}

/**
 * On SQLite, reading a user's CardStates through an index costs one random
 * table lookup per row; when the user owns a large share of the table (the
 * usual case on a personal server), one sequential pass over the table is
 * several times faster. The table's size is estimated from its largest rowid.
 */
export function ownsMostCardStates(userId: string): Statement<boolean> {
  return {
    ...sql`SELECT (SELECT COUNT(*) FROM "CardState" WHERE "userId" = ${userId}) AS "mine", (SELECT MAX(rowid) FROM "CardState") AS "rows"`,
    read: ({ rows: [row] }) => {
      const mine = num(row.mine);
      return mine > 1_000 && mine * 4 >= num(row.rows);
    },
  };
}

/** Studied cards: past the New state, not suspended, with a memory. */
const studied = sql`s."state" <> 0 AND s."suspended" = false AND s."lastReview" IS NOT NULL AND s."stability" > 0`;

/** Cards in the decks the user can see (or in one deck), studied or not. */
export function visibleCardCount(scope: CardScope): Statement<number> {
  const deck = scope.documentId ? sql`AND c."documentId" = ${scope.documentId}` : emptySql;
  return {
    ...sql`SELECT COUNT(*) AS "count" FROM "Document" d JOIN "Card" c ON c."documentId" = d."id" WHERE ${documentVisibleTo(scope.userId)} ${deck}`,
    read: ({ rows: [row] }) => num(row.count),
  };
}

/** Cards due per study day up to `untilMs` (overdue ones included), not new and not suspended. */
export function dueByDay(dialect: SqlDialect, scope: CardScope, rule: DayRule, untilMs: number): Statement<DueRow[]> {
  return rows(
    sql`
    SELECT ${studyDay(dialect, `s."due"`, rule)} AS "day", COUNT(*) AS "count"
    ${statesOf(scope)} AND s."state" <> 0 AND s."suspended" = false AND ${before(`s."due"`, untilMs)}
    GROUP BY 1`,
    (row) => ({ day: num(row.day), count: num(row.count) }),
  );
}

export type CardStateSummary = { states: StateRow[]; memory: MemoryRow[] };

/**
 * One scan of the user's CardStates: counts by state, suspension and interval,
 * and for studied cards their stability, difficulty and current-recall bins
 * (the three histograms). The inner query computes each studied card's recall
 * once (a power; NULL for the other cards), the outer one bins its columns.
 */
export function cardStateSummary(dialect: SqlDialect, scope: CardScope, nowMs: number, curve: { decay: number; factor: number }): Statement<CardStateSummary> {
  const ifStudied = (bin: Sql) => sql`CASE WHEN "recall" IS NULL THEN -1 ELSE ${bin} END`;
  const query = sql`
    SELECT "state", "suspended", "mature",
           ${ifStudied(binCase(rawSql(`"stability"`), STABILITY_BOUNDS))} AS "stabilityBin",
           ${ifStudied(binCase(rawSql(`"difficulty"`), DIFFICULTY_BOUNDS))} AS "difficultyBin",
           ${ifStudied(binCase(rawSql(`"recall"`), RECALL_BOUNDS))} AS "recallBin",
           COUNT(*) AS "count"
    FROM (SELECT s."state" AS "state", CASE WHEN s."suspended" THEN 1 ELSE 0 END AS "suspended",
                 CASE WHEN s."scheduledDays" >= ${literal(MATURE_INTERVAL_DAYS)} THEN 1 ELSE 0 END AS "mature",
                 s."stability" AS "stability", s."difficulty" AS "difficulty",
                 CASE WHEN ${studied} THEN ${currentRecall(dialect, nowMs, curve)} END AS "recall"
          ${statesOf(scope)} ${subqueryFence(dialect)}) cards
    GROUP BY 1, 2, 3, 4, 5, 6`;
  return {
    ...query,
    read: ({ rows }) => {
      const states = new Map<string, StateRow>();
      const memory: MemoryRow[] = [];
      for (const row of rows) {
        const count = num(row.count);
        const state = { state: num(row.state), suspended: num(row.suspended) === 1, mature: num(row.mature) === 1 };
        const key = `${state.state}/${state.suspended}/${state.mature}`;
        const entry = states.get(key) ?? { ...state, count: 0 };
        entry.count += count;
        states.set(key, entry);
        if (num(row.stabilityBin) >= 0) {
          memory.push({ stabilityBin: num(row.stabilityBin), difficultyBin: num(row.difficultyBin), recallBin: num(row.recallBin), count });
        }
      }
      return { states: [...states.values()], memory };
    },
  };
}

/** How far back a quiz counts as recent for topic mastery. */
export const RECENT_QUIZ_DAYS = 30;
/** Topics shown, weakest first. */
export const TOPICS_SHOWN = 12;

type TopicStrength = { studied: number; learning: number; meanRecall: number | null; bestQuizScore: number | null };

/** A card whose recall says what the user remembers: in review, at an interval of a day or more (lib/quiz countsForRecall). */
const inReview = sql`s."state" = 2 AND s."scheduledDays" >= 1`;

/** Mean current recall of each topic's cards in review; its other studied cards count as learning. */
function recallByTopic(dialect: SqlDialect, scope: CardScope, nowMs: number, curve: { decay: number; factor: number }) {
  // A plain join, on purpose: a materialized card → topic map is faster when
  // SQLite indexes it on the fly, but without table statistics it may not, and
  // a forced table scan could be paired with a full scan per card.
  return rows(
    sql`
    SELECT c."topicId" AS "topicId", SUM(CASE WHEN ${inReview} THEN 1 ELSE 0 END) AS "studied", COUNT(*) AS "seen",
           AVG(CASE WHEN ${inReview} THEN ${currentRecall(dialect, nowMs, curve)} END) AS "meanRecall"
    FROM "CardState" s JOIN "Card" c ON c."id" = s."cardId"
    WHERE s."userId" = ${scope.userId} ${scope.documentId ? sql`AND s."documentId" = ${scope.documentId}` : emptySql}
      AND ${studied} AND c."topicId" IS NOT NULL
    GROUP BY c."topicId"`,
    (row) => ({ topicId: String(row.topicId), studied: num(row.studied), learning: num(row.seen) - num(row.studied), meanRecall: numOrNull(row.meanRecall) }),
  );
}

/** The best score of each topic's quizzes finished in the last 30 days. */
function bestRecentQuizzes(scope: CardScope, nowMs: number) {
  return rows(
    sql`
    SELECT q."topicId" AS "topicId", MAX(q."score") AS "best" FROM "QuizAttempt" q
    WHERE q."userId" = ${scope.userId} AND q."topicId" IS NOT NULL AND q."score" IS NOT NULL
      AND q."finishedAt" >= ${new Date(nowMs - RECENT_QUIZ_DAYS * DAY_MS)}
      ${scope.documentId ? sql`AND q."documentId" = ${scope.documentId}` : emptySql}
    GROUP BY q."topicId"`,
    (row) => ({ topicId: String(row.topicId), best: numOrNull(row.best) }),
  );
}

/** Visible topics matching `where` (ordered and limited by `rest`), with their deck's title and card count. */
function topicsWhere(userId: string, where: Sql, rest: Sql = emptySql) {
  return rows(
    sql`
    SELECT t."id", t."documentId", t."title", t."path", d."title" AS "documentTitle",
           (SELECT COUNT(*) FROM "Card" c WHERE c."topicId" = t."id") AS "cardCount"
    FROM "Topic" t JOIN "Document" d ON d."id" = t."documentId"
    WHERE ${documentVisibleTo(userId)} AND ${where} ${rest}`,
    (row) => ({
      topicId: row.id as string,
      documentId: row.documentId as string,
      title: row.title as string,
      path: row.path as string,
      documentTitle: row.documentTitle as string,
      cardCount: num(row.cardCount),
    }),
  );
}

/**
 * Topic mastery: mean current recall of each topic's studied cards and the best
 * quiz score of the last 30 days. Started topics are ranked in the database
 * results; only the weakest few are looked up in full. With a deck chosen, its
 * topics not started yet fill the list after them.
 */
export function* topicRows(dialect: SqlDialect, scope: CardScope, nowMs: number, curve: { decay: number; factor: number }): Steps<TopicRow[]> {
  const [recallRows, quizRows] = yield* all([recallByTopic(dialect, scope, nowMs, curve), bestRecentQuizzes(scope, nowMs)]);
  const byTopic = new Map<string, TopicStrength>();
  for (const row of recallRows) byTopic.set(row.topicId, { ...row, bestQuizScore: null });
  for (const row of quizRows) {
    const entry = byTopic.get(row.topicId) ?? { studied: 0, learning: 0, meanRecall: null, bestQuizScore: null };
    entry.bestQuizScore = row.best;
    byTopic.set(row.topicId, entry);
  }
  const strength = topicStrength;
  const chosen = [...byTopic.entries()].sort((a, b) => strength(a[1]) - strength(b[1])).slice(0, TOPICS_SHOWN).map(([id]) => id);

  const topics = chosen.length ? yield* exec(topicsWhere(scope.userId, sql`t."id" IN (${sqlList(chosen)})`)) : [];
  if (scope.documentId && topics.length < TOPICS_SHOWN) {
    const notChosen = chosen.length ? sql`AND t."id" NOT IN (${sqlList(chosen)})` : emptySql;
    const more = yield* exec(
      topicsWhere(scope.userId, sql`t."documentId" = ${scope.documentId} ${notChosen}`, sql`ORDER BY t."order" LIMIT ${TOPICS_SHOWN - topics.length}`),
    );
    topics.push(...more);
  }
  return topics.map((topic) => {
    const entry = byTopic.get(topic.topicId);
    return {
      ...topic,
      studied: entry?.studied ?? 0,
      learning: entry?.learning ?? 0,
      meanRecall: entry?.meanRecall ?? null,
      bestQuizScore: entry?.bestQuizScore ?? null,
    };
  });
}
