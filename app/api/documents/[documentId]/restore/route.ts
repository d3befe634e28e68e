import { json, parseWith, route } from "@/lib/api/route";
import { requireApiUser } from "@/lib/auth/session";
import { restoreDeck } from "@/lib/db/documents/remove-deck";
import { db } from "@/lib/db/runtime/client";
import { IdSchema } from "@/lib/validation/ids";

type Context = { params: Promise<{ documentId: string }> };

/** Brings back a deck the user deleted (within 30 days) or removed. */
export const POST = route<Context>(async (_request, { params }) => {
  const user = await requireApiUser();
  return json(await restoreDeck(db(), user.id, parseWith(IdSchema, (await params).documentId)));
});
