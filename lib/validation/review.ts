import { z } from "zod";
import { IdSchema, RequestIdSchema } from "./ids";

export const SessionQuerySchema = z.object({
  deck: IdSchema.optional(),
  after: IdSchema.optional(),
});

export const GradeSchema = z.object({
  cardId: IdSchema,
  rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { error: "rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)." }),
  clientRequestId: RequestIdSchema,
  durationMs: z.number().int().min(0).max(24 * 60 * 60 * 1000).default(0),
  deck: IdSchema.optional(),
});

export const UndoSchema = z.object({
  reviewLogId: IdSchema,
  deck: IdSchema.optional(),
});

const Text = (max: number) => z.string().trim().min(1, "Cannot be empty.").max(max, `At most ${max} characters.`);

export const CardEditSchema = z
  .object({
    prompt: Text(2000).optional(),
    answer: Text(500).optional(),
    options: z.array(Text(300)).min(2, "Give at least 2 options.").max(6, "Give at most 6 options.").optional(),
    suspended: z.boolean().optional(),
  })
  .refine((edit) => Object.keys(edit).length > 0, "Nothing to change.");
