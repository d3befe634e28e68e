import { json, readJson, route } from "@/lib/api/route";
import { requireApiUser } from "@/lib/auth/session";
import { db } from "@/lib/db/runtime/client";
import { importDocument } from "@/lib/db/documents/deck-jobs";
import { now } from "@/lib/time/clock";
import { ImportSchema, MAX_UPLOAD_BYTES } from "@/lib/validation/documents";

/** Saves the import preview: a new deck, or a new version of one (what changed comes back). */
export const POST = route(async (request) => {
  const user = await requireApiUser();
  const { text, ...options } = await readJson(request, ImportSchema, MAX_UPLOAD_BYTES * 2);
  const saved = await importDocument(db(), user.id, text, options, now());
  return json(saved, saved.created ? 201 : 200);
});
