import { z } from "zod";
import { IdSchema, RequestIdSchema } from "./ids";

/** The question counts offered on the document page. */
export const QUIZ_COUNTS = [5, 10, 20] as const;
export const DEFAULT_QUIZ_COUNT = 10;
export const MAX_QUIZ_COUNT = 50;

export const StartQuizSchema = z.object({
  documentId: IdSchema,
  /** null: the whole document. */
  topicId: IdSchema.nullable().default(null),
  count: z
    .number({ error: `count must be a whole number from 1 to ${MAX_QUIZ_COUNT}.` })
    .int(`count must be a whole number from 1 to ${MAX_QUIZ_COUNT}.`)
    .min(1, `count must be a whole number from 1 to ${MAX_QUIZ_COUNT}.`)
    .max(MAX_QUIZ_COUNT, `count must be a whole number from 1 to ${MAX_QUIZ_COUNT}.`)
    .default(DEFAULT_QUIZ_COUNT),
});
export type StartQuizInput = z.infer<typeof StartQuizSchema>;

export const AnswerQuizSchema = z.object({
  questionIndex: z.number().int().min(0, "questionIndex must be 0 or more.").max(MAX_QUIZ_COUNT - 1, "No such question."),
  /** An empty answer is allowed: "I don't know" counts as a miss. */
  answer: z.string().trim().max(500, "An answer has at most 500 characters."),
  clientRequestId: RequestIdSchema,
  durationMs: z.number().int().min(0).max(24 * 60 * 60 * 1000).default(0),
});
export type AnswerQuizInput = z.infer<typeof AnswerQuizSchema>;

/** "I was right" on a typed answer marked wrong. */
export const OverrideAnswerSchema = z.object({
  questionIndex: z.number().int().min(0, "questionIndex must be 0 or more.").max(MAX_QUIZ_COUNT - 1, "No such question."),
});
