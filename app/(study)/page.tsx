import Link from "next/link";
import { RemovedBanner } from "@/components/documents/removed-banner";
import { FirstRun } from "@/components/home/first-run";
import { Landing } from "@/components/home/landing";
import { DeckCard } from "@/components/ui/deck-card";
import { currentUser, type SignedInUser } from "@/lib/auth/session";
import { db } from "@/lib/db/runtime/client";
import { listDecks } from "@/lib/db/documents/decks";
import { removedDecks } from "@/lib/db/documents/remove-deck";
import { sampleCard } from "@/lib/db/documents/sample-deck";
import { countDue } from "@/lib/db/review/study-session";
import { now } from "@/lib/time/clock";

export const metadata = { title: { absolute: "Keypoint: remember what you read" } };

export default async function HomePage({ searchParams }: { searchParams: Promise<{ removed?: string | string[] }> }) {
  const user = await currentUser();
  if (!user) return <Landing card={await sampleCard(db())} />;
  const { removed } = await searchParams;
  return <Decks user={user} removedId={typeof removed === "string" ? removed : undefined} />;
}

async function Decks({ user, removedId }: { user: SignedInUser; removedId?: string }) {
  const at = now();
  const [decks, removed] = await Promise.all([listDecks(db(), user.id), removedId ? removedDecks(db(), user.id, at) : []]);
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
            {decks.length === 0
              ? "You have no decks yet."
              : totalDue > 0
                ? `${totalDue} cards are ready for you today.`
                : "Nothing due right now. Add a document or come back tomorrow."}
          </p>
        </div>
        {decks.length > 0 && (
          <div className="row">
            <Link className="button primary" href="/review" data-testid="review-all">
              Review ({totalDue} due)
            </Link>
            <Link className="button" href="/documents/new">
              Add document
            </Link>
          </div>
        )}
      </section>
      {decks.length === 0 && <FirstRun />}
      <section aria-label="Decks" className="deck-grid">
        {decks.map((deck, index) => (
          <DeckCard key={deck.id} deck={deck} due={dueByDeck[index]} />
        ))}
      </section>
    </div>
  );
}
