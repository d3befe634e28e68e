import { json, parseWith, route } from "@/lib/api/route";
import { requireApiUser } from "@/lib/auth/session";
import { db } from "@/lib/db/runtime/client";
import { finishQuiz } from "@/lib/db/quiz/attempts";
import { now } from "@/lib/time/clock";
import { IdSchema } from "@/lib/validation/ids";

type Context = { params: Promise<{ attemptId: string }> };

/** Finishes the quiz and returns its results. Finishing twice returns the same results. */
export const POST = route<Context>(async (_request, { params }) => {
  const user = await requireApiUser();
  const attemptId = parseWith(IdSchema, (await params).attemptId);
  return json({ quiz: await finishQuiz(db(), user.id, attemptId, now()) });
});
