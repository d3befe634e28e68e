/**
 * The workload chart's input: the user's studied cards' memory (stability, difficulty, days
 * since their last review, days until due), how many cards they have not studied yet, their
 * limits, steps and parameters. The simulation itself runs in the worker process.
 */
import { DEFAULT_PARAMETERS, settingsFromUser, type StudyUser } from "../../scheduler";
import type { WorkloadInput } from "../../scheduler/simulate-workload";
import { sqlOf, type Db } from "../runtime/client";
import { all, readDate, rows, sql } from "../runtime/sql";
import { visibleCardCount } from "../stats/cards";

const DAY_MS = 86_400_000;
export const WORKLOAD_DAYS = 365;

export async function workloadInput(db: Db, user: StudyUser, now: Date): Promise<WorkloadInput> {
  const settings = settingsFromUser(user);
  const nowMs = now.getTime();
  const [cards, [seen], visible] = await sqlOf(db).read(function* () {
    return yield* all([
      rows(
        sql`SELECT "stability", "difficulty", "lastReview", "due" FROM "CardState"
            WHERE "userId" = ${user.id} AND "state" <> 0 AND "suspended" = ${false} AND "stability" > 0 AND "lastReview" IS NOT NULL`,
        (row) => ({
          stability: Number(row.stability),
          difficulty: Number(row.difficulty),
          daysSinceReview: (nowMs - readDate(row.lastReview).getTime()) / DAY_MS,
          dueInDays: Math.ceil((readDate(row.due).getTime() - nowMs) / DAY_MS),
        }),
      ),
      rows(sql`SELECT COUNT(*) AS "n" FROM "CardState" WHERE "userId" = ${user.id} AND ("state" <> 0 OR "suspended" = ${true})`, (row) => Number(row.n)),
      visibleCardCount({ userId: user.id }),
    ] as const);
  });
  return {
    params: settings.fsrsParams ?? DEFAULT_PARAMETERS,
    days: WORKLOAD_DAYS,
    seed: 1,
    cards,
    newCards: Math.max(0, visible - seen),
    dailyNewLimit: settings.dailyNewLimit,
    dailyReviewLimit: settings.dailyReviewLimit,
    learningSteps: settings.learningSteps.length,
    relearningSteps: settings.relearningSteps.length,
  };
}
