import { json, readJson, readText, route } from "@/lib/api/route";
import { requireApiUser } from "@/lib/auth/session";
import { generateDeck } from "@/lib/generator";
import { ImportSchema, MAX_UPLOAD_BYTES } from "@/lib/validation/documents";

/** The cards a document would give (and extra candidates), not saved. Takes an uploaded file (text/plain) or `{ text }` JSON. */
export const POST = route(async (request) => {
  await requireApiUser();
  const type = request.headers.get("content-type") ?? "";
  const text = /^text\/(plain|markdown)\b/i.test(type)
    ? await readText(request, MAX_UPLOAD_BYTES)
    : (await readJson(request, ImportSchema, MAX_UPLOAD_BYTES + 4096)).text;
  const draft = generateDeck(text);
  return json({ title: draft.title, topics: draft.topics, cards: draft.cards, candidates: draft.candidates, words: draft.words });
});
