import { route } from "@/lib/api/route";
import { requireApiUser } from "@/lib/auth/session";
import { db } from "@/lib/db/runtime/client";
import { csvResponse } from "@/lib/api/csv-response";
import { cardsCsv } from "@/lib/db/stats/export";
import { now } from "@/lib/time/clock";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET: every card of the user's decks with their scheduling state, as CSV. */
export const GET = route(async () => {
  const user = await requireApiUser();
  return csvResponse(cardsCsv(db(), user.id), `keypoint-cards-${now().toISOString().slice(0, 10)}.csv`);
});
