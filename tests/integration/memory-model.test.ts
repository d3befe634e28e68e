import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBulkWriter } from "../../bench/bulk-writer";
import { loadLearner, simulateLearner } from "../../bench/synthetic-learner";
import { changeParameters } from "../../lib/db/memory-model/change";
import { HEARTBEAT_MS, activeJob, cancelOptimisation, takeOverStaleJobs, STALE_AFTER_MS, type JobRow } from "../../lib/db/memory-model/jobs";
import { runJob, startOptimisation, type OptimisationRecord } from "../../lib/db/memory-model/runner";
import { memoryModelStatus } from "../../lib/db/memory-model/status";
import { autoOptimisationDue, sweepJobs } from "../../lib/db/memory-model/sweeper";
import { freshDatabase } from "../../lib/db/ops/fresh-database";
import { createDb, type Db } from "../../lib/db/runtime/client";
import { gradeReview } from "../../lib/db/review/grade";
import { logLoss, predictions } from "../../lib/memory-model/predictions";
import { cardHistories } from "../../lib/memory-model/review-history";
import { DEFAULT_PARAMETERS, gradeCard, parseCardMemory, settingsFromUser } from "../../lib/scheduler";

const DAY = 86_400_000;
const cutoff = new Date("2026-05-01T12:00:00Z");
const learner = { cards: 500, days: 240, newPerDay: 6, seed: 5 };
let db: Db;
let users: Record<"learner" | "few" | "killed" | "auto", { id: string; cardIds: string[] }>;

beforeAll(async () => {
  const target = await freshDatabase(process.env.DATABASE_URL, "memory_model");
  db = createDb(target);
  const writer = await openBulkWriter(target);
  const load = (tag: string, spec = learner) => loadLearner(writer, { ...spec, tag, email: `${tag}@example.com`, passwordHash: "unused", now: cutoff });
  users = { learner: await load("lrn"), few: await load("few", { cards: 60, days: 40, newPerDay: 3, seed: 6 }), killed: await load("kil"), auto: await load("aut") };
  await writer.close();
}, 120_000);
afterAll(async () => db?.$disconnect());

const studyUser = (id: string) => db.user.findUniqueOrThrow({ where: { id } });

/** Waits for the user's active job to end; returns the job as it ended. */
async function settled(userId: string, jobId: string): Promise<JobRow> {
  for (let i = 0; i < 600; i++) {
    const job = (await db.memoryModelJob.findUniqueOrThrow({ where: { id: jobId } })) as JobRow;
    if (job.status !== "RUNNING") return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Job ${jobId} of ${userId} did not end`);
}

const resultOf = (job: JobRow) => JSON.parse(job.result!) as OptimisationRecord;

describe("optimising a learner's memory model", () => {
  it("finds parameters that predict the learner's held-out later reviews better than the defaults", async () => {
    const job = await startOptimisation(db, users.learner.id, "MANUAL", new Date());
    await expect(startOptimisation(db, users.learner.id, "MANUAL", new Date())).rejects.toMatchObject({ code: "OPTIMISATION_RUNNING" });
    const done = await settled(users.learner.id, job.id);
    expect(done.status).toBe("DONE");
    const record = resultOf(done);
    expect(record.better).toBe(true);
    expect(record.metrics.optimised!.logLoss).toBeLessThan(record.metrics.current!.logLoss);
    // Nothing is adopted until the user says so.
    expect((await studyUser(users.learner.id)).fsrsParams).toBeNull();

    // The learner goes on for two months after the history the optimiser saw.
    const { answers } = simulateLearner({ ...learner, now: new Date(cutoff.getTime() + 60 * DAY), days: learner.days + 60 });
    const rows = answers.map((a) => ({ cardId: String(a.card), at: a.log.reviewedAt.getTime(), rating: a.log.rating, state: a.log.prevState }));
    const histories = cardHistories(rows, { timeZone: "UTC", dayStartHour: 4 });
    const later = (params: readonly number[]) => logLoss(predictions(params, histories, cutoff.getTime()))!;
    expect(predictions(DEFAULT_PARAMETERS, histories, cutoff.getTime()).length).toBeGreaterThan(300);
    expect(later(record.params!)).toBeLessThan(later(DEFAULT_PARAMETERS));
  });

  it("adopts on request, recomputes every studied card's memory, and moves due dates only when asked", async () => {
    const userId = users.learner.id;
    const status = await memoryModelStatus(db, await studyUser(userId), new Date());
    const statesBefore = await db.cardState.findMany({ where: { userId }, orderBy: { cardId: "asc" } });
    const recompute = await changeParameters(db, await studyUser(userId), { from: "optimisation", jobId: status.lastOptimisation!.id, reschedule: false }, new Date());
    expect((await settled(userId, recompute.id)).status).toBe("DONE");
    const user = await studyUser(userId);
    expect(JSON.parse(user.fsrsParams!)).toEqual(status.lastOptimisation!.result!.params);
    const after = await db.cardState.findMany({ where: { userId }, orderBy: { cardId: "asc" } });
    expect(after.map((s) => s.due)).toEqual(statesBefore.map((s) => s.due));
    expect(after.filter((s, i) => s.state !== 0 && s.stability !== statesBefore[i].stability).length).toBeGreaterThan(statesBefore.length / 2);
    await expect(changeParameters(db, user, { from: "optimisation", jobId: status.lastOptimisation!.id, reschedule: false }, new Date())).rejects.toMatchObject({ code: "ALREADY_ADOPTED" });

    // Back to the defaults, this time rescheduling: review cards' due dates move.
    const back = await changeParameters(db, user, { from: "defaults", reschedule: true }, new Date());
    expect((await settled(userId, back.id)).status).toBe("DONE");
    expect((await studyUser(userId)).fsrsParams).toBeNull();
    const rescheduled = await db.cardState.findMany({ where: { userId }, orderBy: { cardId: "asc" } });
    expect(rescheduled.filter((s, i) => s.state === 2 && s.due.getTime() !== after[i].due.getTime()).length).toBeGreaterThan(10);
    const history = (await memoryModelStatus(db, await studyUser(userId), new Date())).history;
    expect(history.map((set) => set.source)).toEqual(["DEFAULTS", "OPTIMISED"]);
    expect(history[1]).toMatchObject({ reviewCount: expect.any(Number), logLoss: expect.any(Number), rmseBins: expect.any(Number) });
  });

  it("grades with the user's own parameters once adopted", async () => {
    const userId = users.learner.id;
    const pasted = "0.5, 1.5, 3, 12, 6.4, 0.8, 3, 0.001, 1.8, 0.17, 0.8, 1.5, 0.06, 0.26, 1.6, 0.6, 1.9, 0.54, 0.09, 0.07, 0.15";
    const job = await changeParameters(db, await studyUser(userId), { from: "pasted", text: pasted, reschedule: false }, new Date());
    await settled(userId, job.id);
    const user = await studyUser(userId);
    expect(settingsFromUser(user).fsrsParams).toEqual(pasted.split(", ").map(Number));
    const state = await db.cardState.findFirstOrThrow({ where: { userId, state: 2 }, orderBy: { due: "asc" } });
    const answerAt = new Date(Math.max(state.due.getTime(), Date.now()) + 60_000);
    const result = await gradeReview(db, { ...user, dailyReviewLimit: 9999 }, { cardId: state.cardId, rating: 3, clientRequestId: "own-params-1", durationMs: 1000 }, answerAt);
    const log = await db.reviewLog.findUniqueOrThrow({ where: { id: result.reviewLogId } });
    const memory = parseCardMemory(state);
    const own = gradeCard({ cardId: state.cardId, memory, rating: 3, now: answerAt, settings: settingsFromUser(user) });
    const defaults = gradeCard({ cardId: state.cardId, memory, rating: 3, now: answerAt, settings: settingsFromUser({ ...user, fsrsParams: null }) });
    expect(log.stability).toBeCloseTo(own.memory.stability, 6);
    expect(log.retrievability!).toBeCloseTo(own.log.retrievability!, 6);
    expect(log.stability).not.toBeCloseTo(defaults.memory.stability, 2);
  });

  it("keeps the defaults for a learner with too few reviews, and says how many are needed", async () => {
    const job = await startOptimisation(db, users.few.id, "MANUAL", new Date());
    const done = await settled(users.few.id, job.id);
    const record = resultOf(done);
    expect(record.better).toBe(false);
    expect(record.message).toMatch(/^Not enough reviews yet: \d+ of the 400 needed\./);
    await expect(changeParameters(db, await studyUser(users.few.id), { from: "optimisation", jobId: job.id, reschedule: false }, new Date())).rejects.toMatchObject({ code: "NOT_BETTER" });
    expect((await studyUser(users.few.id)).fsrsParams).toBeNull();
  });

  it("leaves the old parameters in force when a run is cut off, and the run taken over succeeds", async () => {
    const userId = users.killed.id;
    const job = await startOptimisation(db, userId, "MANUAL", new Date());
    // The server running it stops beating (as after a crash): another server takes the job over.
    const later = new Date(Date.now() + STALE_AFTER_MS + 1_000);
    const taken = await takeOverStaleJobs(db, later);
    expect(taken.map((t) => t.id)).toEqual([job.id]);
    expect((await studyUser(userId)).fsrsParams).toBeNull();
    await runJob(db, taken[0]);
    const done = await settled(userId, job.id);
    expect(done.status).toBe("DONE");
    expect(done.lease).toBe(job.lease + 1);
    expect(resultOf(done).better).toBe(true);
    expect(await activeJob(db, userId)).toBeNull();
    expect((await studyUser(userId)).fsrsParams).toBeNull();
  });

  it("cancels a running optimisation: its row says so, nothing of it is kept, and a new run may start", async () => {
    const userId = users.killed.id;
    const job = await startOptimisation(db, userId, "MANUAL", new Date());
    await cancelOptimisation(db, userId, new Date());
    // Longer than a heartbeat: the runner notices and stops without writing anything more.
    await new Promise((resolve) => setTimeout(resolve, 2 * HEARTBEAT_MS + 500));
    const cancelled = await db.memoryModelJob.findUniqueOrThrow({ where: { id: job.id } });
    expect(cancelled).toMatchObject({ status: "CANCELLED", activeKey: null });
    expect(JSON.parse(cancelled.result!).message).toBe("Cancelled. Your parameters did not change.");
    expect((await studyUser(userId)).fsrsParams).toBeNull();
    await expect(cancelOptimisation(db, userId, new Date())).rejects.toMatchObject({ code: "NOT_FOUND" });
    const again = await startOptimisation(db, userId, "MANUAL", new Date());
    expect((await settled(userId, again.id)).status).toBe("DONE");
  });

  it("runs one optimisation per user when two servers ask at the same moment", async () => {
    const userId = users.killed.id;
    const results = await Promise.allSettled([startOptimisation(db, userId, "MANUAL", new Date()), startOptimisation(db, userId, "MANUAL", new Date())]);
    const started = results.filter((r): r is PromiseFulfilledResult<JobRow> => r.status === "fulfilled");
    expect(started).toHaveLength(1);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === "rejected")!;
    expect(["OPTIMISATION_RUNNING", "MEMORY_MODEL_BUSY"]).toContain((refused.reason as { code: string }).code);
    expect((await settled(userId, started[0].value.id)).status).toBe("DONE");
  });

  it("re-optimises automatically when due, adopting only what predicts better", async () => {
    const userId = users.auto.id;
    expect(await autoOptimisationDue(db, userId, new Date())).toBe(true);
    await db.user.update({ where: { id: userId }, data: { autoOptimise: true } });
    await sweepJobs(db, new Date());
    const job = (await db.memoryModelJob.findFirstOrThrow({ where: { userId, kind: "OPTIMISE" } })) as JobRow;
    expect(job.trigger).toBe("AUTO");
    await settled(userId, job.id);
    const recompute = await db.memoryModelJob.findFirst({ where: { userId, kind: "RECOMPUTE" } });
    await settled(userId, recompute!.id);
    expect((await studyUser(userId)).fsrsParams).not.toBeNull();
    // The history has not grown and a month has not passed: no new run.
    expect(await autoOptimisationDue(db, userId, new Date())).toBe(false);
    expect(await autoOptimisationDue(db, userId, new Date(Date.now() + 31 * DAY))).toBe(true);
  });
});

