import { notFound } from "@/lib/api/errors";
import { errorResponse } from "@/lib/api/route";

/** Unknown /api paths answer in the API's JSON error shape rather than with the HTML 404 page. */
function unknown(): Response {
  return errorResponse(notFound("API route"));
}

export const GET = unknown;
export const POST = unknown;
export const PUT = unknown;
export const PATCH = unknown;
export const DELETE = unknown;
