import { json, route } from "@/lib/api/route";
import { requireApiUser } from "@/lib/auth/session";
import { startOptimisation } from "@/lib/db/memory-model/runner";
import { db } from "@/lib/db/runtime/client";
import { now } from "@/lib/time/clock";

/** Starts optimising the user's parameters in the background (409 while one is running). */
export const POST = route(async () => {
  const user = await requireApiUser();
  const job = await startOptimisation(db(), user.id, "MANUAL", now());
  return json({ job: { id: job.id, kind: job.kind, status: job.status, phase: job.phase, progress: job.progress } }, 202);
});
