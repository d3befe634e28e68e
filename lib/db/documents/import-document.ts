import { generateDeck, languageNotice } from "../../generator";
import { Invalid } from "../runtime/errors";
import type { SqlRunner } from "../runtime/sql";
import { saveDeck } from "./save-deck";

export interface ImportedDocument {
  documentId: string;
  created: boolean;
  cardCount: number;
}

/**
 * Saves a user's document with the cards they kept: exactly the `kept` ids when given (deck
 * cards and ticked extra candidates), else the deck without the `dropped` ones. The generator is
 * deterministic, so the ids the preview showed are the ids regenerated here; importing the same
 * text again returns the existing document instead of a copy. Text the generator cannot use
 * throws its GeneratorError. Runs in the deck worker (deck-jobs.ts), on that thread's own
 * connection.
 */
export async function importDraft(runner: SqlRunner, ownerId: string, text: string, dropped: string[], kept?: string[]): Promise<ImportedDocument> {
  const draft = generateDeck(text);
  // a document in another language may give no card at all: say why, save nothing
  if (draft.cards.length === 0 && draft.candidates.length === 0) throw new Invalid(languageNotice(draft) ?? "The document gave no cards.", "NO_CARDS");
  const keep = kept ? new Set(kept) : null;
  const drop = new Set(dropped);
  const cards = keep
    ? [...draft.cards, ...draft.candidates].filter((card) => keep.has(card.id))
    : draft.cards.filter((card) => !drop.has(card.id));
  if (cards.length === 0) throw new Invalid("Keep at least one card to save the deck.", "NO_CARDS_KEPT");
  const { document, created } = await saveDeck(runner, { ownerId }, text, { ...draft, cards });
  return { documentId: document.id, created, cardCount: cards.length };
}
