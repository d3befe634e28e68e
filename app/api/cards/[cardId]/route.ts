import { json, parseWith, readJson, route } from "@/lib/api/route";
import { requireApiUser } from "@/lib/auth/session";
import { applyCardAction } from "@/lib/db/cards/card-actions";
import { editCard } from "@/lib/db/review/card-edits";
import { db } from "@/lib/db/runtime/client";
import { now } from "@/lib/time/clock";
import { IdSchema } from "@/lib/validation/ids";
import { CardEditSchema } from "@/lib/validation/review";

type Context = { params: Promise<{ cardId: string }> };

export const PATCH = route<Context>(async (request, { params }) => {
  const user = await requireApiUser();
  const cardId = parseWith(IdSchema, (await params).cardId);
  const edit = await readJson(request, CardEditSchema);
  return json({ card: await editCard(db(), user.id, cardId, edit, now()) });
});

/** Deletes a card of the user's own document, with its history. */
export const DELETE = route<Context>(async (_request, { params }) => {
  const user = await requireApiUser();
  const cardId = parseWith(IdSchema, (await params).cardId);
  return json(await applyCardAction(db(), user.id, { action: "delete", cardIds: [cardId] }, now()));
});
