/**
 * Settings → Memory model: the parameters in force, the job running (with progress), the
 * last optimisation's outcome and metrics, the last recompute, and the history of sets. A
 * job whose server stopped beating is taken over here too, so a restart is noticed by the
 * next look at this page even before the next sweep.
 */
import { DEFAULT_PARAMETERS, formatParameters, settingsFromUser, type StudyUser } from "../../scheduler";
import type { Db } from "../runtime/client";
import { isStale, recentJobs, takeOverStaleJobs, type JobRow } from "./jobs";
import { parameterHistory, type ParameterSetRow } from "./parameters";
import { runInBackground, type OptimisationRecord } from "./runner";

export interface JobView {
  id: string;
  kind: JobRow["kind"];
  status: JobRow["status"];
  trigger: string;
  phase: string;
  progress: number;
  reschedule: boolean;
  createdAt: Date;
  finishedAt: Date | null;
}

export interface MemoryModelStatus {
  params: number[];
  paramsText: string;
  isDefault: boolean;
  active: JobView | null;
  lastOptimisation: (JobView & { result: (Partial<OptimisationRecord> & { message: string }) | null }) | null;
  lastRecompute: (JobView & { message: string | null }) | null;
  history: ParameterSetRow[];
}

const view = (job: JobRow): JobView => ({
  id: job.id,
  kind: job.kind,
  status: job.status,
  trigger: job.trigger,
  phase: job.phase,
  progress: job.progress,
  reschedule: job.reschedule,
  createdAt: job.createdAt,
  finishedAt: job.finishedAt,
});

export async function memoryModelStatus(db: Db, user: StudyUser, now: Date): Promise<MemoryModelStatus> {
  let jobs = await recentJobs(db, user.id, 10);
  if (jobs.some((job) => job.status === "RUNNING" && isStale(job, now))) {
    for (const job of await takeOverStaleJobs(db, now)) void runInBackground(db, job);
    jobs = await recentJobs(db, user.id, 10);
  }
  const settings = settingsFromUser(user);
  const params = settings.fsrsParams ?? [...DEFAULT_PARAMETERS];
  const active = jobs.find((job) => job.status === "RUNNING") ?? null;
  const optimisation = jobs.find((job) => job.kind === "OPTIMISE" && job.status !== "RUNNING");
  const recompute = jobs.find((job) => job.kind === "RECOMPUTE" && job.status !== "RUNNING");
  const resultOf = (job: JobRow) => (job.result ? (JSON.parse(job.result) as Partial<OptimisationRecord> & { message: string }) : null);
  return {
    params,
    paramsText: formatParameters(params),
    isDefault: settings.fsrsParams === null,
    active: active && view(active),
    lastOptimisation: optimisation ? { ...view(optimisation), result: resultOf(optimisation) } : null,
    lastRecompute: recompute ? { ...view(recompute), message: resultOf(recompute)?.message ?? null } : null,
    history: await parameterHistory(db, user.id),
  };
}
