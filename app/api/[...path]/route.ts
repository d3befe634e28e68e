import { notFound } from "@/lib/api/errors";
import { route } from "@/lib/api/route";

/** Unknown /api paths answer in the API's JSON error shape rather than with the HTML 404 page. */
const unknown = route(async () => {
  throw notFound("API route");
});

export const GET = unknown;
export const POST = unknown;
export const PUT = unknown;
export const PATCH = unknown;
export const DELETE = unknown;
