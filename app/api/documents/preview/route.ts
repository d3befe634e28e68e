import { jsonBytes, readJson, readText, route } from "@/lib/api/route";
import { readUpload } from "@/lib/api/read-upload";
import { requireApiUser } from "@/lib/auth/session";
import { previewDeckInWorker } from "@/lib/db/documents/deck-jobs";
import { DOCUMENT_LIMITS, readDocument } from "@/lib/documents";
import { ImportSchema, MAX_UPLOAD_BYTES } from "@/lib/validation/documents";

/**
 * The cards a document would give, not saved, with the text they were made from (which the
 * save request posts back). Takes a file as multipart/form-data (.txt .md .pdf .docx .html),
 * a text body (text/plain, text/markdown) or `{ text }` JSON.
 */
export const POST = route(async (request) => {
  await requireApiUser();
  const type = request.headers.get("content-type") ?? "";
  let text: string;
  if (/^multipart\/form-data\b/i.test(type)) {
    const upload = await readUpload(request, DOCUMENT_LIMITS.fileBytes);
    text = (await readDocument(upload.bytes, upload)).text;
  } else if (/^text\/(plain|markdown)\b/i.test(type)) text = await readText(request, MAX_UPLOAD_BYTES);
  else text = (await readJson(request, ImportSchema, MAX_UPLOAD_BYTES + 4096)).text;
  return jsonBytes(await previewDeckInWorker(text));
});
