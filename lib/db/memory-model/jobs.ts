/**
 * MemoryModelJob rows (the ORM: a few writes per run). A job is "active" while its activeKey
 * holds the user id: the unique index lets one active job per user exist, whichever server
 * tries. The server running a job renews its heartbeat; a job whose heartbeat is older than
 * STALE_AFTER_MS was cut off (a crash, a restart), and any server may take it over by bumping
 * its lease, which makes every later write of the old runner miss.
 */
import type { Db } from "../runtime/client";
import { Conflict, NotFound } from "../runtime/errors";
import { isUniqueViolation } from "../runtime/transient-errors";

export const HEARTBEAT_MS = 2_000;
export const STALE_AFTER_MS = 20_000;

export type JobKind = "OPTIMISE" | "RECOMPUTE";
export type JobStatus = "RUNNING" | "DONE" | "FAILED" | "CANCELLED";

export interface JobRow {
  id: string;
  userId: string;
  kind: JobKind;
  status: JobStatus;
  trigger: string;
  phase: string;
  progress: number;
  lease: number;
  heartbeatAt: Date;
  reschedule: boolean;
  params: string | null;
  cursor: string | null;
  result: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Locks the user's row for the rest of the transaction on PostgreSQL (SELECT … FOR UPDATE):
 * two servers starting work for one user take turns. SQLite has one writer at a time anyway.
 */
export async function lockUser(tx: Tx, userId: string, postgres: boolean): Promise<void> {
  if (postgres) await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
}

/** The user's active job, if any. */
export function activeJob(db: Db | Tx, userId: string): Promise<JobRow | null> {
  return db.memoryModelJob.findUnique({ where: { activeKey: userId } }) as Promise<JobRow | null>;
}

export const isStale = (job: Pick<JobRow, "heartbeatAt">, now: Date) => now.getTime() - job.heartbeatAt.getTime() > STALE_AFTER_MS;

/** Ends a job that was cut off, so that new work may start (inside the caller's transaction). */
async function retire(tx: Tx, job: JobRow, now: Date): Promise<void> {
  await tx.memoryModelJob.updateMany({
    where: { id: job.id, lease: job.lease },
    data: { status: "FAILED", activeKey: null, finishedAt: now, result: JSON.stringify({ message: "Interrupted before it finished; nothing of it was kept." }) },
  });
}

/**
 * Inserts a new active job for the user, in the caller's transaction. A running job with a
 * live heartbeat is a Conflict (unless `replace` says which kinds give way: a recompute gives
 * way to a newer change of parameters); a stale one is retired first.
 */
export async function insertActiveJob(
  tx: Tx,
  job: { userId: string; kind: JobKind; trigger?: string; reschedule?: boolean; params?: string | null; phase: string },
  now: Date,
  replace: JobKind[] = [],
): Promise<JobRow> {
  const active = await activeJob(tx, job.userId);
  if (active) {
    if (!isStale(active, now) && !replace.includes(active.kind)) throw busyConflict(active);
    await retire(tx, active, now);
  }
  try {
    return (await tx.memoryModelJob.create({
      data: { ...job, status: "RUNNING", activeKey: job.userId, heartbeatAt: now, createdAt: now },
    })) as JobRow;
  } catch (error) {
    if (isUniqueViolation(error)) throw new Conflict("Another change to your memory model started at the same moment. Try again in a moment.", "MEMORY_MODEL_BUSY");
    throw error;
  }
}

function busyConflict(job: JobRow): Conflict {
  return job.kind === "OPTIMISE"
    ? new Conflict("An optimisation is already running. Wait for it to finish or cancel it.", "OPTIMISATION_RUNNING")
    : new Conflict("Your cards' memory is still being recomputed for the last change. Try again when it has finished.", "RECOMPUTE_RUNNING");
}

/** Renews the heartbeat and records progress; false when the job is no longer this runner's (cancelled, taken over). */
export async function beat(db: Db, job: Pick<JobRow, "id" | "lease">, now: Date, progress?: { fraction: number; phase: string; cursor?: string }): Promise<boolean> {
  const { count } = await db.memoryModelJob.updateMany({
    where: { id: job.id, lease: job.lease, status: "RUNNING" },
    data: { heartbeatAt: now, ...(progress ? { progress: progress.fraction, phase: progress.phase, ...(progress.cursor !== undefined ? { cursor: progress.cursor } : {}) } : {}) },
  });
  return count === 1;
}

/** Ends the job (DONE, FAILED or CANCELLED) with its result, if it is still this runner's. */
export async function finishJob(db: Db | Tx, job: Pick<JobRow, "id" | "lease">, status: Exclude<JobStatus, "RUNNING">, result: unknown, now: Date): Promise<boolean> {
  const { count } = await db.memoryModelJob.updateMany({
    where: { id: job.id, lease: job.lease, status: "RUNNING" },
    data: { status, activeKey: null, finishedAt: now, progress: status === "DONE" ? 1 : undefined, result: JSON.stringify(result) },
  });
  return count === 1;
}

/** Cancels the user's running optimisation. A recompute is not cancelled: it finishes what a change began. */
export async function cancelOptimisation(db: Db, userId: string, now: Date): Promise<void> {
  const job = await activeJob(db, userId);
  if (!job || job.kind !== "OPTIMISE") throw new NotFound("Running optimisation");
  await db.memoryModelJob.updateMany({
    where: { id: job.id, status: "RUNNING" },
    data: { status: "CANCELLED", activeKey: null, finishedAt: now, result: JSON.stringify({ message: "Cancelled. Your parameters did not change." }) },
  });
}

/** Jobs whose heartbeat stopped, taken over by this runner (lease bumped); none when another server got there first. */
export async function takeOverStaleJobs(db: Db, now: Date): Promise<JobRow[]> {
  const stale = (await db.memoryModelJob.findMany({
    where: { status: "RUNNING", heartbeatAt: { lt: new Date(now.getTime() - STALE_AFTER_MS) } },
    take: 20,
  })) as JobRow[];
  const taken: JobRow[] = [];
  for (const job of stale) {
    const { count } = await db.memoryModelJob.updateMany({
      where: { id: job.id, lease: job.lease, status: "RUNNING" },
      data: { lease: job.lease + 1, heartbeatAt: now, progress: job.kind === "OPTIMISE" ? 0 : job.progress },
    });
    if (count === 1) taken.push({ ...job, lease: job.lease + 1, heartbeatAt: now });
  }
  return taken;
}

/** The user's latest jobs, newest first. */
export function recentJobs(db: Db, userId: string, take = 5): Promise<JobRow[]> {
  return db.memoryModelJob.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, take }) as Promise<JobRow[]>;
}

/** The user's last optimisation that ran to its end (adopted or not). */
export function lastFinishedOptimisation(db: Db, userId: string): Promise<JobRow | null> {
  return db.memoryModelJob.findFirst({ where: { userId, kind: "OPTIMISE", status: "DONE" }, orderBy: { createdAt: "desc" } }) as Promise<JobRow | null>;
}
