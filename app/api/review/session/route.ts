import { json, route } from "@/lib/api/route";
import { readQuery } from "@/lib/api/query";
import { requireApiUser } from "@/lib/auth/session";
import { db } from "@/lib/db/runtime/client";
import { requireVisibleDeck } from "@/lib/db/documents/decks";
import { loadStudySession } from "@/lib/db/review/study-session";
import { now } from "@/lib/time/clock";
import { SessionQuerySchema } from "@/lib/validation/review";

export const GET = route(async (request) => {
  const user = await requireApiUser();
  const { deck } = readQuery(request, SessionQuerySchema);
  if (deck) await requireVisibleDeck(db(), user.id, deck);
  return json(await loadStudySession(db(), user, now(), { documentId: deck }));
});
