import { json, readJson, route } from "@/lib/api/route";
import { requireApiUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { gradeReview } from "@/lib/db/grade-review";
import { loadStudySession } from "@/lib/db/study-session";
import { now } from "@/lib/time/clock";
import { GradeSchema } from "@/lib/validation/review";

/** Grades a card and answers with the result and the session's next cards. */
export const POST = route(async (request) => {
  const user = await requireApiUser();
  const input = await readJson(request, GradeSchema);
  const at = now();
  const result = await gradeReview(db(), user, input, at);
  const session = await loadStudySession(db(), user, at, { documentId: input.deck, previous: await previousCard(input.cardId) });
  return json({ result, session });
});

async function previousCard(cardId: string) {
  const card = await db().card.findUnique({ where: { id: cardId }, select: { id: true, source: true } });
  return card ? { cardId: card.id, source: card.source } : null;
}
