import { json, route } from "@/lib/api/route";
import { requireApiUser } from "@/lib/auth/session";
import { workloadInput } from "@/lib/db/memory-model/workload";
import { db } from "@/lib/db/runtime/client";
import { simulateOffThread } from "@/lib/memory-model/off-thread";
import { now } from "@/lib/time/clock";

/** Reviews per day and cards remembered over the next year at each desired retention, simulated on the user's own cards. */
export const GET = route(async () => {
  const user = await requireApiUser();
  const input = await workloadInput(db(), user, now());
  const { points, best } = await simulateOffThread(input).result;
  return json({ days: input.days, cards: input.cards.length, newCards: input.newCards, desiredRetention: user.desiredRetention, points, best });
});
