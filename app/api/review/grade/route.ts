import { z } from "zod";
import { json, readJson, route } from "@/lib/api/route";
import { requireApiUser } from "@/lib/auth/session";
import { db } from "@/lib/db/runtime/client";
import { requireVisibleDeck } from "@/lib/db/documents/decks";
import { gradeReview } from "@/lib/db/review/grade";
import { loadStudySession } from "@/lib/db/review/study-session";
import { now } from "@/lib/time/clock";
import { GradeSchema } from "@/lib/validation/review";

/**
 * `session: false` asks for the result only: the review screen sends it while its own
 * queue still holds enough cards, and asks for the session (the default) when it runs low,
 * which spares the server a session rebuild on most answers.
 */
const GradeRequestSchema = GradeSchema.extend({ session: z.boolean().default(true) });

/** Grades a card and answers with the result and (unless `session: false`) the session's next cards. */
export const POST = route(async (request) => {
  const user = await requireApiUser();
  const { session: withSession, ...input } = await readJson(request, GradeRequestSchema);
  // The deck names the session to continue; another user's deck is refused before anything is written.
  if (input.deck) await requireVisibleDeck(db(), user.id, input.deck);
  const at = now();
  const result = await gradeReview(db(), user, input, at);
  if (!withSession) return json({ result });
  const session = await loadStudySession(db(), user, at, { documentId: input.deck, previousCardId: input.cardId, study: input.study });
  return json({ result, session });
});

