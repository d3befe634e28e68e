import type { z } from "zod";
import { parseWith } from "./route";

/** Validates a request's query string with `schema`. */
export function readQuery<T extends z.ZodType>(request: Request, schema: T): z.infer<T> {
  return parseWith(schema, Object.fromEntries(new URL(request.url).searchParams));
}
