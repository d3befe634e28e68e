import { z } from "zod";
import { AnswerSchema, OptionsSchema, PromptSchema } from "./cards";
import { IdSchema, RequestIdSchema } from "./ids";

/** Review ahead at most this many days (Anki's custom study offers up to a few weeks). */
export const MAX_AHEAD_DAYS = 60;

/**
 * Custom study, once the day's cards are done: the reviews due in the next `days` days, or a
 * topic's cards again, moving their schedule (`reschedule`) or as practice that leaves it alone.
 */
export const StudyModeSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("ahead"), days: z.number().int().min(1, "Review at least 1 day ahead.").max(MAX_AHEAD_DAYS, `Review at most ${MAX_AHEAD_DAYS} days ahead.`) }),
  z.object({ kind: z.literal("topic"), topicId: IdSchema, reschedule: z.boolean() }),
]);
export type StudyMode = z.infer<typeof StudyModeSchema>;

/** A study mode in a query string: `ahead=7`, or `topic=<id>` with `reschedule=1` to move the schedule. */
const StudyQueryFields = {
  ahead: z.coerce.number().int().min(1).max(MAX_AHEAD_DAYS).optional(),
  topic: IdSchema.optional(),
  reschedule: z.enum(["0", "1"]).optional(),
};

/** The study mode a query names, or undefined for the day's schedule. */
export function studyModeOf(query: { ahead?: number; topic?: string; reschedule?: "0" | "1" }): StudyMode | undefined {
  if (query.topic) return { kind: "topic", topicId: query.topic, reschedule: query.reschedule === "1" };
  if (query.ahead) return { kind: "ahead", days: query.ahead };
  return undefined;
}

export const SessionQuerySchema = z.object({
  deck: IdSchema.optional(),
  after: IdSchema.optional(),
  ...StudyQueryFields,
});

/** The review page's query: a bad value falls back to the day's schedule, never an error. */
export const ReviewPageQuerySchema = z.object({
  deck: IdSchema.optional().catch(undefined),
  ahead: StudyQueryFields.ahead.catch(undefined),
  topic: StudyQueryFields.topic.catch(undefined),
  reschedule: StudyQueryFields.reschedule.catch(undefined),
});

export const GradeSchema = z.object({
  cardId: IdSchema,
  rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { error: "rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)." }),
  clientRequestId: RequestIdSchema,
  durationMs: z.number().int().min(0).max(24 * 60 * 60 * 1000).default(0),
  deck: IdSchema.optional(),
  study: StudyModeSchema.optional(),
});

export const UndoSchema = z.object({
  reviewLogId: IdSchema,
  deck: IdSchema.optional(),
  study: StudyModeSchema.optional(),
});

/** Custom study: this many more new cards today, on top of the daily limits. */
export const ExtraNewSchema = z.object({
  count: z.number().int().min(1, "Ask for at least 1 new card.").max(1_000, "At most 1,000 extra new cards a day."),
});

/** A user's change to a card: new wording (null puts the document's back), or suspension. */
export const CardEditSchema = z
  .object({
    prompt: PromptSchema.nullable().optional(),
    answer: AnswerSchema.nullable().optional(),
    options: OptionsSchema.nullable().optional(),
    suspended: z.boolean().optional(),
  })
  .refine((edit) => Object.keys(edit).length > 0, "Nothing to change.");
