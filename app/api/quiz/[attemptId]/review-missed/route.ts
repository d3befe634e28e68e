import { json, parseWith, route } from "@/lib/api/route";
import { requireApiUser } from "@/lib/auth/session";
import { db } from "@/lib/db/runtime/client";
import { reviewMissed } from "@/lib/db/quiz/review-missed";
import { now } from "@/lib/time/clock";
import { IdSchema } from "@/lib/validation/ids";

type Context = { params: Promise<{ attemptId: string }> };

/** Makes the finished quiz's missed cards due now, so they join today's review session. */
export const POST = route<Context>(async (_request, { params }) => {
  const user = await requireApiUser();
  const attemptId = parseWith(IdSchema, (await params).attemptId);
  return json(await reviewMissed(db(), user.id, attemptId, now()));
});
