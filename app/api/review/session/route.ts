import { json, route } from "@/lib/api/route";
import { readQuery } from "@/lib/api/query";
import { requireApiUser } from "@/lib/auth/session";
import { db } from "@/lib/db/runtime/client";
import { requireVisibleDeck } from "@/lib/db/documents/decks";
import { loadStudySession } from "@/lib/db/review/study-session";
import { now } from "@/lib/time/clock";
import { SessionQuerySchema, studyModeOf } from "@/lib/validation/review";

export const GET = route(async (request) => {
  const user = await requireApiUser();
  const query = readQuery(request, SessionQuerySchema);
  if (query.deck) await requireVisibleDeck(db(), user.id, query.deck);
  return json(await loadStudySession(db(), user, now(), { documentId: query.deck, study: studyModeOf(query) }));
});
