import { json, parseWith, route } from "@/lib/api/route";
import { requireApiUser } from "@/lib/auth/session";
import { db } from "@/lib/db/runtime/client";
import { discardQuiz, loadQuiz } from "@/lib/db/quiz/attempts";
import { IdSchema } from "@/lib/validation/ids";

type Context = { params: Promise<{ attemptId: string }> };

/** The quiz as the browser may see it: right answers only for questions already answered. */
export const GET = route<Context>(async (_request, { params }) => {
  const user = await requireApiUser();
  const attemptId = parseWith(IdSchema, (await params).attemptId);
  return json({ quiz: await loadQuiz(db(), user.id, attemptId) });
});

/** Discards an unfinished quiz. */
export const DELETE = route<Context>(async (_request, { params }) => {
  const user = await requireApiUser();
  const attemptId = parseWith(IdSchema, (await params).attemptId);
  return json({ quiz: await discardQuiz(db(), user.id, attemptId) });
});
