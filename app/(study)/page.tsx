import Link from "next/link";
import { RemovedBanner } from "@/components/documents/removed-banner";
import { DeckCard } from "@/components/ui/deck-card";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db/runtime/client";
import { listDecks } from "@/lib/db/documents/decks";
import { removedDecks } from "@/lib/db/documents/remove-deck";
import { countDue } from "@/lib/db/review/study-session";
import { now } from "@/lib/time/clock";

export const metadata = { title: "Your decks" };

export default async function HomePage({ searchParams }: { searchParams: Promise<{ removed?: string | string[] }> }) {
  const { removed: removedId } = await searchParams;
  const user = await requirePageUser("/");
  const at = now();
  const [decks, removed] = await Promise.all([listDecks(db(), user.id), typeof removedId === "string" ? removedDecks(db(), user.id, at) : []]);
  const justRemoved = removed.find((deck) => deck.id === removedId);
  const [totalDue, ...dueByDeck] = await Promise.all([
    countDue(db(), user, at),
    ...decks.map((deck) => countDue(db(), user, at, deck.id)),
  ]);
  return (
    <div className="stack">
      {justRemoved && (
        <RemovedBanner
          key={justRemoved.id}
          documentId={justRemoved.id}
          text={justRemoved.builtin ? `Removed “${justRemoved.title}” from your decks.` : `Deleted “${justRemoved.title}” with its ${justRemoved.cards} cards.`}
        />
      )}
      <section className="row" style={{ justifyContent: "space-between" }}>
        <div>
          <h1>Welcome{user.name ? `, ${user.name}` : ""}</h1>
          <p className="muted">
            {totalDue > 0
              ? `${totalDue} cards are ready for you today.`
              : decks.length
                ? "Nothing due right now. Add a document or come back tomorrow."
                : "You have no decks yet: add a document to make your first cards."}
          </p>
        </div>
        <div className="row">
          <Link className="button primary" href="/review" data-testid="review-all">
            Review ({totalDue} due)
          </Link>
          <Link className="button" href="/documents/new">
            Add document
          </Link>
        </div>
      </section>
      <section aria-label="Decks" className="deck-grid">
        {decks.map((deck, index) => (
          <DeckCard key={deck.id} deck={deck} due={dueByDeck[index]} />
        ))}
      </section>
    </div>
  );
}
