import { json, readJson, route } from "@/lib/api/route";
import { requireApiUser } from "@/lib/auth/session";
import { db } from "@/lib/db/runtime/client";
import { importDocument } from "@/lib/db/documents/deck-jobs";
import { ImportSchema, MAX_UPLOAD_BYTES } from "@/lib/validation/documents";

export const POST = route(async (request) => {
  const user = await requireApiUser();
  const { text, dropped, kept } = await readJson(request, ImportSchema, MAX_UPLOAD_BYTES * 2);
  const saved = await importDocument(db(), user.id, text, dropped, kept);
  return json(saved, saved.created ? 201 : 200);
});
