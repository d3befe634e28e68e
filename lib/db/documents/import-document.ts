import { ApiError } from "../../api/errors";
import { GeneratorError, generateDeck, type DeckDraft } from "../../generator";
import type { Db } from "../runtime/client";
import { saveDeck } from "./save-deck";

const STATUS: Record<GeneratorError["code"], number> = { EMPTY: 400, BINARY: 415, NO_SENTENCES: 422, TOO_LARGE: 413 };

/** The deck a document gives, or a readable 4xx when the text cannot make one. */
export function draftDeck(text: string): DeckDraft {
  try {
    return generateDeck(text);
  } catch (error) {
    if (error instanceof GeneratorError) throw new ApiError(STATUS[error.code], `DOCUMENT_${error.code}`, error.message);
    throw error;
  }
}

/**
 * Saves a user's document with the cards they kept. The generator is deterministic,
 * so the ids the preview showed are the ids regenerated here; importing the same text
 * again returns the existing document instead of a copy.
 */
export async function importDocument(db: Db, ownerId: string, text: string, dropped: string[]) {
  const draft = draftDeck(text);
  const drop = new Set(dropped);
  const cards = draft.cards.filter((card) => !drop.has(card.id));
  if (cards.length === 0) throw new ApiError(400, "NO_CARDS_KEPT", "Keep at least one card to save the deck.");
  const { document, created } = await saveDeck(db, { ownerId }, text, { ...draft, cards });
  return { documentId: document.id, created, cardCount: cards.length };
}
