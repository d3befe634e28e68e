/**
 * How a collection maps onto Keypoint: each top-level deck a document, its subdecks topics
 * (titled with their path below the document, "Verbs › Irregular"), and the cards as a stream
 * in card order, each with its review log (the two read as one merge of sorted streams).
 */
import type { AnkiCardRow, AnkiCollection, RevlogRow } from "./collection";
import { importedCard, type CardOutcome } from "./note-cards";
import { importedAnswers, type ImportedAnswer } from "./review-history";

export interface DeckPlace {
  /** The top-level deck's name: the document. */
  document: string;
  /** The subdeck below it, or null for cards in the top-level deck itself. */
  topic: string | null;
}

export const TOPIC_SEPARATOR = " › ";

export function deckPlaces(decks: Map<number, string[]>): Map<number, DeckPlace> {
  const places = new Map<number, DeckPlace>();
  for (const [id, parts] of decks) {
    const clean = parts.map((part) => part.trim()).filter(Boolean);
    const document = clean[0] ?? "Default";
    places.set(id, { document, topic: clean.length > 1 ? clean.slice(1).join(TOPIC_SEPARATOR) : null });
  }
  return places;
}

export interface ImportItem {
  row: AnkiCardRow;
  place: DeckPlace;
  outcome: CardOutcome;
  answers: ImportedAnswer[];
}

/** Every card of the collection with its answers, in card id order. */
export function* importItems(collection: AnkiCollection): Generator<ImportItem> {
  const places = deckPlaces(collection.decks);
  const revlog = collection.revlog();
  let pending = revlog.next();
  try {
    for (const row of collection.cards()) {
      const entries: RevlogRow[] = [];
      while (!pending.done && pending.value.cardId < row.id) pending = revlog.next();
      while (!pending.done && pending.value.cardId === row.id) {
        entries.push(pending.value);
        pending = revlog.next();
      }
      const outcome = importedCard(row, collection.noteTypes.get(row.noteTypeId));
      const answers = outcome.card ? importedAnswers(outcome.card.fingerprint, entries, collection.threeButtonLearning) : [];
      yield { row, place: places.get(row.deckId) ?? { document: "Default", topic: null }, outcome, answers };
    }
  } finally {
    // Leaving early (an error, a lost run) must free the second connection's statement too.
    revlog.return?.(undefined);
  }
}
