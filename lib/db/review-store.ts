/**
 * The statements of the grade path, in plain SQL that both databases accept (quoted
 * identifiers, bound parameters; dates as Date values, which each driver adapter stores
 * in its own format). Prisma 6.19 compiles every ORM query anew, about 1 ms of CPU
 * each; a raw statement skips that, and grading is the app's hottest write.
 */
import type { CardMemory, ReviewLogFields } from "../scheduler";
import type { Db } from "./client";
import { newId } from "./ids";
import { Prisma } from "./generated/sqlite/client";

type Sql = Pick<Db, "$queryRaw" | "$executeRaw">;

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

/** The scheduling columns of a CardState row read with raw SQL (numbers may arrive as bigint or 0/1). */
function memoryColumns(row: Record<string, unknown>): CardMemory {
  return {
    due: row.due as Date,
    stability: Number(row.stability),
    difficulty: Number(row.difficulty),
    elapsedDays: Number(row.elapsedDays),
    scheduledDays: Number(row.scheduledDays),
    learningSteps: Number(row.learningSteps),
    reps: Number(row.reps),
    lapses: Number(row.lapses),
    state: Number(row.state) as CardMemory["state"],
    lastReview: (row.lastReview as Date | null) ?? null,
  };
}

/** The columns read by name; the memory columns go through memoryColumns. */
type ContextRow = Record<string, unknown> & {
  documentId: string;
  stateId: string | null;
  version: unknown;
  suspended: unknown;
  logId: string | null;
  logCardId: string | null;
  logRating: unknown;
  logDue: Date | null;
  logReviewedAt: Date | null;
};

/** The card (if the user may see it), the user's state for it and any earlier use of the request id: one query. */
export async function readGradeContext(db: Sql, userId: string, cardId: string, clientRequestId: string): Promise<GradeContext | null> {
  const [row] = await db.$queryRaw<ContextRow[]>`
    SELECT c."documentId", s."id" AS "stateId", s."version", s."suspended", s."due", s."stability", s."difficulty",
           s."elapsedDays", s."scheduledDays", s."learningSteps", s."reps", s."lapses", s."state", s."lastReview",
           l."id" AS "logId", l."cardId" AS "logCardId", l."rating" AS "logRating", l."due" AS "logDue", l."reviewedAt" AS "logReviewedAt"
    FROM "Card" c
    JOIN "Document" d ON d."id" = c."documentId"
    LEFT JOIN "CardState" s ON s."cardId" = c."id" AND s."userId" = ${userId}
    LEFT JOIN "ReviewLog" l ON l."userId" = ${userId} AND l."clientRequestId" = ${clientRequestId}
    WHERE c."id" = ${cardId} AND (d."ownerId" = ${userId} OR d."ownerId" IS NULL)`;
  if (!row) return null;
  return {
    documentId: row.documentId,
    state:
      row.stateId === null
        ? null
        : {
            id: row.stateId,
            version: Number(row.version),
            suspended: Boolean(row.suspended),
            ...memoryColumns(row),
          },
    applied:
      row.logId === null
        ? null
        : { id: row.logId, cardId: row.logCardId!, rating: Number(row.logRating), due: row.logDue!, reviewedAt: row.logReviewedAt! },
  };
}

/** Today's review answers by the card's state before them (what the daily limits count). */
export async function answersTodayByState(db: Pick<Db, "$queryRaw">, userId: string, dayStart: Date): Promise<Map<number, number>> {
  const rows = await db.$queryRaw<{ prevState: unknown; answers: unknown }[]>`
    SELECT "prevState", COUNT(*) AS "answers" FROM "ReviewLog"
    WHERE "userId" = ${userId} AND "reviewedAt" >= ${dayStart} AND "mode" = 'REVIEW'
    GROUP BY "prevState"`;
  return new Map(rows.map((row) => [Number(row.prevState), Number(row.answers)]));
}

/** Writes the next memory if the state is still at `version`; false when someone else changed it first. */
export async function updateCardState(db: Sql, stateId: string, version: number, memory: CardMemory, now: Date): Promise<boolean> {
  const changed = await db.$executeRaw`
    UPDATE "CardState" SET "due" = ${memory.due}, "stability" = ${memory.stability}, "difficulty" = ${memory.difficulty},
      "elapsedDays" = ${memory.elapsedDays}, "scheduledDays" = ${memory.scheduledDays}, "learningSteps" = ${memory.learningSteps},
      "reps" = ${memory.reps}, "lapses" = ${memory.lapses}, "state" = ${memory.state}, "lastReview" = ${memory.lastReview},
      "version" = "version" + 1, "updatedAt" = ${now}
    WHERE "id" = ${stateId} AND "version" = ${version}`;
  return changed === 1;
}

export async function insertCardState(db: Sql, row: { userId: string; cardId: string; documentId: string; memory: CardMemory; now: Date }): Promise<void> {
  const { memory } = row;
  await db.$executeRaw`
    INSERT INTO "CardState" ("id", "userId", "cardId", "documentId", "due", "stability", "difficulty", "elapsedDays", "scheduledDays",
      "learningSteps", "reps", "lapses", "state", "lastReview", "suspended", "version", "updatedAt")
    VALUES (${newId()}, ${row.userId}, ${row.cardId}, ${row.documentId}, ${memory.due}, ${memory.stability}, ${memory.difficulty},
      ${memory.elapsedDays}, ${memory.scheduledDays}, ${memory.learningSteps}, ${memory.reps}, ${memory.lapses}, ${memory.state},
      ${memory.lastReview}, ${false}, ${0}, ${row.now})`;
}

export async function insertReviewLog(
  db: Sql,
  row: { userId: string; cardId: string; clientRequestId: string; mode: "REVIEW" | "QUIZ"; durationMs: number; log: ReviewLogFields },
): Promise<StoredLog> {
  const { log } = row;
  const id = newId();
  await db.$executeRaw`
    INSERT INTO "ReviewLog" ("id", "userId", "cardId", "clientRequestId", "mode", "rating", "reviewedAt", "durationMs", "retrievability",
      "prevState", "prevDue", "prevStability", "prevDifficulty", "prevElapsedDays", "prevScheduledDays", "prevLearningSteps",
      "prevReps", "prevLapses", "prevLastReview", "state", "due", "stability", "difficulty", "scheduledDays")
    VALUES (${id}, ${row.userId}, ${row.cardId}, ${row.clientRequestId}, ${row.mode}, ${log.rating}, ${log.reviewedAt}, ${row.durationMs},
      ${log.retrievability}, ${log.prevState}, ${log.prevDue}, ${log.prevStability}, ${log.prevDifficulty}, ${log.prevElapsedDays},
      ${log.prevScheduledDays}, ${log.prevLearningSteps}, ${log.prevReps}, ${log.prevLapses}, ${log.prevLastReview}, ${log.state},
      ${log.due}, ${log.stability}, ${log.difficulty}, ${log.scheduledDays})`;
  return { id, cardId: row.cardId, rating: log.rating, due: log.due, reviewedAt: log.reviewedAt };
}

export interface DueStateRow extends CardMemory {
  cardId: string;
  source: string;
}

/**
 * The user's unsuspended cards in `states` due before `dueBefore`, soonest first, with
 * their source sentence (siblings are kept apart by it). Walks the (userId, due) index.
 */
export async function dueStates(
  db: Pick<Db, "$queryRaw">,
  query: { userId: string; states: number[]; dueBefore: Date; limit: number; documentId?: string },
): Promise<DueStateRow[]> {
  const inDocument = query.documentId ? Prisma.sql`AND s."documentId" = ${query.documentId}` : Prisma.empty;
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT s."cardId", c."source", s."due", s."stability", s."difficulty", s."elapsedDays", s."scheduledDays",
           s."learningSteps", s."reps", s."lapses", s."state", s."lastReview"
    FROM "CardState" s JOIN "Card" c ON c."id" = s."cardId"
    WHERE s."userId" = ${query.userId} AND s."due" < ${query.dueBefore} AND s."suspended" = ${false}
      AND s."state" IN (${Prisma.join(query.states)}) ${inDocument}
    ORDER BY s."due"
    LIMIT ${query.limit}`;
  return rows.map((row) => ({
    cardId: row.cardId as string,
    source: row.source as string,
    ...memoryColumns(row),
  }));
}

export async function countDueStates(
  db: Pick<Db, "$queryRaw">,
  query: { userId: string; states: number[]; dueBefore: Date; documentId?: string },
): Promise<number> {
  const inDocument = query.documentId ? Prisma.sql`AND "documentId" = ${query.documentId}` : Prisma.empty;
  const [row] = await db.$queryRaw<{ due: unknown }[]>`
    SELECT COUNT(*) AS "due" FROM "CardState"
    WHERE "userId" = ${query.userId} AND "due" < ${query.dueBefore} AND "suspended" = ${false}
      AND "state" IN (${Prisma.join(query.states)}) ${inDocument}`;
  return Number(row.due);
}
