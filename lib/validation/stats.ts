import { z } from "zod";
import { StatsRangeSchema } from "../stats/range";
import { IdSchema } from "./ids";

/** The stats page's query string: a bad deck id or range falls back to all decks and one month, never an error. */
export const StatsQuerySchema = z.object({
  deck: IdSchema.optional().catch(undefined),
  range: StatsRangeSchema.catch("1m").default("1m"),
});
export type StatsQuery = z.infer<typeof StatsQuerySchema>;

type SearchParams = Record<string, string | string[] | undefined>;

/** A query parameter's first value; an empty one counts as absent. */
export function firstValue(value: string | string[] | undefined): string | undefined {
  return (Array.isArray(value) ? value[0] : value) || undefined;
}

/** The page's parameters, validated. */
export function parseStatsQuery(params: SearchParams): StatsQuery {
  return StatsQuerySchema.parse({ deck: firstValue(params.deck), range: firstValue(params.range) });
}
