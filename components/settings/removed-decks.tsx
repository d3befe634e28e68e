import type { RemovedDeck } from "@/lib/db/documents/remove-deck";
import { RestoreDeckButton } from "../documents/restore-deck-button";
import { plural } from "../ui/plural";

const day = (date: Date) => date.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });

/** Decks the user deleted (for 30 days) or removed, each with a way back. */
export function RemovedDecks({ decks }: { decks: RemovedDeck[] }) {
  return (
    <section className="card stack" id="removed-decks" aria-labelledby="removed-decks-heading">
      <div>
        <h2 id="removed-decks-heading">Deleted and removed decks</h2>
        <p className="small muted">A document you delete is kept for 30 days, with its history, then deleted for good. A removed default deck stays here until you bring it back.</p>
      </div>
      {decks.length === 0 ? (
        <p className="muted small" data-testid="no-removed-decks">Nothing here: every deck is in your list.</p>
      ) : (
        <ul className="removed-list">
          {decks.map((deck) => (
            <li key={deck.id} data-testid="removed-deck">
              <span>
                <strong>{deck.title}</strong>
                <br />
                <span className="small muted">
                  {plural(deck.cards, "card")}, {plural(deck.reviews, "answer")} ·{" "}
                  {deck.purgeAt ? `deleted ${day(deck.removedAt)}, kept until ${day(deck.purgeAt)}` : `default deck, removed ${day(deck.removedAt)}`}
                </span>
              </span>
              <RestoreDeckButton documentId={deck.id} label={deck.builtin ? "Bring back" : "Restore"} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
