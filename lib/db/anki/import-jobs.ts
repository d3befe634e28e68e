/**
 * The AnkiImport rows: an import's status, phase and progress, renewed by the server running
 * it (heartbeatAt). Every write after the claim names the run's lease, so a run that another
 * server took over (its heartbeat went stale) can no longer write.
 */
import type { ImportSummary } from "../../anki/summary";
import { Conflict, NotFound } from "../runtime/errors";
import { changedOne, firstRow, readDate, readOptionalDate, rows, sql, type Row, type Statement } from "../runtime/sql";

/** A run that has not renewed its heartbeat for this long was cut off (a crash, a restart). */
export const STALE_AFTER_MS = 30_000;

export type ImportStatus = "QUEUED" | "RUNNING" | "DONE" | "FAILED";

export interface ImportJob {
  id: string;
  userId: string;
  fileName: string;
  status: ImportStatus;
  phase: string;
  progress: number;
  lease: number;
  heartbeatAt: Date;
  stagingUserId: string | null;
  result: ImportSummary | null;
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

const COLUMNS = sql`"id", "userId", "fileName", "status", "phase", "progress", "lease", "heartbeatAt", "stagingUserId", "result", "error", "createdAt", "finishedAt"`;

function readJob(row: Row): ImportJob {
  return {
    id: row.id as string,
    userId: row.userId as string,
    fileName: row.fileName as string,
    status: row.status as ImportStatus,
    phase: row.phase as string,
    progress: Number(row.progress),
    lease: Number(row.lease),
    heartbeatAt: readDate(row.heartbeatAt),
    stagingUserId: (row.stagingUserId as string | null) ?? null,
    result: row.result ? (JSON.parse(row.result as string) as ImportSummary) : null,
    error: (row.error as string | null) ?? null,
    createdAt: readDate(row.createdAt),
    finishedAt: readOptionalDate(row.finishedAt),
  };
}

export function insertJob(job: { id: string; userId: string; fileName: string; now: Date }): Statement<boolean> {
  return changedOne(sql`
    INSERT INTO "AnkiImport" ("id", "userId", "fileName", "status", "phase", "progress", "lease", "heartbeatAt", "createdAt")
    VALUES (${job.id}, ${job.userId}, ${job.fileName}, 'QUEUED', 'Waiting to start', ${0}, ${0}, ${job.now}, ${job.now})`);
}

export function jobById(id: string): Statement<ImportJob | null> {
  return firstRow(sql`SELECT ${COLUMNS} FROM "AnkiImport" WHERE "id" = ${id}`, readJob);
}

/** The user's import of this id, or NotFound (also for someone else's). */
export function requireOwnJob(job: ImportJob | null, userId: string): ImportJob {
  if (!job || job.userId !== userId) throw new NotFound("Import");
  return job;
}

export function recentJobs(userId: string, limit = 5): Statement<ImportJob[]> {
  return rows(sql`SELECT ${COLUMNS} FROM "AnkiImport" WHERE "userId" = ${userId} ORDER BY "createdAt" DESC, "id" DESC LIMIT ${limit}`, readJob);
}

export function isActive(job: Pick<ImportJob, "status">): boolean {
  return job.status === "QUEUED" || job.status === "RUNNING";
}

export function isStale(job: Pick<ImportJob, "status" | "heartbeatAt">, now: Date): boolean {
  return isActive(job) && now.getTime() - job.heartbeatAt.getTime() > STALE_AFTER_MS;
}

/** Refuses a second import while one of the user's is still running. */
export function assertNoActiveImport(jobs: readonly ImportJob[], now: Date): void {
  if (jobs.some((job) => isActive(job) && !isStale(job, now))) {
    throw new Conflict("An Anki import is already running; wait for it to finish before starting another.", "IMPORT_RUNNING");
  }
}

/** Takes the job for a run: lease + 1. False when another run took it first. */
export function claimJob(id: string, lease: number, now: Date): Statement<boolean> {
  return changedOne(sql`
    UPDATE "AnkiImport" SET "status" = 'RUNNING', "lease" = ${lease + 1}, "heartbeatAt" = ${now}, "phase" = 'Reading the package', "progress" = ${0}
    WHERE "id" = ${id} AND "lease" = ${lease} AND "status" IN ('QUEUED', 'RUNNING')`);
}

export function setStagingUser(id: string, lease: number, stagingUserId: string | null): Statement<boolean> {
  return changedOne(sql`UPDATE "AnkiImport" SET "stagingUserId" = ${stagingUserId} WHERE "id" = ${id} AND "lease" = ${lease}`);
}

/** Records progress and renews the heartbeat; false when the run lost its lease. */
export function reportProgress(id: string, lease: number, phase: string, progress: number, now: Date): Statement<boolean> {
  return changedOne(sql`
    UPDATE "AnkiImport" SET "phase" = ${phase}, "progress" = ${progress}, "heartbeatAt" = ${now}
    WHERE "id" = ${id} AND "lease" = ${lease} AND "status" = 'RUNNING'`);
}

export function finishJob(id: string, lease: number, result: ImportSummary, now: Date): Statement<boolean> {
  return changedOne(sql`
    UPDATE "AnkiImport" SET "status" = 'DONE', "phase" = 'Done', "progress" = ${1}, "stagingUserId" = NULL, "result" = ${JSON.stringify(result)},
      "heartbeatAt" = ${now}, "finishedAt" = ${now}
    WHERE "id" = ${id} AND "lease" = ${lease} AND "status" = 'RUNNING'`);
}

export function failJob(id: string, lease: number, message: string, now: Date): Statement<boolean> {
  return changedOne(sql`
    UPDATE "AnkiImport" SET "status" = 'FAILED', "phase" = 'Failed', "stagingUserId" = NULL, "error" = ${message}, "heartbeatAt" = ${now}, "finishedAt" = ${now}
    WHERE "id" = ${id} AND "lease" = ${lease}`);
}
