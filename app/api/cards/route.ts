import { readQuery } from "@/lib/api/query";
import { json, readJson, route } from "@/lib/api/route";
import { requireApiUser } from "@/lib/auth/session";
import { addCard } from "@/lib/db/cards/add-card";
import { browseCards } from "@/lib/db/cards/browse-cards";
import { db } from "@/lib/db/runtime/client";
import { now } from "@/lib/time/clock";
import { CardQuerySchema, NewCardSchema } from "@/lib/validation/cards";

/** One page of the user's cards: search, filters and sort as the card browser's query string. */
export const GET = route(async (request) => {
  const user = await requireApiUser();
  return json(await browseCards(db(), user, readQuery(request, CardQuerySchema), now()));
});

/** A card written by hand into one of the user's documents. */
export const POST = route(async (request) => {
  const user = await requireApiUser();
  return json({ card: await addCard(db(), user.id, await readJson(request, NewCardSchema), now()) }, 201);
});
