import { AnkiExportLinks } from "@/components/documents/anki-export-links";
import { ChartCard } from "@/components/stats/chart-card";
import { StatsFilters } from "@/components/stats/stats-filters";
import { STATS_CHARTS, type StatsScope } from "@/components/stats/stats-charts";
import { requirePageUser } from "@/lib/auth/session";
import { findVisibleDocument, listDecks } from "@/lib/db/documents/decks";
import { db } from "@/lib/db/runtime/client";
import { loadStatsFigures } from "@/lib/db/stats/aggregates";
import { now } from "@/lib/time/clock";
import { firstValue, parseStatsQuery } from "@/lib/validation/stats";

export const metadata = { title: "Statistics" };
export const dynamic = "force-dynamic";

const PERIODS = { "1m": "last month", "3m": "last 3 months", "1y": "last year", all: "history" } as const;

export default async function StatsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams;
  const query = parseStatsQuery(raw);
  const returnTo = `/stats${query.deck || query.range !== "1m" ? `?${new URLSearchParams({ ...(query.deck ? { deck: query.deck } : {}), range: query.range })}` : ""}`;
  const user = await requirePageUser(returnTo);
  const [decks, document] = await Promise.all([listDecks(db(), user.id), query.deck ? findVisibleDocument(db(), user.id, query.deck) : null]);
  const deckMissing = firstValue(raw.deck) !== undefined && !document;
  const figures = await loadStatsFigures(db(), user, now(), { documentId: document?.id, range: query.range });
  const scope: StatsScope = { deckChosen: document !== null, period: PERIODS[query.range] };

  return (
    <div className="stack stats-page">
      <header className="stats-head">
        <div>
          <h1>Statistics</h1>
          <p className="muted">
            {document ? `“${document.title}”` : "All decks"} · activity over {query.range === "all" ? "all time" : `the ${scope.period}`}
          </p>
        </div>
        <StatsFilters decks={decks} deck={document?.id} range={query.range} />
      </header>
      {deckMissing && <p className="alert info">That deck was not found, so all decks are shown.</p>}

      <div className="stats-grid">
        {STATS_CHARTS.map((chart) => (
          <ChartCard
            key={chart.testId}
            testId={chart.testId}
            title={chart.title}
            wide={chart.wide}
            help={chart.help}
            caption={chart.caption?.(figures, scope)}
            empty={chart.isEmpty(figures)}
            table={chart.table?.(figures)}
            emptyText={typeof chart.emptyText === "string" ? chart.emptyText : chart.emptyText(scope)}
          >
            {chart.chart(figures)}
          </ChartCard>
        ))}
      </div>

      <section className="card stats-export" aria-label="Export">
        <h2>Export</h2>
        <p className="muted small">
          Your full history as CSV: the review log in the layout the FSRS optimizer reads, and every card with its state. Or all your
          decks as an Anki package, to study them in Anki.
        </p>
        <div className="row">
          <a className="button" href="/api/export/reviews" download data-testid="export-reviews">
            Review history (CSV)
          </a>
          <a className="button" href="/api/export/cards" download data-testid="export-cards">
            Cards (CSV)
          </a>
          <AnkiExportLinks />
        </div>
      </section>
    </div>
  );
}
