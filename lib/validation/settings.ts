import { z } from "zod";
import { TimeZoneSchema } from "./account";

/** The study settings a user can change; the ranges match lib/scheduler's checks. */
export const SettingsSchema = z
  .object({
    desiredRetention: z.number().min(0.7, "Desired retention must be at least 70%.").max(0.99, "Desired retention must be at most 99%."),
    dailyNewLimit: z.number().int("Use a whole number.").min(0).max(9_999, "At most 9,999 new cards a day."),
    dailyReviewLimit: z.number().int("Use a whole number.").min(0).max(99_999, "At most 99,999 reviews a day."),
    timeZone: TimeZoneSchema,
  })
  .partial()
  .refine((settings) => Object.keys(settings).length > 0, "Nothing to change.");
export type SettingsInput = z.infer<typeof SettingsSchema>;
