/**
 * Figure 8: optimising a user's memory model on 100,000 and 1,000,000 reviews (the whole
 * run: history read from the database, the worker's fit, time-series evaluation, calibration
 * and steps), while a review loop in the same process keeps grading: its p99 during the run
 * is reported beside its p99 idle.
 */
import { performance } from "node:perf_hooks";
import type { DatabaseKind } from "../../lib/config/database-url";
import { startOptimisation } from "../../lib/db/memory-model/runner";
import type { Db } from "../../lib/db/runtime/client";
import { gradeReview } from "../../lib/db/review/grade";
import type { StudyUser } from "../../lib/scheduler";
import { log, percentile } from "../measure";
import { row, type Row } from "../report";

/** One grade every few milliseconds, as a busy server would see them, until `until` says stop. */
async function gradeLoop(db: Db, user: StudyUser, cards: string[], now: Date, until: () => boolean): Promise<number[]> {
  const times: number[] = [];
  while (!until() && cards.length > 0) {
    const cardId = cards.pop()!;
    const start = performance.now();
    await gradeReview(db, user, { cardId, rating: 3, clientRequestId: `bench-opt-${cardId}`, durationMs: 1000 }, now);
    times.push(performance.now() - start);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return times;
}

export async function optimiserFigures(db: Db, kind: DatabaseKind, historyUserId: string, reviews: number, grader: { id: string; cardIds: string[] }, now: Date, target: { ms: number; label: string }): Promise<Row[]> {
  const user = (await db.user.findUniqueOrThrow({ where: { id: grader.id } })) as StudyUser;
  const cards = [...grader.cardIds];
  const idleUntil = performance.now() + 3_000;
  const idle = await gradeLoop(db, user, cards, now, () => performance.now() > idleUntil);

  const started = performance.now();
  const job = await startOptimisation(db, historyUserId, "MANUAL", new Date());
  let finished = false;
  const during = gradeLoop(db, user, cards, now, () => finished);
  let status = "RUNNING";
  let phase = "";
  while (status === "RUNNING") {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const current = await db.memoryModelJob.findUniqueOrThrow({ where: { id: job.id } });
    status = current.status;
    if (current.phase !== phase) log(`  ${((performance.now() - started) / 1000).toFixed(1)} s: ${(phase = current.phase)}`);
  }
  const ms = performance.now() - started;
  finished = true;
  const busy = await during;
  const size = `${reviews.toLocaleString("en-US")} reviews`;
  log(`optimisation of ${size}: ${status} in ${(ms / 1000).toFixed(1)} s; grade p99 ${percentile(busy, 99).toFixed(1)} ms during, ${percentile(idle, 99).toFixed(1)} ms idle`);
  return [
    row({ figure: "8 optimise memory model (whole run)", db: kind, size, unit: "ms", median: ms, target: target.label, met: status === "DONE" && ms <= target.ms,
      note: status === "DONE" ? undefined : `ended ${status}` }),
    row({ figure: "8 grade in process during optimisation", db: kind, size: `${busy.length} grades`, unit: "ms", median: percentile(busy, 50), p99: percentile(busy, 99),
      note: `idle: p50 ${percentile(idle, 50).toFixed(2)} ms, p99 ${percentile(idle, 99).toFixed(2)} ms (${idle.length} grades)` }),
  ];
}
