import Link from "next/link";
import { DeckCard } from "@/components/ui/deck-card";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db/runtime/client";
import { listDecks } from "@/lib/db/documents/decks";
import { countDue } from "@/lib/db/review/study-session";
import { now } from "@/lib/time/clock";

export const metadata = { title: "Your decks" };

export default async function HomePage() {
  const user = await requirePageUser("/");
  const at = now();
  const decks = await listDecks(db(), user.id);
  const [totalDue, ...dueByDeck] = await Promise.all([
    countDue(db(), user, at),
    ...decks.map((deck) => countDue(db(), user, at, deck.id)),
  ]);
  return (
    <div className="stack">
      <section className="row" style={{ justifyContent: "space-between" }}>
        <div>
          <h1>Welcome{user.name ? `, ${user.name}` : ""}</h1>
          <p className="muted">
            {totalDue > 0 ? `${totalDue} cards are ready for you today.` : "Nothing due right now. Add a document or come back tomorrow."}
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
