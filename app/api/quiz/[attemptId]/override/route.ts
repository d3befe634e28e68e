import { json, parseWith, readJson, route } from "@/lib/api/route";
import { requireApiUser } from "@/lib/auth/session";
import { db } from "@/lib/db/runtime/client";
import { overrideTypedAnswer } from "@/lib/db/quiz/override";
import { now } from "@/lib/time/clock";
import { IdSchema } from "@/lib/validation/ids";
import { OverrideAnswerSchema } from "@/lib/validation/quiz";

type Context = { params: Promise<{ attemptId: string }> };

/** "I was right": a typed answer marked wrong counts as right, recorded as an override. */
export const POST = route<Context>(async (request, { params }) => {
  const user = await requireApiUser();
  const attemptId = parseWith(IdSchema, (await params).attemptId);
  const { questionIndex } = await readJson(request, OverrideAnswerSchema);
  return json({ result: await overrideTypedAnswer(db(), user, attemptId, questionIndex, now()) });
});
