import { json, readJson, route } from "@/lib/api/route";
import { requireApiUser } from "@/lib/auth/session";
import { grantExtraNewCards } from "@/lib/db/review/extra-new-cards";
import { db } from "@/lib/db/runtime/client";
import { now } from "@/lib/time/clock";
import { ExtraNewSchema } from "@/lib/validation/review";

/** Custom study: more new cards today than the daily limits allow. */
export const POST = route(async (request) => {
  const user = await requireApiUser();
  const { count } = await readJson(request, ExtraNewSchema);
  return json(await grantExtraNewCards(db(), user, count, now()));
});
