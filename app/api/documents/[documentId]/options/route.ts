import { json, parseWith, readJson, route } from "@/lib/api/route";
import { requireApiUser } from "@/lib/auth/session";
import { deckOptions, saveDeckOptions } from "@/lib/db/documents/deck-options";
import { db } from "@/lib/db/runtime/client";
import { DeckOptionsSchema } from "@/lib/validation/documents";
import { IdSchema } from "@/lib/validation/ids";

type Context = { params: Promise<{ documentId: string }> };

/** The user's daily limits for this deck (null: their global limit). */
export const GET = route<Context>(async (_request, { params }) => {
  const user = await requireApiUser();
  return json(await deckOptions(db(), user.id, parseWith(IdSchema, (await params).documentId)));
});

export const PUT = route<Context>(async (request, { params }) => {
  const user = await requireApiUser();
  const documentId = parseWith(IdSchema, (await params).documentId);
  return json(await saveDeckOptions(db(), user.id, documentId, await readJson(request, DeckOptionsSchema)));
});
