/**
 * Starting an import and following it: the package is saved beside the job, the job runs in
 * this process off the request, and a job whose run was cut off (its heartbeat went stale) is
 * started again whenever its owner asks how it is going.
 */
import { existsSync } from "node:fs";
import { checkPackageSize, inspectPackage } from "../../anki/package-file";
import { describeImport } from "../../anki/summary";
import { sqlOf, type Db } from "../runtime/client";
import { newId } from "../runtime/ids";
import { exec, readOne } from "../runtime/sql";
import { assertNoActiveImport, failJob, insertJob, isStale, jobById, recentJobs, requireOwnJob, type ImportJob } from "./import-jobs";
import { packagePath, removePackage, savePackage } from "./package-store";
import { runImportJob } from "./run-import";

/** Runs the job without waiting for it; errors end up on the job (or in the log). */
function startInBackground(db: Db, jobId: string, dataDir?: string): void {
  void runImportJob(db, jobId, { packagePath: packagePath(jobId, dataDir) }).catch((error) => console.error("Anki import run failed", error));
}

/** Saves the package and starts importing it; returns the queued job. Refuses a package over the size limit. */
export async function startImport(db: Db, userId: string, upload: { bytes: Uint8Array; fileName: string }, now: Date, options: { run?: boolean; dataDir?: string } = {}): Promise<ImportJob> {
  checkPackageSize(upload.bytes.length);
  const runner = sqlOf(db);
  assertNoActiveImport(await readOne(runner, recentJobs(userId)), now);
  const id = newId();
  const file = packagePath(id, options.dataDir);
  await savePackage(file, upload.bytes);
  try {
    await inspectPackage(file, upload.bytes.length);
  } catch (error) {
    await removePackage(file);
    throw error;
  }
  await runner.transaction(() => exec(insertJob({ id, userId, fileName: upload.fileName, now })));
  if (options.run !== false) startInBackground(db, id, options.dataDir);
  return (await readOne(runner, jobById(id)))!;
}

/** Restarts a cut-off run, or fails a job whose package is gone. */
async function resumeIfStale(db: Db, job: ImportJob, now: Date): Promise<ImportJob> {
  if (!isStale(job, now)) return job;
  if (!existsSync(packagePath(job.id))) {
    await sqlOf(db).transaction(() => exec(failJob(job.id, job.lease, "The uploaded package is no longer on the server; please import it again.", now)));
  } else startInBackground(db, job.id);
  return (await readOne(sqlOf(db), jobById(job.id)))!;
}

export async function importStatus(db: Db, userId: string, jobId: string, now: Date): Promise<ImportJob> {
  const job = requireOwnJob(await readOne(sqlOf(db), jobById(jobId)), userId);
  return resumeIfStale(db, job, now);
}

export async function recentImports(db: Db, userId: string, now: Date): Promise<ImportJob[]> {
  const jobs = await readOne(sqlOf(db), recentJobs(userId));
  return Promise.all(jobs.map((job) => resumeIfStale(db, job, now)));
}

/** What the browser and the command line see of an import. */
export function importView(job: ImportJob) {
  return {
    id: job.id,
    fileName: job.fileName,
    status: job.status,
    phase: job.phase,
    progress: job.progress,
    error: job.error,
    messages: job.result ? describeImport(job.result) : [],
    documents: job.result?.documents ?? [],
    createdAt: job.createdAt.toISOString(),
  };
}

export type ImportView = ReturnType<typeof importView>;
