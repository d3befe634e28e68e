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
