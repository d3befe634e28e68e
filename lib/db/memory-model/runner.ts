/**
 * Runs memory-model jobs in this server process, in the background of the request that
 * started them: an optimisation (the history read page by page and handed to the worker
 * process) or a recompute of the cards' memory. Whatever happens, the job row says it: the
 * heartbeat while running, then DONE with its result, FAILED with why, or CANCELLED. A run
 * whose row was cancelled or taken over stops at its next heartbeat and writes nothing more.
 */
import { optimiseOffThread, OffThreadStopped } from "../../memory-model/off-thread";
import type { OptimisationResult } from "../../memory-model/optimise";
import { settingsFromUser, type StudyUser } from "../../scheduler";
import { reviewHistoryCsv } from "../stats/export";
import { sqlOf, type Db } from "../runtime/client";
import { asDomainError } from "../runtime/errors";
import { HEARTBEAT_MS, beat, finishJob, insertActiveJob, lockUser, type JobRow } from "./jobs";
import { adoptParameters, type Adoption } from "./parameters";
import { recomputeMemory } from "./recompute";

/** What a finished optimisation stores: the optimiser's result, what it was measured against, and whether it was adopted. */
export type OptimisationRecord = OptimisationResult & { evaluatedAgainst: number[] | null; adopted: boolean };

const STUDY_COLUMNS = { id: true, timeZone: true, desiredRetention: true, dailyNewLimit: true, dailyReviewLimit: true, fsrsParams: true, learningSteps: true, relearningSteps: true } as const;

async function studyUser(db: Db, userId: string): Promise<StudyUser | null> {
  return db.user.findUnique({ where: { id: userId }, select: STUDY_COLUMNS });
}

/** Starts an optimisation for the user (a Conflict when one is running) and runs it in the background. */
export async function startOptimisation(db: Db, userId: string, trigger: "MANUAL" | "AUTO", now: Date): Promise<JobRow> {
  const postgres = sqlOf(db).dialect === "postgres";
  const job = await db.$transaction(async (tx) => {
    await lockUser(tx, userId, postgres);
    return insertActiveJob(tx, { userId, kind: "OPTIMISE", trigger, phase: "Reading your review history" }, now);
  });
  runInBackground(db, job);
  return job;
}

/** Runs the job without waiting for it; a failure is recorded on its row. */
export function runInBackground(db: Db, job: JobRow): Promise<void> {
  return runJob(db, job).catch((error: unknown) => {
    console.error(`Memory-model job ${job.id} failed`, error);
    return finishJob(db, job, "FAILED", { message: "Something went wrong; nothing was changed. Try again." }, new Date()).then(() => undefined);
  });
}

export async function runJob(db: Db, job: JobRow): Promise<void> {
  const user = await studyUser(db, job.userId);
  if (!user) return;
  if (job.kind === "OPTIMISE") await runOptimisation(db, user, job);
  else await runRecompute(db, user, job);
}

async function runOptimisation(db: Db, user: StudyUser, job: JobRow): Promise<void> {
  const settings = settingsFromUser(user);
  let latest = { fraction: 0, phase: "Reading your review history" };
  let ours = true;
  const run = optimiseOffThread(
    reviewHistoryCsv(db, user.id),
    { timeZone: settings.timeZone, dayStartHour: settings.dayStartHour, current: settings.fsrsParams, desiredRetention: settings.desiredRetention, relearningSteps: settings.relearningSteps.length },
    (fraction, phase) => (latest = { fraction, phase }),
  );
  const heartbeat = setInterval(() => {
    void beat(db, job, new Date(), latest).then((still) => {
      if (!still && ours) {
        ours = false;
        void run.stop();
      }
    });
  }, HEARTBEAT_MS);
  try {
    const result = await run.result;
    const record: OptimisationRecord = { ...result, evaluatedAgainst: settings.fsrsParams, adopted: false };
    if (job.trigger === "AUTO" && result.better && result.params) {
      // Automatic runs adopt what beats the current parameters, without moving due dates, ending the run in the same transaction.
      await adoptOptimised(db, user.id, record, false, { job, result: { ...record, adopted: true } });
    } else {
      await finishJob(db, job, "DONE", record, new Date());
    }
  } catch (error) {
    if (error instanceof OffThreadStopped || !ours) return;
    await finishJob(db, job, "FAILED", { message: error instanceof Error ? error.message : String(error) }, new Date());
  } finally {
    clearInterval(heartbeat);
  }
}

/** Adopts an optimisation's parameters and recomputes the cards' memory in the background. */
export async function adoptOptimised(db: Db, userId: string, record: OptimisationRecord, reschedule: boolean, finishing?: Adoption["finishing"]): Promise<JobRow> {
  const optimised = record.metrics.optimised!;
  const recompute = await adoptParameters(
    db,
    {
      userId,
      params: record.params!,
      source: "OPTIMISED",
      reschedule,
      metrics: { reviewCount: record.reviewCount, logLoss: optimised.logLoss, rmseBins: optimised.rmseBins },
      expectedCurrent: record.evaluatedAgainst,
      finishing,
    },
    new Date(),
  );
  runInBackground(db, recompute);
  return recompute;
}

async function runRecompute(db: Db, user: StudyUser, job: JobRow): Promise<void> {
  let ours = true;
  let cards = 0;
  try {
    await recomputeMemory(db, user, { params: JSON.parse(job.params!) as number[], reschedule: job.reschedule, cursor: job.cursor ?? "" }, async ({ cursor, done, total }) => {
      cards = done;
      ours = await beat(db, job, new Date(), { fraction: done / total, phase: `Recomputing your cards' memory: ${done.toLocaleString("en-US")} of ${total.toLocaleString("en-US")}`, cursor });
      return ours;
    });
  } catch (error) {
    if (!asDomainError(error)) throw error;
    await finishJob(db, job, "FAILED", { message: asDomainError(error)!.message }, new Date());
    return;
  }
  if (!ours) return;
  const moved = job.reschedule ? " and their due dates moved to the new intervals" : "; due dates stay as they were";
  await finishJob(db, job, "DONE", { message: `The memory of ${cards.toLocaleString("en-US")} cards was recomputed with the new parameters${moved}.` }, new Date());
}
