/**
 * CardState aggregates for the stats page: counts by state, the due forecast,
 * memory distributions and topic mastery, grouped in the database.
 */
import type { DatabaseKind } from "../config/database-url";
import { DIFFICULTY_BOUNDS, RECALL_BOUNDS, STABILITY_BOUNDS } from "../stats/distributions";
import { MATURE_INTERVAL_DAYS } from "../stats/retention";
import { DAY_MS, type DayRule } from "../stats/study-days";
import type { DueRow, MemoryRow, StateRow, TopicRow } from "../stats/types";
import type { Db } from "./client";
import { visibleDocumentsWhere } from "./decks";
import { Prisma } from "./generated/sqlite/client";
import { before, binCase, currentRecall, literal, num, numOrNull, studyDay, type Sql } from "./stats-sql";

/**
 * `wholeTable`: read CardState start to end instead of through an index (SQLite
 * only; see cardStateAccess). PostgreSQL's planner makes that choice itself.
 */
export type CardScope = { userId: string; documentId?: string; wholeTable?: boolean };

/** `"CardState" s`, with SQLite's NOT INDEXED when scanning the whole table is cheaper. */
function cardStateTable(scope: CardScope): Sql {
  return scope.wholeTable ? Prisma.sql`"CardState" s NOT INDEXED` : Prisma.sql`"CardState" s`;
}

function statesOf(scope: CardScope): Sql {
  const deck = scope.documentId ? Prisma.sql`AND s."documentId" = ${scope.documentId}` : Prisma.empty;
  return Prisma.sql`FROM ${cardStateTable(scope)} WHERE s."userId" = ${scope.userId} ${deck}`;
}

/**
 * On SQLite, reading a user's CardStates through an index costs one random
 * table lookup per row; when the user owns a large share of the table (the
 * usual case on a personal server), one sequential pass over the table is
 * several times faster. The table's size is estimated from its largest rowid.
 */
export async function cardStateAccess(db: Db, kind: DatabaseKind, userId: string): Promise<{ wholeTable: boolean }> {
  if (kind !== "sqlite") return { wholeTable: false };
  const [row] = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT (SELECT COUNT(*) FROM "CardState" WHERE "userId" = ${userId}) AS "mine", (SELECT MAX(rowid) FROM "CardState") AS "rows"`;
  const mine = num(row?.mine);
  const rows = num(row?.rows);
  return { wholeTable: mine > 1_000 && mine * 4 >= rows };
}

/** Studied cards: past the New state, not suspended, with a memory. */
const studied = Prisma.sql`s."state" <> 0 AND s."suspended" = false AND s."lastReview" IS NOT NULL AND s."stability" > 0`;

/** Cards in the decks the user can see (or in one deck), studied or not. */
export function visibleCardCount(db: Db, scope: CardScope): Promise<number> {
  return db.card.count({
    where: { document: visibleDocumentsWhere(scope.userId), ...(scope.documentId ? { documentId: scope.documentId } : {}) },
  });
}

/** Cards due per study day up to `untilMs` (overdue ones included), not new and not suspended. */
export async function dueByDay(db: Db, kind: DatabaseKind, scope: CardScope, rule: DayRule, untilMs: number): Promise<DueRow[]> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT ${studyDay(kind, `s."due"`, rule)} AS "day", COUNT(*) AS "count"
    ${statesOf(scope)} AND s."state" <> 0 AND s."suspended" = false AND ${before(kind, `s."due"`, untilMs)}
    GROUP BY 1`;
  return rows.map((row) => ({ day: num(row.day), count: num(row.count) }));
}

/**
 * One scan of the user's CardStates: counts by state, suspension and interval,
 * and for studied cards their stability, difficulty and current-recall bins
 * (the three histograms).
 */
export async function cardStateSummary(
  db: Db,
  kind: DatabaseKind,
  scope: CardScope,
  nowMs: number,
  curve: { decay: number; factor: number },
): Promise<{ states: StateRow[]; memory: MemoryRow[] }> {
  const ifStudied = (bin: Sql) => Prisma.sql`CASE WHEN ${studied} THEN ${bin} ELSE -1 END`;
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT s."state" AS "state", CASE WHEN s."suspended" THEN 1 ELSE 0 END AS "suspended",
           CASE WHEN s."scheduledDays" >= ${literal(MATURE_INTERVAL_DAYS)} THEN 1 ELSE 0 END AS "mature",
           ${ifStudied(binCase(Prisma.sql`s."stability"`, STABILITY_BOUNDS))} AS "stabilityBin",
           ${ifStudied(binCase(Prisma.sql`s."difficulty"`, DIFFICULTY_BOUNDS))} AS "difficultyBin",
           ${ifStudied(binCase(currentRecall(kind, nowMs, curve), RECALL_BOUNDS))} AS "recallBin",
           COUNT(*) AS "count"
    ${statesOf(scope)}
    GROUP BY 1, 2, 3, 4, 5, 6`;
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
}

/** How far back a quiz counts as recent for topic mastery. */
export const RECENT_QUIZ_DAYS = 30;
/** Topics shown, weakest first. */
export const TOPICS_SHOWN = 12;

/**
 * Topic mastery: mean current recall of each topic's studied cards and the best
 * quiz score of the last 30 days. Started topics are ranked in the database
 * results; only the weakest few are looked up in full. With a deck chosen, its
 * topics not started yet fill the list after them.
 */
export async function topicRows(
  db: Db,
  kind: DatabaseKind,
  scope: CardScope,
  nowMs: number,
  curve: { decay: number; factor: number },
): Promise<TopicRow[]> {
  const [recallRows, quizRows] = await Promise.all([
    // A plain join, on purpose: a materialized card → topic map is faster when
    // SQLite indexes it on the fly, but without table statistics it may not, and
    // a forced table scan could be paired with a full scan per card.
    db.$queryRaw<Record<string, unknown>[]>`
      SELECT c."topicId" AS "topicId", COUNT(*) AS "studied", AVG(${currentRecall(kind, nowMs, curve)}) AS "meanRecall"
      FROM "CardState" s JOIN "Card" c ON c."id" = s."cardId"
      WHERE s."userId" = ${scope.userId} ${scope.documentId ? Prisma.sql`AND s."documentId" = ${scope.documentId}` : Prisma.empty}
        AND ${studied} AND c."topicId" IS NOT NULL
      GROUP BY c."topicId"`,
    db.quizAttempt.groupBy({
      by: ["topicId"],
      where: {
        userId: scope.userId,
        topicId: { not: null },
        score: { not: null },
        finishedAt: { gte: new Date(nowMs - RECENT_QUIZ_DAYS * DAY_MS) },
        ...(scope.documentId ? { documentId: scope.documentId } : {}),
      },
      _max: { score: true },
    }),
  ]);
  const byTopic = new Map<string, { studied: number; meanRecall: number | null; bestQuizScore: number | null }>();
  for (const row of recallRows) {
    byTopic.set(String(row.topicId), { studied: num(row.studied), meanRecall: numOrNull(row.meanRecall), bestQuizScore: null });
  }
  for (const row of quizRows) {
    if (!row.topicId) continue;
    const entry = byTopic.get(row.topicId) ?? { studied: 0, meanRecall: null, bestQuizScore: null };
    entry.bestQuizScore = row._max.score;
    byTopic.set(row.topicId, entry);
  }
  const strength = (e: { meanRecall: number | null; bestQuizScore: number | null }) => e.meanRecall ?? e.bestQuizScore ?? 1;
  const chosen = [...byTopic.entries()].sort((a, b) => strength(a[1]) - strength(b[1])).slice(0, TOPICS_SHOWN).map(([id]) => id);

  const select = { id: true, path: true, title: true, documentId: true, document: { select: { title: true } }, _count: { select: { cards: true } } } as const;
  const topics = await db.topic.findMany({ where: { id: { in: chosen }, document: visibleDocumentsWhere(scope.userId) }, select });
  if (scope.documentId && topics.length < TOPICS_SHOWN) {
    const more = await db.topic.findMany({
      where: { documentId: scope.documentId, document: visibleDocumentsWhere(scope.userId), id: { notIn: chosen } },
      orderBy: { order: "asc" },
      take: TOPICS_SHOWN - topics.length,
      select,
    });
    topics.push(...more);
  }
  return topics.map((topic) => {
    const entry = byTopic.get(topic.id);
    return {
      topicId: topic.id,
      documentId: topic.documentId,
      title: topic.title,
      path: topic.path,
      documentTitle: topic.document.title,
      cardCount: topic._count.cards,
      studied: entry?.studied ?? 0,
      meanRecall: entry?.meanRecall ?? null,
      bestQuizScore: entry?.bestQuizScore ?? null,
    };
  });
}
