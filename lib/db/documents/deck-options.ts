/** A user's own study options for one deck (Anki's deck options): new cards and reviews per day. */
import type { DeckOptionLimits } from "../../scheduler";
import type { Db } from "../runtime/client";
import { requireVisibleDocument } from "./decks";

/** The deck's daily limits for the user; null fields follow their global limits. */
export async function deckOptions(db: Db, userId: string, documentId: string): Promise<DeckOptionLimits> {
  await requireVisibleDocument(db, userId, documentId);
  const row = await db.deckOptions.findUnique({ where: { userId_documentId: { userId, documentId } }, select: { newPerDay: true, reviewsPerDay: true } });
  return { newPerDay: row?.newPerDay ?? null, reviewsPerDay: row?.reviewsPerDay ?? null };
}

/** Saves the deck's daily limits; a null limit goes back to the user's global one. */
export async function saveDeckOptions(db: Db, userId: string, documentId: string, limits: DeckOptionLimits): Promise<DeckOptionLimits> {
  await requireVisibleDocument(db, userId, documentId);
  const row = await db.deckOptions.upsert({
    where: { userId_documentId: { userId, documentId } },
    create: { userId, documentId, ...limits },
    update: limits,
    select: { newPerDay: true, reviewsPerDay: true },
  });
  return row;
}
