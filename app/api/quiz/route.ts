import { json, readJson, route } from "@/lib/api/route";
import { requireApiUser } from "@/lib/auth/session";
import { db } from "@/lib/db/runtime/client";
import { startQuiz } from "@/lib/db/quiz/attempts";
import { now } from "@/lib/time/clock";
import { StartQuizSchema } from "@/lib/validation/quiz";

/** Starts a quiz on a topic (topicId null: the whole document), or resumes the open one there. */
export const POST = route(async (request) => {
  const user = await requireApiUser();
  const input = await readJson(request, StartQuizSchema);
  const result = await startQuiz(db(), user.id, input, now());
  return json(result, result.resumed ? 200 : 201);
});
