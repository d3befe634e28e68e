import { z } from "zod";

/** Documents pasted or uploaded in the browser: up to 2 MB of text. */
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

const CardId = z.string().regex(/^[0-9a-f]{8,64}$/, "Not a card id.");

export const ImportSchema = z.object({
  text: z.string().max(MAX_UPLOAD_BYTES, "The document is larger than the 2 MB limit."),
  dropped: z.array(CardId).max(100_000).default([]),
  /** The cards the user ticked in the preview (deck cards and extra candidates); when given, exactly these are saved. */
  kept: z.array(CardId).max(100_000).optional(),
});
export type ImportInput = z.infer<typeof ImportSchema>;

export const RenameDocumentSchema = z.object({
  title: z.string().trim().min(1, "Give the document a title.").max(200, "Use at most 200 characters for the title."),
});

/** A deck's own daily limits; null goes back to the user's global limit. The ranges are the global settings' (settings.ts). */
export const DeckOptionsSchema = z.object({
  newPerDay: z.number().int("Use a whole number.").min(0, "Use 0 or more.").max(9_999, "At most 9,999 new cards a day.").nullable(),
  reviewsPerDay: z.number().int("Use a whole number.").min(0, "Use 0 or more.").max(99_999, "At most 99,999 reviews a day.").nullable(),
});
