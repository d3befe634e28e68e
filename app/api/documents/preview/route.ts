import { readQuery } from "@/lib/api/query";
import { jsonBytes, readJson, readText, route } from "@/lib/api/route";
import { readUpload } from "@/lib/api/read-upload";
import { requireApiUser } from "@/lib/auth/session";
import { previewDeckInWorker } from "@/lib/db/documents/deck-jobs";
import { db } from "@/lib/db/runtime/client";
import { DOCUMENT_LIMITS, readDocument, titleFromFileName } from "@/lib/documents";
import { MAX_UPLOAD_BYTES, PreviewQuerySchema, PreviewSchema } from "@/lib/validation/documents";

/**
 * The cards a document would give, not saved, with the text they were made from (which the
 * save request posts back), and the user's deck it is a version of, if any (`?update=<id>`
 * names one). Takes a file as multipart/form-data (.txt .md .pdf .docx .html), a text body
 * (text/plain, text/markdown) or `{ text }` JSON. A text file without a title is named after it.
 */
export const POST = route(async (request) => {
  const user = await requireApiUser();
  const { update } = readQuery(request, PreviewQuerySchema);
  const type = request.headers.get("content-type") ?? "";
  let text: string;
  let fileName: string | undefined;
  if (/^multipart\/form-data\b/i.test(type)) {
    const upload = await readUpload(request, DOCUMENT_LIMITS.fileBytes);
    text = (await readDocument(upload.bytes, upload)).text;
    fileName = upload.fileName;
  } else if (/^text\/(plain|markdown)\b/i.test(type)) text = await readText(request, MAX_UPLOAD_BYTES);
  else text = (await readJson(request, PreviewSchema, MAX_UPLOAD_BYTES + 4096)).text;
  return jsonBytes(await previewDeckInWorker(text, { fallbackTitle: fileName && titleFromFileName(fileName), db: db(), userId: user.id, update }));
});
