import { z } from "zod";
import { IdSchema } from "./ids";
import { firstValue } from "./stats";

export const CARD_STATES = ["new", "learning", "review", "relearning"] as const;
export const CARD_SORTS = ["created", "due", "lapses", "difficulty"] as const;
export const CARD_KINDS = ["cloze", "choice", "basic"] as const;
/** Anki calls a card with this many lapses a leech. */
export const LEECH_LAPSES = 8;
export const CARDS_PER_PAGE = 50;

/** The card browser's search and filters (the /cards page's query string, and GET /api/cards). */
const fields = {
  q: z.string().trim().max(200, "Search for at most 200 characters.").optional(),
  document: IdSchema.optional(),
  topic: IdSchema.optional(),
  kind: z.enum(CARD_KINDS).optional(),
  state: z.enum(CARD_STATES).optional(),
  /** yes: only suspended cards; no: leave them out. */
  suspended: z.enum(["yes", "no"]).optional(),
  /** today: due by the end of today's study day (studied cards only). */
  due: z.enum(["today"]).optional(),
  /** At least this many lapses (leeches: 8). */
  lapses: z.coerce.number().int().min(1).max(10_000).optional(),
  sort: z.enum(CARD_SORTS).default("created"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
};

export const CardQuerySchema = z.object(fields);
export type CardQuery = z.infer<typeof CardQuerySchema>;

/** The page's query string, read leniently: a value that makes no sense is left out, never an error. */
export function parseCardPageQuery(params: Record<string, string | string[] | undefined>): CardQuery {
  const query: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(fields) as [string, z.ZodType][]) {
    const parsed = schema.safeParse(firstValue(params[name]));
    if (parsed.success) query[name] = parsed.data;
  }
  return CardQuerySchema.parse(query);
}

/** A card's text, trimmed and never empty. */
export const CardText = (max: number) => z.string().trim().min(1, "Cannot be empty.").max(max, `At most ${max} characters.`);
export const OptionsSchema = z.array(CardText(300)).min(2, "Give at least 2 options.").max(6, "Give at most 6 options.");
export const PromptSchema = CardText(2000);
export const AnswerSchema = CardText(500);

/** What a user writes of a card: its kind, the prompt, the answer and (choice) the options. */
export const CardWritingSchema = z.object({
  kind: z.enum(CARD_KINDS),
  prompt: PromptSchema,
  answer: AnswerSchema,
  options: OptionsSchema.optional(),
});

/** A card written by hand into one of the user's documents: a cloze with its gap, or a question with options. */
export const NewCardSchema = CardWritingSchema.extend({
  documentId: IdSchema,
  topicId: IdSchema.nullable().default(null),
});
export type NewCardInput = z.infer<typeof NewCardSchema>;

/** What to do with the selected cards in the browser. */
export const CardActionSchema = z.discriminatedUnion("action", [
  z.object({ action: z.enum(["suspend", "unsuspend", "reset", "delete"]), cardIds: z.array(IdSchema).min(1, "Select at least one card.").max(500, "Select at most 500 cards at once.") }),
  z.object({ action: z.literal("move"), cardIds: z.array(IdSchema).min(1, "Select at least one card.").max(500, "Select at most 500 cards at once."), topicId: IdSchema.nullable() }),
]);
export type CardAction = z.infer<typeof CardActionSchema>;
