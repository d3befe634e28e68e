/**
 * Figure 1: the grade loop in process. `gradeReview` (Prisma) against an anchor
 * doing the same statements with the raw driver (better-sqlite3 on SQLite, pg on
 * PostgreSQL) around the same `gradeCard`, in the same run, on the same data.
 * Rounds alternate between the two so machine noise hits both alike.
 */
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import type { DatabaseTarget } from "../../lib/config/database-url";
import type { Db } from "../../lib/db/runtime/client";
import { gradeReview } from "../../lib/db/review/grade";
import { CardState, gradeCard, type CardMemoryRow, parseCardMemory, settingsFromUser, studyDayEnd, studyDayStart, type Rating, type StudyUser } from "../../lib/scheduler";
import { median, percentile } from "../measure";
import { row, type Row } from "../report";
import type { Grader } from "../synthetic-data";

type GradeOne = (user: StudyUser, cardId: string, rating: Rating, requestId: string) => Promise<void>;

const ratingFor = (n: number): Rating => (n % 10 === 0 ? 1 : 3);

/** The anchor: the same idempotency lookup, visibility check, state read, daily count, update and insert. */
async function rawGrader(target: DatabaseTarget, now: Date): Promise<{ grade: GradeOne; close: () => Promise<void> }> {
  const logColumns = ["id", "userId", "cardId", "clientRequestId", "mode", "rating", "reviewedAt", "durationMs", "retrievability",
    "prevState", "prevDue", "prevStability", "prevDifficulty", "prevElapsedDays", "prevScheduledDays", "prevLearningSteps",
    "prevReps", "prevLapses", "prevLastReview", "state", "due", "stability", "difficulty", "scheduledDays"];
  const stateSet = ["due", "stability", "difficulty", "elapsedDays", "scheduledDays", "learningSteps", "reps", "lapses", "state", "lastReview"];
  const sql = {
    applied: `SELECT "id", "cardId" FROM "ReviewLog" WHERE "userId" = $1 AND "clientRequestId" = $2`,
    card: `SELECT c."documentId" FROM "Card" c JOIN "Document" d ON d."id" = c."documentId" WHERE c."id" = $1 AND (d."ownerId" = $2 OR (d."ownerId" IS NULL AND EXISTS (SELECT 1 FROM "SampleDeckChoice" choice WHERE choice."userId" = $2)))`,
    state: `SELECT * FROM "CardState" WHERE "userId" = $1 AND "cardId" = $2`,
    today: `SELECT "prevState", COUNT(*) AS n FROM "ReviewLog" WHERE "userId" = $1 AND "mode" = 'REVIEW' AND "reviewedAt" >= $2 GROUP BY "prevState"`,
    update: `UPDATE "CardState" SET ${stateSet.map((c, i) => `"${c}" = $${i + 1}`).join(", ")}, "version" = "version" + 1, "updatedAt" = $11 WHERE "id" = $12 AND "version" = $13`,
    insert: `INSERT INTO "ReviewLog" (${logColumns.map((c) => `"${c}"`).join(", ")}) VALUES (${logColumns.map((_, i) => `$${i + 1}`).join(", ")})`,
  };

  function compute(user: StudyUser, stateRow: Record<string, unknown>, toDate: (v: unknown) => Date | null, counts: { prevState: number; n: number }[], cardId: string, rating: Rating) {
    const settings = settingsFromUser(user);
    const memory = parseCardMemory({ ...(stateRow as unknown as CardMemoryRow), due: toDate(stateRow.due)!, lastReview: toDate(stateRow.lastReview) });
    if (memory.due.getTime() >= studyDayEnd(now, settings.timeZone, settings.dayStartHour).getTime()) throw new Error("not due");
    const reviews = counts.find((c) => Number(c.prevState) === CardState.Review)?.n ?? 0;
    if (memory.state === CardState.Review && Number(reviews) >= settings.dailyReviewLimit) throw new Error("review limit");
    return gradeCard({ cardId, memory, rating, now, settings });
  }

  if (target.kind === "sqlite") {
    const { default: Database } = await import("better-sqlite3");
    const db = new Database(target.file!, { timeout: 10_000 });
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    const q = Object.fromEntries(Object.entries(sql).map(([k, s]) => [k, db.prepare(s.replace(/\$\d+/g, "?"))])) as Record<keyof typeof sql, import("better-sqlite3").Statement>;
    const toDate = (v: unknown) => (v === null ? null : new Date(Number(v)));
    const ms = (d: Date | null) => (d === null ? null : d.getTime());
    const run = db.transaction((user: StudyUser, cardId: string, rating: Rating, requestId: string) => {
      // positional "?" on SQLite: the user id goes in for both of the query's $2
      const card = q.card.get(cardId, user.id, user.id);
      if (!card) throw new Error("no card");
      const stateRow = q.state.get(user.id, cardId) as Record<string, unknown>;
      const settings = settingsFromUser(user);
      const counts = q.today.all(user.id, studyDayStart(now, settings.timeZone, settings.dayStartHour).getTime()) as { prevState: number; n: number }[];
      const { memory, log } = compute(user, stateRow, toDate, counts, cardId, rating);
      const changed = q.update.run(ms(memory.due), memory.stability, memory.difficulty, memory.elapsedDays, memory.scheduledDays,
        memory.learningSteps, memory.reps, memory.lapses, memory.state, ms(memory.lastReview), now.getTime(), stateRow.id, stateRow.version);
      if (changed.changes !== 1) throw new Error("stale");
      q.insert.run(randomUUID(), user.id, cardId, requestId, "REVIEW", log.rating, ms(log.reviewedAt), 1500, log.retrievability,
        log.prevState, ms(log.prevDue), log.prevStability, log.prevDifficulty, log.prevElapsedDays, log.prevScheduledDays,
        log.prevLearningSteps, log.prevReps, log.prevLapses, ms(log.prevLastReview), log.state, ms(log.due), log.stability,
        log.difficulty, log.scheduledDays);
    });
    return {
      grade: async (user, cardId, rating, requestId) => {
        if (q.applied.get(user.id, requestId)) return;
        run(user, cardId, rating, requestId);
      },
      close: async () => void db.close(),
    };
  }

  const { Client } = await import("pg");
  const client = new Client({ connectionString: target.url });
  await client.connect();
  const toDate = (v: unknown) => (v === null ? null : (v as Date));
  const iso = (d: Date | null) => (d === null ? null : d.toISOString().slice(0, -1));
  return {
    grade: async (user, cardId, rating, requestId) => {
      if ((await client.query(sql.applied, [user.id, requestId])).rowCount) return;
      await client.query("BEGIN");
      try {
        const card = await client.query(sql.card, [cardId, user.id]);
        if (!card.rowCount) throw new Error("no card");
        const stateRow = (await client.query(sql.state, [user.id, cardId])).rows[0];
        const settings = settingsFromUser(user);
        const counts = (await client.query(sql.today, [user.id, iso(studyDayStart(now, settings.timeZone, settings.dayStartHour))])).rows;
        const { memory, log } = compute(user, stateRow, toDate, counts, cardId, rating);
        const changed = await client.query(sql.update, [iso(memory.due), memory.stability, memory.difficulty, memory.elapsedDays,
          memory.scheduledDays, memory.learningSteps, memory.reps, memory.lapses, memory.state, iso(memory.lastReview), iso(now), stateRow.id, stateRow.version]);
        if (changed.rowCount !== 1) throw new Error("stale");
        await client.query(sql.insert, [randomUUID(), user.id, cardId, requestId, "REVIEW", log.rating, iso(log.reviewedAt), 1500,
          log.retrievability, log.prevState, iso(log.prevDue), log.prevStability, log.prevDifficulty, log.prevElapsedDays,
          log.prevScheduledDays, log.prevLearningSteps, log.prevReps, log.prevLapses, iso(log.prevLastReview), log.state, iso(log.due),
          log.stability, log.difficulty, log.scheduledDays]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    },
    close: () => client.end(),
  };
}

/** Grades the next `count` cards of `users` round-robin; returns per-grade milliseconds. */
async function round(grade: GradeOne, users: { user: StudyUser; cards: string[] }[], count: number, tag: string): Promise<number[]> {
  const times: number[] = [];
  for (let n = 0; n < count; n++) {
    const slot = users[n % users.length];
    const cardId = slot.cards.pop();
    if (!cardId) throw new Error("benchmark ran out of due cards");
    const start = performance.now();
    await grade(slot.user, cardId, ratingFor(n), `${tag}-${n}`);
    times.push(performance.now() - start);
  }
  return times;
}

export interface GradeLoopSizes {
  rounds: number;
  gradesPerRound: number;
}

export async function gradeLoopInProcess(db: Db, target: DatabaseTarget, graders: Grader[], now: Date, sizes: GradeLoopSizes): Promise<Row[]> {
  const half = Math.floor(graders.length / 2);
  const load = async (list: Grader[]) =>
    Promise.all(list.map(async (g) => ({ user: (await db.user.findUniqueOrThrow({ where: { id: g.id } })) as StudyUser, cards: [...g.cardIds] })));
  const prismaUsers = await load(graders.slice(0, half));
  const rawUsers = await load(graders.slice(half));
  const raw = await rawGrader(target, now);
  const viaPrisma: GradeOne = async (user, cardId, rating, requestId) => {
    await gradeReview(db, user, { cardId, rating, clientRequestId: requestId, durationMs: 1500 }, now);
  };
  try {
    const warm = Math.min(50, Math.floor(sizes.gradesPerRound / 4));
    await round(viaPrisma, prismaUsers, warm, "warm-p");
    await round(raw.grade, rawUsers, warm, "warm-r");
    const rates = { prisma: [] as number[], raw: [] as number[] };
    const latencies = { prisma: [] as number[], raw: [] as number[] };
    for (let r = 0; r < sizes.rounds; r++) {
      for (const [name, grade, users] of [["prisma", viaPrisma, prismaUsers], ["raw", raw.grade, rawUsers]] as const) {
        const start = performance.now();
        const times = await round(grade, users, sizes.gradesPerRound, `${name}-${r}`);
        rates[name].push((sizes.gradesPerRound / (performance.now() - start)) * 1000);
        latencies[name].push(...times);
      }
    }
    const prismaRate = median(rates.prisma);
    const rawRate = median(rates.raw);
    const ratio = prismaRate / rawRate;
    const size = `${sizes.rounds}×${sizes.gradesPerRound} grades, ${half} users`;
    const anchorName = target.kind === "sqlite" ? "raw better-sqlite3" : "raw pg";
    return [
      row({ figure: "1 grade loop in process (gradeReview)", db: target.kind, size, unit: "grades/s", median: prismaRate,
        p99: null, target: "≥ 50% of anchor", anchorRatio: ratio, met: ratio >= 0.5 }),
      row({ figure: "1 grade latency in process (gradeReview)", db: target.kind, size, unit: "ms", median: median(latencies.prisma), p99: percentile(latencies.prisma, 99) }),
      row({ figure: `1 anchor: same work, ${anchorName}`, db: target.kind, size, unit: "grades/s", median: rawRate, anchorRatio: 1 }),
      row({ figure: `1 anchor latency, ${anchorName}`, db: target.kind, size, unit: "ms", median: median(latencies.raw), p99: percentile(latencies.raw, 99) }),
    ];
  } finally {
    await raw.close();
  }
}
