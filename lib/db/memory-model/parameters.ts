/**
 * Changing a user's FSRS parameters (the ORM: User.fsrsParams, ParameterSet), always in one
 * transaction with the job that recomputes their cards' memory under the new parameters: an
 * adoption is all there, or not at all. The history of parameter sets keeps each set that was
 * in force, with what it scored, so the user can go back.
 */
import { DEFAULT_PARAMETERS, sameParameters } from "../../scheduler/fsrs-params";
import { sqlOf, type Db } from "../runtime/client";
import { Conflict, NotFound } from "../runtime/errors";
import { finishJob, insertActiveJob, lockUser, type JobRow } from "./jobs";

export type ParameterSource = "OPTIMISED" | "PASTED" | "DEFAULTS" | "RESTORED";

export interface ParameterSetRow {
  id: string;
  params: number[];
  source: ParameterSource;
  reviewCount: number | null;
  logLoss: number | null;
  rmseBins: number | null;
  createdAt: Date;
}

export interface Adoption {
  userId: string;
  params: number[];
  source: ParameterSource;
  reschedule: boolean;
  metrics?: { reviewCount: number; logLoss: number; rmseBins: number };
  /** The parameters the change was decided against (null: the defaults); if they changed meanwhile, nothing is adopted. */
  expectedCurrent: number[] | null;
  /** An automatic optimisation adopting its own result: it ends (DONE, with `result`) in the same transaction. */
  finishing?: { job: Pick<JobRow, "id" | "lease">; result: unknown };
}

const parsed = (text: string | null) => (text === null ? null : (JSON.parse(text) as number[]));

/**
 * Puts the parameters in force, records them in the history and starts recomputing the
 * cards' memory (a RECOMPUTE job, which replaces one still running for an earlier change).
 * Returns the recompute job.
 */
export async function adoptParameters(db: Db, adoption: Adoption, now: Date): Promise<JobRow> {
  const postgres = sqlOf(db).dialect === "postgres";
  return db.$transaction(async (tx) => {
    await lockUser(tx, adoption.userId, postgres);
    const user = await tx.user.findUnique({ where: { id: adoption.userId }, select: { fsrsParams: true } });
    if (!user) throw new NotFound("User");
    if (!sameParameters(parsed(user.fsrsParams), adoption.expectedCurrent)) {
      throw new Conflict("Your parameters changed while this was being decided; nothing was changed. Look again and retry.", "PARAMETERS_CHANGED");
    }
    const text = sameParameters(adoption.params, DEFAULT_PARAMETERS) ? null : JSON.stringify(adoption.params);
    await tx.user.update({ where: { id: adoption.userId }, data: { fsrsParams: text } });
    await tx.parameterSet.create({
      data: { userId: adoption.userId, params: JSON.stringify(adoption.params), source: adoption.source, createdAt: now, ...adoption.metrics },
    });
    if (adoption.finishing && !(await finishJob(tx, adoption.finishing.job, "DONE", adoption.finishing.result, now))) {
      throw new Conflict("This optimisation was cancelled; nothing was changed.", "OPTIMISATION_CANCELLED");
    }
    return insertActiveJob(
      tx,
      { userId: adoption.userId, kind: "RECOMPUTE", reschedule: adoption.reschedule, params: JSON.stringify(adoption.params), phase: "Recomputing your cards' memory" },
      now,
      ["RECOMPUTE"],
    );
  });
}

/** The sets that were in force, newest first. */
export async function parameterHistory(db: Db, userId: string, take = 20): Promise<ParameterSetRow[]> {
  const rows = await db.parameterSet.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, take });
  return rows.map((row) => ({ ...row, params: JSON.parse(row.params) as number[], source: row.source as ParameterSource }));
}

/** One set of the user's history (to go back to it). */
export async function parameterSet(db: Db, userId: string, id: string): Promise<ParameterSetRow> {
  const row = await db.parameterSet.findFirst({ where: { id, userId } });
  if (!row) throw new NotFound("Parameter set");
  return { ...row, params: JSON.parse(row.params) as number[], source: row.source as ParameterSource };
}
