import { z } from "zod";
import { SchedulerError } from "../scheduler/errors";
import { parseSteps } from "../scheduler/steps";
import { TimeZoneSchema } from "./account";

/** Steps as written ("1m 10m"), checked as the scheduler reads them; stored as written, one space apart. */
const steps = (name: "learning" | "relearning") =>
  z
    .string()
    .max(200, "That is far too many steps.")
    .transform((text, context) => {
      try {
        return parseSteps(text, name).join(" ");
      } catch (error) {
        context.addIssue({ code: "custom", message: error instanceof SchedulerError ? error.message : String(error) });
        return z.NEVER;
      }
    });

/** The study settings a user can change; the ranges match lib/scheduler's checks. */
export const SettingsSchema = z
  .object({
    desiredRetention: z.number().min(0.7, "Desired retention must be at least 70%.").max(0.99, "Desired retention must be at most 99%."),
    dailyNewLimit: z.number().int("Use a whole number.").min(0).max(9_999, "At most 9,999 new cards a day."),
    dailyReviewLimit: z.number().int("Use a whole number.").min(0).max(99_999, "At most 99,999 reviews a day."),
    timeZone: TimeZoneSchema,
    learningSteps: steps("learning"),
    relearningSteps: steps("relearning"),
    autoOptimise: z.boolean(),
  })
  .partial()
  .refine((settings) => Object.keys(settings).length > 0, "Nothing to change.");
export type SettingsInput = z.infer<typeof SettingsSchema>;
