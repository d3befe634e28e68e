/**
 * What each server does on its own, once at start and then every half minute: runs again the
 * jobs whose server stopped beating (a crash, a restart: an optimisation starts over, a
 * recompute resumes after its last batch); and every ten minutes, starts the automatic
 * re-optimisations that are due. Several servers may sweep at once: taking a job over, and starting one, are
 * decided by the database.
 */
import { MIN_REVIEWS } from "../../memory-model/optimise";
import type { Db } from "../runtime/client";
import { sqlOf } from "../runtime/client";
import { Conflict } from "../runtime/errors";
import { readOne, sql } from "../runtime/sql";
import { activeJob, lastFinishedOptimisation, takeOverStaleJobs } from "./jobs";
import { runInBackground, startOptimisation, type OptimisationRecord } from "./runner";

const SWEEP_MS = 30_000;
const AUTO_EVERY_SWEEPS = 20;
const MONTH_MS = 30 * 86_400_000;
/** Re-optimise when the history has grown by this much since the last optimisation. */
export const GROWTH_FOR_REOPTIMISING = 1.25;

/** Rows of the user's review history (the answers that moved the schedule), as the export writes them. */
export function historySize(db: Db, userId: string): Promise<number> {
  return readOne(sqlOf(db), {
    ...sql`SELECT COUNT(*) AS "n" FROM "ReviewLog" WHERE "userId" = ${userId} AND ("mode" = 'REVIEW' OR "due" <> "prevDue")`,
    read: ({ rows: [row] }) => Number(row.n),
  });
}

/** Whether an automatic re-optimisation is due: enough history, and none yet, or 25% more history, or a month since the last. */
export async function autoOptimisationDue(db: Db, userId: string, now: Date): Promise<boolean> {
  if (await activeJob(db, userId)) return false;
  const size = await historySize(db, userId);
  if (size < MIN_REVIEWS) return false;
  const last = await lastFinishedOptimisation(db, userId);
  if (!last) return true;
  const before = (JSON.parse(last.result ?? "{}") as Partial<OptimisationRecord>).historyRows ?? 0;
  return size >= before * GROWTH_FOR_REOPTIMISING || now.getTime() - last.createdAt.getTime() >= MONTH_MS;
}

export async function sweepJobs(db: Db, now: Date, options: { auto: boolean } = { auto: true }): Promise<void> {
  for (const job of await takeOverStaleJobs(db, now)) void runInBackground(db, job);
  if (!options.auto) return;
  const users = await db.user.findMany({ where: { autoOptimise: true }, select: { id: true } });
  for (const { id } of users) {
    if (!(await autoOptimisationDue(db, id, now))) continue;
    await startOptimisation(db, id, "AUTO", now).catch((error: unknown) => {
      if (!(error instanceof Conflict)) throw error;
    });
  }
}

const state = globalThis as unknown as { keypointSweeper?: NodeJS.Timeout };

/** Starts this process's sweeps (once per process). */
export function startSweeping(db: () => Db): void {
  if (state.keypointSweeper) return;
  let sweeps = 0;
  const sweep = () =>
    void sweepJobs(db(), new Date(), { auto: sweeps++ % AUTO_EVERY_SWEEPS === 0 }).catch((error: unknown) => console.error("Memory-model sweep failed", error));
  state.keypointSweeper = setInterval(sweep, SWEEP_MS);
  state.keypointSweeper.unref();
  setTimeout(sweep, 1_000).unref();
}
