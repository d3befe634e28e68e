import { z } from "zod";
import { CardWritingSchema } from "./cards";
import { IdSchema } from "./ids";

/** Documents pasted or uploaded in the browser: up to 2 MB of text. */
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

const CardId = z.string().regex(/^[0-9a-f]{8,64}$/, "Not a card id.");

const Title = z.string().trim().min(1, "Give the document a title.").max(200, "Use at most 200 characters for the title.");
const DocumentText = z.string().max(MAX_UPLOAD_BYTES, "The document is larger than the 2 MB limit.");

/** The text to preview (as JSON; a file comes as multipart). */
export const PreviewSchema = z.object({ text: DocumentText });
/** The preview's query: the user's document the text is a new version of, if they said so. */
export const PreviewQuerySchema = z.object({ update: IdSchema.optional() });

/** At most this many cards changed or written in one import preview. */
export const MAX_PREVIEW_CHANGES = 500;

/**
 * Saving the import preview: the text, the cards kept (exactly the `kept` ids when given, else
 * all but the `dropped` ones), the title as the user left it, their changes to cards and the cards
 * they wrote, and `update`: the document this text is a new version of (else a new deck, or the
 * deck that already has this very text).
 */
export const ImportSchema = z.object({
  text: DocumentText,
  dropped: z.array(CardId).max(100_000).default([]),
  kept: z.array(CardId).max(100_000).optional(),
  title: Title.optional(),
  edits: z.array(CardWritingSchema.omit({ kind: true }).extend({ id: CardId })).max(MAX_PREVIEW_CHANGES, `Change at most ${MAX_PREVIEW_CHANGES} cards at once.`).default([]),
  added: z.array(CardWritingSchema.extend({ topic: z.string().max(20).nullable().default(null) })).max(MAX_PREVIEW_CHANGES, `Add at most ${MAX_PREVIEW_CHANGES} cards at once.`).default([]),
  update: IdSchema.optional(),
});
export type ImportInput = z.input<typeof ImportSchema>;
export type ImportRequest = z.output<typeof ImportSchema>;

export const RenameDocumentSchema = z.object({ title: Title });

/** A deck's own daily limits; null goes back to the user's global limit. The ranges are the global settings' (settings.ts). */
export const DeckOptionsSchema = z.object({
  newPerDay: z.number().int("Use a whole number.").min(0, "Use 0 or more.").max(9_999, "At most 9,999 new cards a day.").nullable(),
  reviewsPerDay: z.number().int("Use a whole number.").min(0, "Use 0 or more.").max(99_999, "At most 99,999 reviews a day.").nullable(),
});
