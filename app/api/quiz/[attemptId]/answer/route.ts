import { json, parseWith, readJson, route } from "@/lib/api/route";
import { requireApiUser } from "@/lib/auth/session";
import { db } from "@/lib/db/runtime/client";
import { answerQuizQuestion } from "@/lib/db/quiz/answer";
import { now } from "@/lib/time/clock";
import { IdSchema } from "@/lib/validation/ids";
import { AnswerQuizSchema } from "@/lib/validation/quiz";

type Context = { params: Promise<{ attemptId: string }> };

/** Checks one answer on the server and returns the verdict, the right answer and its source sentence. */
export const POST = route<Context>(async (request, { params }) => {
  const user = await requireApiUser();
  const attemptId = parseWith(IdSchema, (await params).attemptId);
  const input = await readJson(request, AnswerQuizSchema);
  return json({ result: await answerQuizQuestion(db(), user, attemptId, input, now()) });
});
