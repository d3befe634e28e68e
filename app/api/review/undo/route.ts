import { json, readJson, route } from "@/lib/api/route";
import { requireApiUser } from "@/lib/auth/session";
import { db } from "@/lib/db/runtime/client";
import { requireVisibleDeck } from "@/lib/db/documents/decks";
import { undoReview } from "@/lib/db/review/grade";
import { loadStudySession } from "@/lib/db/review/study-session";
import { now } from "@/lib/time/clock";
import { UndoSchema } from "@/lib/validation/review";

export const POST = route(async (request) => {
  const user = await requireApiUser();
  const input = await readJson(request, UndoSchema);
  if (input.deck) await requireVisibleDeck(db(), user.id, input.deck);
  const at = now();
  const undo = await undoReview(db(), user.id, input.reviewLogId, at);
  const session = await loadStudySession(db(), user, at, { documentId: input.deck, first: undo.cardId ?? undefined, study: input.study });
  return json({ undo, session });
});
