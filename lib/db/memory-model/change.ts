/**
 * The user's requests to change their parameters: adopt an optimisation's result (only one
 * that beat the parameters it was measured against), paste Anki's numbers, go back to the
 * defaults or to a set used before. Each adoption recomputes the cards' memory in the background.
 */
import { DEFAULT_PARAMETERS, SchedulerError, parseParameters, settingsFromUser, type StudyUser } from "../../scheduler";
import type { ParametersChange } from "../../validation/memory-model";
import type { Db } from "../runtime/client";
import { Conflict, Invalid, NotFound } from "../runtime/errors";
import type { JobRow } from "./jobs";
import { adoptParameters, parameterSet } from "./parameters";
import { adoptOptimised, runInBackground, type OptimisationRecord } from "./runner";

export async function changeParameters(db: Db, user: StudyUser, change: ParametersChange, now: Date): Promise<JobRow> {
  if (change.from === "optimisation") return adoptOptimisation(db, user.id, change.jobId, change.reschedule);
  const current = settingsFromUser(user).fsrsParams;
  const adopt = async (params: number[], source: "PASTED" | "DEFAULTS" | "RESTORED", metrics?: { reviewCount: number; logLoss: number; rmseBins: number }) => {
    const job = await adoptParameters(db, { userId: user.id, params, source, reschedule: change.reschedule, metrics, expectedCurrent: current }, now);
    void runInBackground(db, job);
    return job;
  };
  if (change.from === "defaults") return adopt([...DEFAULT_PARAMETERS], "DEFAULTS");
  if (change.from === "pasted") {
    try {
      return await adopt(parseParameters(change.text), "PASTED");
    } catch (error) {
      if (error instanceof SchedulerError) throw new Invalid(error.message, "INVALID_PARAMETERS");
      throw error;
    }
  }
  const set = await parameterSet(db, user.id, change.parameterSetId);
  const metrics = set.reviewCount !== null && set.logLoss !== null && set.rmseBins !== null ? { reviewCount: set.reviewCount, logLoss: set.logLoss, rmseBins: set.rmseBins } : undefined;
  return adopt(set.params, "RESTORED", metrics);
}

async function adoptOptimisation(db: Db, userId: string, jobId: string, reschedule: boolean): Promise<JobRow> {
  const job = await db.memoryModelJob.findFirst({ where: { id: jobId, userId, kind: "OPTIMISE" } });
  if (!job) throw new NotFound("Optimisation");
  if (job.status !== "DONE" || !job.result) throw new Conflict("This optimisation did not finish, so there is nothing to adopt.", "NOT_FINISHED");
  const record = JSON.parse(job.result) as OptimisationRecord;
  if (record.adopted) throw new Conflict("These parameters were already adopted.", "ALREADY_ADOPTED");
  if (!record.better || !record.params) throw new Conflict(record.message, "NOT_BETTER");
  const recompute = await adoptOptimised(db, userId, record, reschedule);
  await db.memoryModelJob.update({ where: { id: job.id }, data: { result: JSON.stringify({ ...record, adopted: true }) } });
  return recompute;
}
