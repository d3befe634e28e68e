import { json, parseWith, readJson, route } from "@/lib/api/route";
import { requireApiUser } from "@/lib/auth/session";
import { deckFootprint, removeDeck } from "@/lib/db/documents/remove-deck";
import { renameDocument } from "@/lib/db/documents/rename-document";
import { db } from "@/lib/db/runtime/client";
import { now } from "@/lib/time/clock";
import { RenameDocumentSchema } from "@/lib/validation/documents";
import { IdSchema } from "@/lib/validation/ids";

type Context = { params: Promise<{ documentId: string }> };

const documentIdOf = async (params: Context["params"]) => parseWith(IdSchema, (await params).documentId);

/** The deck with what deleting or removing it would take away (its cards and the user's answers). */
export const GET = route<Context>(async (_request, { params }) => {
  const user = await requireApiUser();
  return json(await deckFootprint(db(), user.id, await documentIdOf(params)));
});

/** Renames the user's own document. */
export const PATCH = route<Context>(async (request, { params }) => {
  const user = await requireApiUser();
  const documentId = await documentIdOf(params);
  const { title } = await readJson(request, RenameDocumentSchema);
  return json(await renameDocument(db(), user.id, documentId, title));
});

/** Deletes the user's own document (restorable for 30 days) or removes a shared deck for them. */
export const DELETE = route<Context>(async (_request, { params }) => {
  const user = await requireApiUser();
  return json(await removeDeck(db(), user.id, await documentIdOf(params), now()));
});
