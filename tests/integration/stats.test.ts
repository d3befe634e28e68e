// The stats aggregation queries against a real database (SQLite by default; set
// DATABASE_URL=postgresql://... to run them on PostgreSQL): a small known history
// goes in through Prisma, the figures the db layer returns are checked.
import { randomUUID } from "node:crypto";
import { forgetting_curve, default_w } from "ts-fsrs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseTarget } from "@/lib/config/database-url";
import { createDb, sqlOf, type Db } from "@/lib/db/runtime/client";
import { gradeReview, undoReview } from "@/lib/db/review/grade";
import { freshDatabase } from "@/lib/db/ops/fresh-database";
import { readOne, type Statement } from "@/lib/db/runtime/sql";
import { cardsCsv, reviewHistoryCsv } from "@/lib/db/stats/export";
import { cardStateSummary, dueByDay } from "@/lib/db/stats/cards";
import { loadStatsAggregates, loadStatsFigures } from "@/lib/db/stats/aggregates";
import { pastAnswersStamp } from "@/lib/db/stats/reviews";
import { curveFor, studyDayStart, type StudyUser } from "@/lib/scheduler";
import { aggregateInMemory, HISTORY, NOW, TIME_ZONE } from "@/lib/stats/fixtures/history";
import { dayRuleFor } from "@/lib/stats/study-days";

let target: DatabaseTarget;
let db: Db;
let user: StudyUser;
let documentId: string;
let otherDocumentId: string;
const cardIds: Record<string, string> = {};

const at = (iso: string) => new Date(iso);

/** CardStates of the history's cards after it (A relearned, F suspended, G reset to new). */
const STATES = {
  A: { state: 2, scheduledDays: 2, due: "2026-03-12T12:10:00Z", stability: 3, difficulty: 7, lastReview: "2026-03-10T12:10:00Z" },
  B: { state: 2, scheduledDays: 25, due: "2026-04-04T08:30:00Z", stability: 30, difficulty: 4, lastReview: "2026-03-10T08:30:00Z" },
  C: { state: 2, scheduledDays: 8, due: "2026-03-16T12:00:00Z", stability: 9, difficulty: 5, lastReview: "2026-03-08T08:30:00Z" },
  D: { state: 2, scheduledDays: 10, due: "2026-03-09T13:00:00Z", stability: 12, difficulty: 6, lastReview: "2026-02-27T13:00:00Z" },
  E: { state: 1, scheduledDays: 0, due: "2026-03-10T14:15:00Z", stability: 0.5, difficulty: 5, lastReview: "2026-03-10T14:05:00Z" },
  F: { state: 2, scheduledDays: 60, due: "2026-03-01T15:00:00Z", stability: 50, difficulty: 3, lastReview: "2026-01-15T15:00:00Z", suspended: true },
  G: { state: 0, scheduledDays: 0, due: "2026-03-01T00:00:00Z", stability: 0, difficulty: 0, lastReview: null },
} as const;

beforeAll(async () => {
  target = await freshDatabase(process.env.DATABASE_URL, "stats");
  db = createDb(target);
  const row = await db.user.create({ data: { email: "stats@example.com", passwordHash: "x", timeZone: TIME_ZONE, desiredRetention: 0.85 } });
  user = row;
  const doc = await db.document.create({ data: { ownerId: row.id, title: "Sleep", sourceText: "…", contentHash: "h1" } });
  const other = await db.document.create({ data: { ownerId: row.id, title: "Other", sourceText: "…", contentHash: "h2" } });
  documentId = doc.id;
  otherDocumentId = other.id;
  const t1 = await db.topic.create({ data: { documentId, path: "1", title: "Deep sleep", order: 1 } });
  const t2 = await db.topic.create({ data: { documentId, path: "2", title: "Light, \"blue\" and naps", order: 2 } });
  await db.topic.create({ data: { documentId, path: "3", title: "Not started", order: 3 } });
  const topicOf: Record<string, string> = { A: t1.id, B: t1.id, C: t1.id, D: t2.id, E: t2.id, F: t2.id };
  for (const [i, name] of ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"].entries()) {
    const card = await db.card.create({
      data: {
        documentId, topicId: topicOf[name] ?? null, fingerprint: `fp-${name}`, kind: "CLOZE",
        prompt: `Prompt ${name}, with "quotes"\nand a line`, answer: `answer ${name}`, source: "s", quality: 1, position: i,
      },
    });
    cardIds[name] = card.id;
  }
  for (const [name, s] of Object.entries(STATES)) {
    await db.cardState.create({
      data: {
        userId: row.id, cardId: cardIds[name], documentId, state: s.state, scheduledDays: s.scheduledDays, due: at(s.due),
        stability: s.stability, difficulty: s.difficulty, lastReview: s.lastReview ? at(s.lastReview) : null,
        suspended: "suspended" in s ? s.suspended : false, reps: 3, lapses: name === "A" ? 1 : 0,
      },
    });
  }
  let n = 0;
  for (const log of HISTORY) {
    await db.reviewLog.create({
      data: {
        userId: row.id, cardId: cardIds[log.card], clientRequestId: `req-${String(n++).padStart(4, "0")}`, mode: log.mode,
        rating: log.rating, reviewedAt: at(log.at), durationMs: log.durationMs, retrievability: log.retrievability,
        prevState: log.prevState, prevDue: at(log.at), prevStability: 1, prevDifficulty: 5, prevElapsedDays: 1,
        prevScheduledDays: log.prevScheduledDays, prevLearningSteps: 0, prevReps: 1, prevLapses: 0,
        prevLastReview: log.prevLastReview ? at(log.prevLastReview) : null,
        state: 2, due: at(log.at), stability: 2, difficulty: 5, scheduledDays: 1,
      },
    });
  }
  // An answer in another deck: counted for "all decks", not for the Sleep deck.
  const otherCard = await db.card.create({
    data: { documentId: otherDocumentId, fingerprint: "fp-x", kind: "CLOZE", prompt: "x", answer: "y", source: "s", quality: 1 },
  });
  await db.reviewLog.create({
    data: {
      userId: row.id, cardId: otherCard.id, clientRequestId: "req-other", mode: "REVIEW", rating: 1, reviewedAt: at("2026-03-10T14:30:00Z"),
      durationMs: 1000, retrievability: 0.9, prevState: 2, prevDue: at("2026-03-10T00:00:00Z"), prevStability: 5, prevDifficulty: 5,
      prevElapsedDays: 5, prevScheduledDays: 5, prevLearningSteps: 0, prevReps: 2, prevLapses: 0, prevLastReview: at("2026-03-05T14:30:00Z"),
      state: 3, due: at("2026-03-10T14:40:00Z"), stability: 2, difficulty: 6, scheduledDays: 0,
    },
  });
  await db.quizAttempt.create({
    data: { userId: row.id, documentId, topicId: t2.id, status: "FINISHED", questions: "[]", questionCount: 4, correctCount: 3, score: 0.75, finishedAt: at("2026-03-09T20:00:00Z") },
  });
  await db.quizAttempt.create({
    data: { userId: row.id, documentId, topicId: t2.id, status: "FINISHED", questions: "[]", questionCount: 4, correctCount: 1, score: 0.25, finishedAt: at("2026-03-10T13:05:00Z") },
  });
});

afterAll(async () => {
  await db?.$disconnect();
});

const byKey = <T,>(rows: T[]) => rows.map((row) => JSON.stringify(row)).sort();

describe(`stats aggregates (${process.env.DATABASE_URL?.startsWith("postgres") ? "PostgreSQL" : "SQLite"})`, () => {
  it("groups answers in the database exactly as the pure reference does (study days in New York, 4 a.m., across DST)", async () => {
    const aggregates = await loadStatsAggregates(db, user, NOW, { documentId, range: "all" });
    const reference = aggregateInMemory(HISTORY, dayRuleFor(TIME_ZONE, Date.parse("2025-12-01T00:00:00Z"), NOW.getTime()));
    expect(byKey(aggregates.daily)).toEqual(byKey(reference.daily));
    expect(byKey(aggregates.retention)).toEqual(byKey(reference.retention));
    expect(byKey(aggregates.hours)).toEqual(byKey(reference.hours));
    expect(aggregates.calibration.map((c) => [c.bin, c.count, c.passed]).sort()).toEqual(reference.calibration.map((c) => [c.bin, c.count, c.passed]).sort());
  });

  it("computes true retention, activity and streaks for the deck", async () => {
    const figures = await loadStatsFigures(db, user, NOW, { documentId, range: "1m" });
    const today = figures.retention.periods[0];
    expect([today.young.passed, today.young.total, today.mature.passed, today.mature.total]).toEqual([1, 1, 0, 1]);
    expect(figures.retention.periods.find((p) => p.key === "all")!.total).toMatchObject({ passed: 4, total: 5 });
    expect(figures.retention.desired).toBe(0.85);
    expect(figures.activity.buckets.at(-1)).toMatchObject({ date: "2026-03-10", learning: 2, review: 2, relearning: 1, quiz: 1, total: 6 });
    expect(figures.activity.totals.reviews).toBe(8);
    expect(figures.calendar).toMatchObject({ currentStreak: 3, longestStreak: 3 });
    expect(figures.buttons.buttons.map((b) => b.count)).toEqual([2, 0, 6, 0]);
    expect(figures.hours.total).toBe(7); // F (January) is outside the month
    expect(figures.calibration.count).toBe(4);
  });

  it("includes every deck without a deck filter", async () => {
    const figures = await loadStatsFigures(db, user, NOW, { range: "1m" });
    expect(figures.activity.buckets.at(-1)!.total).toBe(7);
    expect(figures.retention.periods[0].young).toMatchObject({ passed: 1, total: 2 });
    expect(figures.cards.total).toBe(11);
  });

  it("forecasts due cards per study day with the overdue backlog apart", async () => {
    const { forecast } = await loadStatsFigures(db, user, NOW, { documentId, range: "1m" });
    expect(forecast.overdue).toBe(1); // D, due yesterday (F is suspended)
    expect(forecast.dueToday).toBe(1); // E's learning step
    expect(forecast.days.filter((d) => d.count > 0).map((d) => [d.inDays, d.count])).toEqual([
      [0, 1],
      [2, 1], // A
      [6, 1], // C: 2026-03-16 08:00 EDT
      [25, 1], // B: 2026-04-04 04:30 EDT
    ]);
  });

  it("counts cards by state and bins their memory", async () => {
    const { cards, memory } = await loadStatsFigures(db, user, NOW, { documentId, range: "1m" });
    expect(cards).toEqual({ new: 4, learning: 1, young: 3, mature: 1, suspended: 1, total: 10 });
    expect(memory.studied).toBe(5);
    expect(memory.stability.map((b) => b.count)).toEqual([1, 0, 1, 0, 2, 0, 1, 0, 0, 0]);
    expect(memory.difficulty.map((b) => b.count)).toEqual([0, 0, 0, 1, 2, 1, 1, 0, 0]); // 4, 5, 5, 6, 7
    const recallTotal = memory.recall.reduce((sum, b) => sum + b.count, 0);
    expect(recallTotal).toBe(5);
  });

  it("gives the same card figures when SQLite reads the whole CardState table instead of an index", async () => {
    const rule = dayRuleFor(TIME_ZONE, Date.parse("2025-12-01T00:00:00Z"), NOW.getTime() + 40 * 86_400_000);
    const until = NOW.getTime() + 31 * 86_400_000;
    const curve = curveFor(null);
    const indexed = { userId: user.id, documentId };
    const { dialect } = sqlOf(db);
    const whole = { ...indexed, wholeTable: dialect === "sqlite" };
    const read = <T,>(statement: Statement<T>) => readOne(sqlOf(db), statement);
    expect(byKey((await read(cardStateSummary(dialect, whole, NOW.getTime(), curve))).memory)).toEqual(
      byKey((await read(cardStateSummary(dialect, indexed, NOW.getTime(), curve))).memory),
    );
    expect(byKey(await read(dueByDay(dialect, whole, rule, until)))).toEqual(byKey(await read(dueByDay(dialect, indexed, rule, until))));
  });

  it("ranks topics weakest first with mean current recall and the best recent quiz score", async () => {
    const { topics } = await loadStatsFigures(db, user, NOW, { documentId, range: "1m" });
    const recall = (name: keyof typeof STATES) => {
      const s = STATES[name];
      return forgetting_curve(default_w, (NOW.getTime() - Date.parse(s.lastReview!)) / 86_400_000, s.stability);
    };
    const deepSleep = (recall("A") + recall("B") + recall("C")) / 3;
    // E is in learning: it counts as learning, not in the recall.
    const light = recall("D");
    expect(topics.map((t) => t.title)).toEqual(
      light < deepSleep ? ["Light, \"blue\" and naps", "Deep sleep", "Not started"] : ["Deep sleep", "Light, \"blue\" and naps", "Not started"],
    );
    const byTitle = Object.fromEntries(topics.map((t) => [t.title, t]));
    expect(byTitle["Deep sleep"].meanRecall).toBeCloseTo(deepSleep, 6);
    expect(byTitle["Light, \"blue\" and naps"]).toMatchObject({ studied: 1, learning: 1, bestQuizScore: 0.75, cardCount: 3 });
    expect(byTitle["Light, \"blue\" and naps"].meanRecall).toBeCloseTo(light, 6);
    expect(byTitle["Not started"]).toMatchObject({ started: false, meanRecall: null, href: `/documents/${documentId}#topics` });
  });

  it("reuses past days' aggregates only while the history before today is unchanged", async () => {
    const load = () => loadStatsFigures(db, user, NOW, { documentId, range: "1m" });
    expect((await load()).activity.totals.reviews).toBe(8);
    // A new answer today is counted at once (today is never cached).
    const extra = await db.reviewLog.create({
      data: {
        userId: user.id, cardId: cardIds.H, clientRequestId: "req-today", mode: "REVIEW", rating: 3, reviewedAt: at("2026-03-10T14:55:00Z"),
        durationMs: 1000, retrievability: null, prevState: 0, prevDue: at("2026-03-10T14:55:00Z"), prevStability: 0, prevDifficulty: 0,
        prevElapsedDays: 0, prevScheduledDays: 0, prevLearningSteps: 0, prevReps: 0, prevLapses: 0, prevLastReview: null,
        state: 1, due: at("2026-03-10T15:05:00Z"), stability: 2, difficulty: 5, scheduledDays: 0,
      },
    });
    expect((await load()).activity.totals.reviews).toBe(9);
    // Removing the latest answer before today (yesterday's review of B) invalidates the cached past.
    const yesterday = await db.reviewLog.findFirstOrThrow({ where: { userId: user.id, reviewedAt: at("2026-03-10T07:30:00Z") } });
    await db.reviewLog.deleteMany({ where: { id: { in: [yesterday.id, extra.id] } } });
    const after = await load();
    expect(after.activity.totals.reviews).toBe(7);
    expect(after.retention.periods[1].total.total).toBe(0);
    await db.reviewLog.create({ data: { ...yesterday } });
  });

  it("keeps the cached past while only today changes, and notices answers before today added or undone", async () => {
    const learner = await db.user.create({ data: { email: "undo@example.com", passwordHash: "x", timeZone: TIME_ZONE } });
    const deck = await db.document.create({ data: { ownerId: learner.id, title: "Undo", sourceText: "…", contentHash: "h3" } });
    const [early, late, quizzed] = await Promise.all(
      [0, 1, 2].map((position) =>
        db.card.create({ data: { documentId: deck.id, fingerprint: `undo-${position}`, kind: "CLOZE", prompt: "p", answer: "a", source: "s", quality: 1, position } }),
      ),
    );
    const grade = (cardId: string, when: Date) => gradeReview(db, learner, { cardId, rating: 3, clientRequestId: randomUUID(), durationMs: 1000 }, when);
    const stamp = () => readOne(sqlOf(db), pastAnswersStamp(learner.id, studyDayStart(NOW, TIME_ZONE).getTime()));
    const answers = async () => (await loadStatsFigures(db, learner, NOW, { range: "1m" })).activity.totals.reviews;

    const yesterday = await grade(early.id, at("2026-03-09T22:00:00Z"));
    expect(await answers()).toBe(1);
    // A quiz answer later yesterday, written after the past was cached (as one committed just as the day turned).
    await db.reviewLog.create({
      data: {
        userId: learner.id, cardId: quizzed.id, clientRequestId: "req-quiz", mode: "QUIZ", rating: 3, reviewedAt: at("2026-03-09T23:00:00Z"),
        durationMs: 1000, retrievability: null, prevState: 0, prevDue: at("2026-03-09T23:00:00Z"), prevStability: 0, prevDifficulty: 0,
        prevElapsedDays: 0, prevScheduledDays: 0, prevLearningSteps: 0, prevReps: 0, prevLapses: 0, prevLastReview: null,
        state: 0, due: at("2026-03-09T23:00:00Z"), stability: 0, difficulty: 0, scheduledDays: 0,
      },
    });
    expect(await answers()).toBe(2);
    const past = await stamp();
    const today = await grade(late.id, NOW);
    expect(await stamp()).toBe(past);
    expect(await answers()).toBe(3);
    await undoReview(db, learner.id, today.reviewLogId);
    expect(await stamp()).toBe(past);
    expect(await answers()).toBe(2);
    // Yesterday's review is now the latest review answer, so it can be undone: the past changes although a quiz answer followed it.
    expect(await undoReview(db, learner.id, yesterday.reviewLogId)).toMatchObject({ undone: true });
    expect(await stamp()).not.toBe(past);
    expect(await answers()).toBe(1);
  });

  it("exports the review history in the FSRS optimizer's layout, page by page", async () => {
    let csv = "";
    for await (const chunk of reviewHistoryCsv(db, user.id, 3)) csv += chunk;
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("card_id,review_time,review_rating,review_state,review_duration");
    // Quiz answers that left the schedule alone are practice, not reviews: not exported.
    const reviews = HISTORY.filter((log) => log.mode === "REVIEW");
    expect(reviews.length).toBeLessThan(HISTORY.length);
    expect(lines).toHaveLength(reviews.length + 2);
    expect(lines[1]).toBe(`${cardIds.F},${Date.parse("2026-01-15T15:00:00Z")},4,2,6000`);
    expect(lines).toContain(`${cardIds.E},${Date.parse("2026-03-10T14:00:00Z")},3,0,6000`);
    const times = lines.slice(1).map((line) => Number(line.split(",")[1]));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it("exports the cards with quoted fields and the user's state", async () => {
    let csv = "";
    for await (const chunk of cardsCsv(db, user.id, 4)) csv += chunk;
    expect(csv.startsWith("id,document,topic,kind,prompt,answer,state,due,stability,difficulty,reps,lapses,suspended\r\n")).toBe(true);
    expect(csv).toContain(`${cardIds.F},Sleep,"Light, ""blue"" and naps",CLOZE,"Prompt F, with ""quotes""\nand a line",answer F,review,2026-03-01T15:00:00.000Z,50,3,3,0,true\r\n`);
    expect(csv).toContain(`${cardIds.J},Sleep,,CLOZE,`);
    expect(csv.match(/\r\n/g)).toHaveLength(12); // header, 10 cards, the other deck's card
  });
});
