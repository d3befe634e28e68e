import { json, route } from "@/lib/api/route";
import { requireApiUser } from "@/lib/auth/session";
import { cancelOptimisation } from "@/lib/db/memory-model/jobs";
import { db } from "@/lib/db/runtime/client";
import { now } from "@/lib/time/clock";

/** Cancels the running optimisation: nothing of it is kept. */
export const POST = route(async () => {
  const user = await requireApiUser();
  await cancelOptimisation(db(), user.id, now());
  return json({ cancelled: true });
});
