import { z } from "zod";
import { badRequest, ApiError } from "./errors";
import { parseWith, readBytes } from "./route";

/** Room for the multipart boundaries and headers around the file. */
const ENVELOPE_BYTES = 64 * 1024;

const UploadSchema = z.object({
  file: z.instanceof(File, { message: "Choose a file to upload." }),
});

export interface Upload {
  bytes: Uint8Array;
  fileName: string;
  contentType: string;
}

function tooLarge(limitBytes: number, declared?: number): ApiError {
  const size = declared ? `The upload is ${(declared / 1024 / 1024).toFixed(1)} MB; ` : "The upload is larger than the limit; ";
  return new ApiError(413, "TOO_LARGE", `${size}files can be up to ${Math.round(limitBytes / 1024 / 1024)} MB.`);
}

/**
 * A file sent as multipart/form-data (field `file`). A body declared or counted over the limit is
 * refused before it is read whole; the form is parsed from the bytes already counted.
 */
export async function readUpload(request: Request, limitBytes: number): Promise<Upload> {
  const type = request.headers.get("content-type") ?? "";
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limitBytes + ENVELOPE_BYTES) throw tooLarge(limitBytes, declared);
  let bytes: Uint8Array;
  try {
    bytes = await readBytes(request, limitBytes + ENVELOPE_BYTES);
  } catch (error) {
    throw error instanceof ApiError && error.status === 413 ? tooLarge(limitBytes) : error;
  }
  let form: FormData;
  try {
    form = await new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { "content-type": type } }).formData();
  } catch {
    throw badRequest("The upload is not a valid form: send the file as multipart/form-data in a field named file.", "MALFORMED_UPLOAD");
  }
  const { file } = parseWith(UploadSchema, { file: form.get("file") });
  if (file.size > limitBytes) throw tooLarge(limitBytes, file.size);
  return { bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name.slice(0, 255), contentType: file.type };
}
