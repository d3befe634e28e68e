import { route } from "@/lib/api/route";
import { requireApiUser } from "@/lib/auth/session";
import { db } from "@/lib/db/runtime/client";
import { csvResponse } from "@/lib/api/csv-response";
import { reviewHistoryCsv } from "@/lib/db/stats/export";
import { now } from "@/lib/time/clock";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET: the signed-in user's full review history as CSV (card_id, review_time, review_rating, review_state, review_duration). */
export const GET = route(async () => {
  const user = await requireApiUser();
  return csvResponse(reviewHistoryCsv(db(), user.id), `keypoint-reviews-${now().toISOString().slice(0, 10)}.csv`);
});
