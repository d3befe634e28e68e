/**
 * Recomputing a user's cards' memory after their parameters changed: each studied card's
 * answers replayed under the new parameters, a batch of cards per short transaction, so
 * reviews go on between batches. A card answered meanwhile (its version moved) is read again.
 * Batches are whole and idempotent: a run cut off resumes after the last card it recorded.
 */
import { recomputedMemory, replayMemory, settingsFromUser, type PastAnswer, type Rating, type StudyUser } from "../../scheduler";
import { updateCardState } from "../review/card-state";
import { sqlOf, type Db } from "../runtime/client";
import { exec, readDate, readOne, rows, sql, sqlList, type Steps } from "../runtime/sql";
import { memoryColumns } from "../review/store";

export const RECOMPUTE_BATCH = 200;

/** Which cards a batch takes: the next ones after a card id (card id order), or these cards. */
type Pick = { after: string } | { cardIds: string[] };

/** The user's studied cards of the batch, with their state's id and version. */
function studiedStates(userId: string, pick: Pick) {
  const which = "after" in pick ? sql`"cardId" > ${pick.after}` : sql`"cardId" IN (${sqlList(pick.cardIds)})`;
  return rows(
    sql`
    SELECT "id", "cardId", "version", "due", "stability", "difficulty", "elapsedDays", "scheduledDays", "learningSteps", "reps", "lapses", "state", "lastReview"
    FROM "CardState" WHERE "userId" = ${userId} AND ${which} AND "state" <> 0
    ORDER BY "cardId" LIMIT ${RECOMPUTE_BATCH}`,
    (row) => ({ id: row.id as string, cardId: row.cardId as string, version: Number(row.version), memory: memoryColumns(row) }),
  );
}

/** The answers that moved these cards' schedule (the optimiser's history), oldest first. */
function pastAnswers(userId: string, cardIds: string[]) {
  return rows(
    sql`
    SELECT "cardId", "rating", "reviewedAt" FROM "ReviewLog"
    WHERE "userId" = ${userId} AND "cardId" IN (${sqlList(cardIds)}) AND ("mode" = 'REVIEW' OR "due" <> "prevDue")
    ORDER BY "reviewedAt", "id"`,
    (row) => ({ cardId: row.cardId as string, answer: { rating: Number(row.rating) as Rating, reviewedAt: readDate(row.reviewedAt) } }),
  );
}

export function countStudiedStates(userId: string) {
  return { ...sql`SELECT COUNT(*) AS "n" FROM "CardState" WHERE "userId" = ${userId} AND "state" <> 0`, read: ({ rows: [row] }: { rows: Record<string, unknown>[] }) => Number(row.n) };
}

type Change = { params: number[]; reschedule: boolean };

/**
 * One batch, replayed and written. Returns the last card id done (null when none was left)
 * and the cards whose state moved while they were replayed.
 */
function* recomputeBatch(user: StudyUser, change: Change, pick: Pick, now: Date): Steps<{ last: string | null; done: number; missed: string[] }> {
  const settings = { ...settingsFromUser(user), fsrsParams: change.params };
  const states = yield* exec(studiedStates(user.id, pick));
  if (states.length === 0) return { last: null, done: 0, missed: [] };
  const answers = new Map<string, PastAnswer[]>();
  for (const { cardId, answer } of yield* exec(pastAnswers(user.id, states.map((s) => s.cardId)))) {
    const list = answers.get(cardId);
    if (list) list.push(answer);
    else answers.set(cardId, [answer]);
  }
  const missed: string[] = [];
  for (const state of states) {
    const replayed = replayMemory(state.cardId, answers.get(state.cardId) ?? [], settings);
    if (!replayed) continue;
    if (!(yield* exec(updateCardState(state.id, state.version, recomputedMemory(state.memory, replayed, change.reschedule), now)))) missed.push(state.cardId);
  }
  return { last: states[states.length - 1].cardId, done: states.length, missed };
}

/**
 * Runs the batches from `cursor` to the end. `onBatch` records progress after each (and says
 * whether to go on); cards answered during their batch are done again in a batch of their own.
 */
export async function recomputeMemory(
  db: Db,
  user: StudyUser,
  job: Change & { cursor: string },
  onBatch: (progress: { cursor: string; done: number; total: number }) => Promise<boolean>,
): Promise<void> {
  const runner = sqlOf(db);
  const total = await readOne(runner, countStudiedStates(user.id));
  let cursor = job.cursor;
  let done = 0;
  for (;;) {
    const batch = await runner.transaction(() => recomputeBatch(user, job, { after: cursor }, new Date()));
    if (batch.last === null) return;
    // Cards answered while their batch ran: read again (an answer is rarely that quick twice).
    for (let tries = 0; batch.missed.length > 0 && tries < 5; tries++) {
      const { missed } = await runner.transaction(() => recomputeBatch(user, job, { cardIds: batch.missed }, new Date()));
      batch.missed = missed;
    }
    cursor = batch.last;
    done += batch.done;
    if (!(await onBatch({ cursor, done, total: Math.max(total, done) }))) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
