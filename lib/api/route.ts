import { z } from "zod";
import { appEnv } from "../config/env";
import { asDomainError } from "../db/runtime/errors";
import { DocumentError } from "../documents/errors";
import { GeneratorError } from "../generator/errors";
import { wellFormedStrings } from "../validation/well-formed";
import { ApiError, badRequest, documentStatus, domainStatus, generatorStatus } from "./errors";
import { requireSameOrigin } from "./same-origin";

export function json(data: unknown, status = 200): Response {
  return Response.json(data, { status, headers: { "Cache-Control": "no-store" } });
}

/** A JSON body already serialised (and encoded) elsewhere, such as on a worker thread. */
export function jsonBytes(body: Uint8Array, status = 200): Response {
  return new Response(body as Uint8Array<ArrayBuffer>, { status, headers: { "Content-Type": "application/json", "Cache-Control": "no-store" } });
}

export function errorResponse(error: unknown): Response {
  if (error instanceof ApiError) return json({ error: { code: error.code, message: error.message } }, error.status);
  if (error instanceof z.ZodError) return json({ error: { code: "INVALID_INPUT", message: describeZodError(error) } }, 400);
  const domain = asDomainError(error);
  if (domain) {
    const response = json({ error: { code: domain.code, message: domain.message } }, domainStatus(domain));
    if (response.status === 503) response.headers.set("Retry-After", "1");
    return response;
  }
  if (error instanceof GeneratorError) return json({ error: { code: `DOCUMENT_${error.code}`, message: error.message } }, generatorStatus[error.code]);
  if (error instanceof DocumentError) return json({ error: { code: `DOCUMENT_${error.code}`, message: error.message } }, documentStatus[error.code]);
  console.error("Unhandled error in route", error);
  return json({ error: { code: "INTERNAL", message: "Something went wrong on our side. Nothing was saved; please try again." } }, 500);
}


export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/**
 * Wraps a route handler: a request that could change something must come from Keypoint's own
 * pages (same-origin.ts), and every failure becomes `{ error: { code, message } }` with a 4xx/5xx status.
 */
export function route<C = unknown>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      requireSameOrigin(request, new URL(appEnv().baseUrl).origin);
      return await handler(request, context);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export const DEFAULT_JSON_LIMIT = 64 * 1024;

/** Reads a JSON body of at most `maxBytes` and validates it with `schema`. */
export async function readJson<T extends z.ZodType>(request: Request, schema: T, maxBytes = DEFAULT_JSON_LIMIT): Promise<z.infer<T>> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) {
    throw new ApiError(415, "UNSUPPORTED_MEDIA_TYPE", "Send the request body as JSON (Content-Type: application/json).");
  }
  const text = await readText(request, maxBytes);
  let body: unknown;
  try {
    body = JSON.parse(text, wellFormedStrings);
  } catch {
    throw badRequest("The request body is not valid JSON.", "MALFORMED_JSON");
  }
  return parseWith(schema, body);
}

export function parseWith<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw badRequest(describeZodError(result.error), "INVALID_INPUT");
  return result.data;
}

/** Reads the body as UTF-8 text, refusing bodies over `maxBytes` and bytes that are not UTF-8. */
export async function readText(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const buffer = await readBytes(request, maxBytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(buffer);
  } catch {
    throw badRequest("The request body is not UTF-8 text.", "NOT_UTF8");
  }
}

/** Reads the body, counting bytes as they arrive: a body over `maxBytes` is refused without being read to its end. */
export async function readBytes(request: Request, maxBytes: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function tooLarge(maxBytes: number): ApiError {
  const limit = maxBytes >= 1024 * 1024 ? `${Math.round(maxBytes / 1024 / 1024)} MB` : `${Math.round(maxBytes / 1024)} KB`;
  return new ApiError(413, "TOO_LARGE", `The request is larger than the ${limit} limit.`);
}
