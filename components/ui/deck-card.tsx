import Link from "next/link";
import type { DeckSummary } from "@/lib/db/documents/decks";
import { PutSampleAwayButton } from "../home/sample-deck-buttons";

export function DeckCard({ deck, due }: { deck: DeckSummary; due: number }) {
  return (
    <article className="card" data-testid="deck">
      <h2 className="deck-title">
        <Link href={`/documents/${deck.id}`}>{deck.title}</Link>
      </h2>
      <div className="stat-chips">
        <span className="chip" data-testid="deck-topics">{deck.topicCount} topics</span>
        <span className="chip" data-testid="deck-cards">{deck.cardCount} cards</span>
        {deck.builtin && <span className="chip">Sample deck</span>}
      </div>
      <div className="row">
        <Link className="button primary" href={`/review?deck=${deck.id}`}>
          Review ({due} due)
        </Link>
        <Link className="button" href={`/documents/${deck.id}#topics`}>
          Quiz a topic
        </Link>
        <Link className="button quiet" href={`/stats?deck=${deck.id}`}>
          Stats
        </Link>
        {deck.builtin && <PutSampleAwayButton />}
      </div>
    </article>
  );
}
