import { json, readJson, route } from "@/lib/api/route";
import { requireApiUser } from "@/lib/auth/session";
import { changeParameters } from "@/lib/db/memory-model/change";
import { db } from "@/lib/db/runtime/client";
import { now } from "@/lib/time/clock";
import { ParametersChangeSchema } from "@/lib/validation/memory-model";

/** Puts new parameters in force (an optimisation's, pasted, the defaults, or an earlier set) and recomputes the cards' memory. */
export const POST = route(async (request) => {
  const user = await requireApiUser();
  const change = await readJson(request, ParametersChangeSchema);
  const job = await changeParameters(db(), user, change, now());
  return json({ recompute: { id: job.id, kind: job.kind, status: job.status, reschedule: job.reschedule } }, 202);
});
