import { json, readJson, route } from "@/lib/api/route";
import { requireApiUser } from "@/lib/auth/session";
import { applyCardAction } from "@/lib/db/cards/card-actions";
import { db } from "@/lib/db/runtime/client";
import { now } from "@/lib/time/clock";
import { CardActionSchema } from "@/lib/validation/cards";

/** Suspends, unsuspends, resets, deletes or moves the selected cards: all of them, or none. */
export const POST = route(async (request) => {
  const user = await requireApiUser();
  return json(await applyCardAction(db(), user.id, await readJson(request, CardActionSchema), now()));
});
