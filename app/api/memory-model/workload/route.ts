import { json, route } from "@/lib/api/route";
import { requireApiUser } from "@/lib/auth/session";
import { workloadInput } from "@/lib/db/memory-model/workload";
import { db } from "@/lib/db/runtime/client";
import { Busy } from "@/lib/db/runtime/errors";
import { WorkersBusy, simulateOffThread } from "@/lib/memory-model/off-thread";
import { now } from "@/lib/time/clock";

/** Reviews per day and cards remembered over the next year at each desired retention, simulated on the user's own cards. */
export const GET = route(async () => {
  const user = await requireApiUser();
  const input = await workloadInput(db(), user, now());
  let simulation;
  try {
    simulation = simulateOffThread(input);
  } catch (error) {
    if (error instanceof WorkersBusy) throw new Busy();
    throw error;
  }
  const { points, best } = await simulation.result;
  return json({ days: input.days, cards: input.cards.length, newCards: input.newCards, desiredRetention: user.desiredRetention, points, best });
});
