import Link from "next/link";
import { AddCardForm } from "@/components/cards/add-card-form";
import { CardBrowser } from "@/components/cards/card-browser";
import { CardFilters } from "@/components/cards/card-filters";
import { Pagination } from "@/components/ui/pagination";
import { requirePageUser } from "@/lib/auth/session";
import { browseCards } from "@/lib/db/cards/browse-cards";
import { db } from "@/lib/db/runtime/client";
import { NotFound } from "@/lib/db/runtime/errors";
import type { StudyUser } from "@/lib/scheduler";
import { now } from "@/lib/time/clock";
import { parseCardPageQuery, type CardQuery } from "@/lib/validation/cards";

export const metadata = { title: "Cards" };
export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;

/** The query string of a page of results: the same search, another page. */
function pageHref(query: CardQuery, page: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, page })) {
    if (value !== undefined && !(key === "sort" && value === "created") && !(key === "page" && value === 1)) params.set(key, String(value));
  }
  const text = params.toString();
  return `/cards${text ? `?${text}` : ""}`;
}

/** The page of cards asked for; a deck or topic the user cannot see falls back to all their cards. */
async function browseOrAll(user: StudyUser, asked: CardQuery, at: Date) {
  try {
    return { query: asked, result: await browseCards(db(), user, asked, at) };
  } catch (error) {
    if (!(error instanceof NotFound)) throw error;
    const query = { ...asked, document: undefined, topic: undefined };
    return { query, result: await browseCards(db(), user, query, at) };
  }
}

export default async function CardsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const asked = parseCardPageQuery(await searchParams);
  const user = await requirePageUser(pageHref(asked, asked.page));
  const { query, result } = await browseOrAll(user, asked, now());
  const deck = result.decks.find((d) => d.id === query.document);
  const first = (result.page - 1) * result.pageSize + 1;
  return (
    <div className="stack cards-page">
      <header className="row" style={{ justifyContent: "space-between" }}>
        <div>
          <h1>{deck ? `Cards of “${deck.title}”` : "Cards"}</h1>
          <p className="muted small" data-testid="cards-total" aria-live="polite">
            {result.total === 0
              ? "No cards match."
              : `${result.total.toLocaleString("en-US")} card${result.total === 1 ? "" : "s"}${result.total > result.pageSize ? `, ${first}–${first + result.cards.length - 1} shown` : ""}`}
          </p>
        </div>
        {deck && (
          <Link className="button quiet" href={`/documents/${deck.id}`}>
            Back to the deck
          </Link>
        )}
      </header>
      {query !== asked && <p className="alert info">That deck or topic was not found, so all your cards are shown.</p>}
      <CardFilters query={query} decks={result.decks} />
      <CardBrowser cards={result.cards} decks={result.decks} />
      <Pagination page={result.page} pageSize={result.pageSize} total={result.total} href={(page) => pageHref(query, page)} />
      <details className="card" id="add-card">
        <summary>
          <h2 className="inline-heading">Add a card</h2>
        </summary>
        <AddCardForm decks={result.decks} deck={query.document} />
      </details>
    </div>
  );
}
