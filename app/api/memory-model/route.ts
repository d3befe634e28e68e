import { json, route } from "@/lib/api/route";
import { requireApiUser } from "@/lib/auth/session";
import { memoryModelStatus } from "@/lib/db/memory-model/status";
import { db } from "@/lib/db/runtime/client";
import { now } from "@/lib/time/clock";

/** The memory model: parameters in force, the running job's progress, the last optimisation, the history. */
export const GET = route(async () => {
  const user = await requireApiUser();
  return json(await memoryModelStatus(db(), user, now()));
});
