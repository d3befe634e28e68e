import { z } from "zod";
import { AnswerButtonsChart, HourChart } from "@/components/stats/answer-charts";
import { ReviewsPerDayChart, TimePerDayChart } from "@/components/stats/activity-charts";
import { CalendarHeatmap } from "@/components/stats/calendar-heatmap";
import { CalibrationChart } from "@/components/stats/calibration-chart";
import { CardStateChart, Histogram } from "@/components/stats/card-charts";
import { ChartCard } from "@/components/stats/chart-card";
import { percent } from "@/components/stats/chart-theme";
import { ForecastChart } from "@/components/stats/forecast-chart";
import { RetentionChart } from "@/components/stats/retention-chart";
import { StatsFilters } from "@/components/stats/stats-filters";
import { TopicMasteryChart } from "@/components/stats/topic-mastery";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db/runtime/client";
import { findVisibleDocument, listDecks } from "@/lib/db/documents/decks";
import { loadStatsFigures } from "@/lib/db/stats/aggregates";
import { StatsRangeSchema } from "@/lib/stats/range";
import { now } from "@/lib/time/clock";
import { IdSchema } from "@/lib/validation/ids";

export const metadata = { title: "Statistics" };
export const dynamic = "force-dynamic";

const StatsQuerySchema = z.object({
  deck: IdSchema.optional().catch(undefined),
  range: StatsRangeSchema.catch("1m").default("1m"),
});

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function StatsPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  const query = StatsQuerySchema.parse({ deck: first(raw.deck), range: first(raw.range) });
  const returnTo = `/stats${query.deck || query.range !== "1m" ? `?${new URLSearchParams({ ...(query.deck ? { deck: query.deck } : {}), range: query.range })}` : ""}`;
  const user = await requirePageUser(returnTo);
  const [decks, document] = await Promise.all([
    listDecks(db(), user.id),
    query.deck ? findVisibleDocument(db(), user.id, query.deck) : null,
  ]);
  const deckMissing = Boolean(first(raw.deck)) && !document;
  const f = await loadStatsFigures(db(), user, now(), { documentId: document?.id, range: query.range });
  const rangeLabel = { "1m": "month", "3m": "3 months", "1y": "year", all: "history" }[query.range];
  const month = f.retention.periods.find((p) => p.key === "month")!;

  return (
    <div className="stack stats-page">
      <header className="stats-head">
        <div>
          <h1>Statistics</h1>
          <p className="muted">
            {document ? `“${document.title}”` : "All decks"} · activity over {query.range === "all" ? "all time" : `the last ${rangeLabel}`}
          </p>
        </div>
        <StatsFilters decks={decks} deck={document?.id} range={query.range} />
      </header>
      {deckMissing && <p className="alert info">That deck was not found, so all decks are shown.</p>}

      <div className="stats-grid">
        <ChartCard
          wide
          testId="stats-retention"
          title="True retention"
          caption={
            month.total.total > 0
              ? `Last 30 days: ${percent(month.total.rate, 1)} of ${month.total.total} reviews recalled (young ${percent(month.young.rate)}, mature ${percent(month.mature.rate)}); your target is ${percent(f.retention.desired)}.`
              : `Share of reviews recalled (not “Again”) on each card’s first review of the day, after an interval of a day or more. Your target is ${percent(f.retention.desired)}.`
          }
          empty={!f.retention.hasData}
          emptyText="Review a few cards on later days to see your retention: it counts each card’s first review of a day, once its interval has grown to a day or more."
        >
          <RetentionChart retention={f.retention} />
        </ChartCard>

        <ChartCard
          wide
          testId="stats-activity"
          title="Reviews per day"
          caption={f.activity.hasData ? `${f.activity.totals.reviews} answers on ${f.activity.totals.activeDays} of ${f.activity.totals.days} days, ${f.activity.totals.seconds < 60 ? `${f.activity.totals.seconds} ${f.activity.totals.seconds === 1 ? "second" : "seconds"}` : `${f.activity.totals.minutes} minutes`} in all.` : undefined}
          empty={!f.activity.hasData}
          emptyText={`No answers in the ${query.range === "all" ? "history" : `last ${rangeLabel}`} yet. Each day you review or quiz, a bar appears here, split into learning, review, relearning and quiz.`}
        >
          <ReviewsPerDayChart activity={f.activity} />
          <h3 className="stats-subhead">Time spent</h3>
          <TimePerDayChart activity={f.activity} />
        </ChartCard>

        <ChartCard
          wide
          testId="stats-calendar"
          title="Activity calendar"
          caption={
            <span className="stat-chips">
              <span className="chip" data-testid="current-streak">Current streak: {f.calendar.currentStreak} {f.calendar.currentStreak === 1 ? "day" : "days"}</span>
              <span className="chip" data-testid="longest-streak">Longest streak: {f.calendar.longestStreak} {f.calendar.longestStreak === 1 ? "day" : "days"}</span>
              <span className="chip">{f.calendar.activeDays} {f.calendar.activeDays === 1 ? "day" : "days"} studied this year</span>
            </span>
          }
          empty={!f.calendar.hasData}
          emptyText="Study on a few days and this calendar fills in, one square per day, darker the more you answered."
        >
          <CalendarHeatmap cells={f.calendar.cells} weeks={f.calendar.weeks} />
        </ChartCard>

        <ChartCard
          testId="stats-forecast"
          title="Due forecast"
          caption={
            <span className="stat-chips">
              <span className={`chip${f.forecast.overdue > 0 ? " chip-warn" : ""}`} data-testid="overdue">Overdue now: {f.forecast.overdue}</span>
              <span className="chip">Due today: {f.forecast.dueToday}</span>
              <span className="chip">Next 30 days: {f.forecast.upcoming}</span>
            </span>
          }
          empty={!f.forecast.hasData}
          emptyText="Nothing is scheduled yet. Cards you study appear here on the day they fall due."
        >
          <ForecastChart days={f.forecast.days} />
        </ChartCard>

        <ChartCard
          testId="stats-cards"
          title="Card counts"
          caption={`${f.cards.total} cards in ${document ? "this deck" : "your decks"}.`}
          empty={f.cards.total === 0}
          emptyText="Add a document to get cards; their states (new, learning, young, mature, suspended) show here."
        >
          <CardStateChart counts={f.cards} />
        </ChartCard>

        <ChartCard
          testId="stats-recall"
          title="Recall now"
          caption={f.memory.hasData ? `${percent(f.memory.atLeast90)} of your ${f.memory.studied} studied cards would be recalled with at least 90% probability right now.` : undefined}
          empty={!f.memory.hasData}
          emptyText="Study some cards to see how likely you are to recall them today."
        >
          <Histogram bins={f.memory.recall} name="Cards" color="var(--chart-review)" testId="recall-histogram" />
        </ChartCard>

        <ChartCard
          testId="stats-stability"
          title="Stability"
          caption="Days until recall drops to 90%: how well each card is anchored."
          empty={!f.memory.hasData}
          emptyText="Stability appears once you have studied a card."
        >
          <Histogram bins={f.memory.stability} name="Cards" color="var(--chart-mature)" testId="stability-histogram" />
        </ChartCard>

        <ChartCard
          testId="stats-difficulty"
          title="Difficulty"
          caption="1 = easy to remember, 10 = hard."
          empty={!f.memory.hasData}
          emptyText="Difficulty appears once you have studied a card."
        >
          <Histogram bins={f.memory.difficulty} name="Cards" color="var(--chart-learning)" testId="difficulty-histogram" />
        </ChartCard>

        <ChartCard
          testId="stats-answers"
          title="Answer buttons"
          caption={f.buttons.hasData ? `${percent(f.buttons.passRate)} of ${f.buttons.total} answers were not “Again”.` : undefined}
          empty={!f.buttons.hasData}
          emptyText="How often you press Again, Hard, Good and Easy will show here."
        >
          <AnswerButtonsChart data={f.buttons} />
        </ChartCard>

        <ChartCard
          wide
          testId="stats-topics"
          title="Topic mastery"
          caption="Weakest topics first: how likely you are to recall each topic’s studied cards now, and your best quiz score of the last 30 days."
          empty={f.topics.length === 0}
          emptyText="Study or quiz a topic to see which topics are strong and which need a quiz."
        >
          <TopicMasteryChart topics={f.topics} />
        </ChartCard>

        <ChartCard
          wide
          testId="stats-calibration"
          title="Are the predictions right?"
          caption={
            f.calibration.hasData
              ? `Before each review the scheduler predicts how likely you are to recall the card. Across ${f.calibration.count} first reviews of the day it predicted ${percent(f.calibration.predicted, 1)} and you recalled ${percent(f.calibration.observed, 1)}. Bins with few reviews are noisy.`
              : undefined
          }
          empty={!f.calibration.hasData}
          emptyText="Once you review cards again on later days, this compares the predicted chance of recall with how often you actually recalled them."
        >
          <CalibrationChart data={f.calibration} />
        </ChartCard>

        <ChartCard
          testId="stats-hours"
          title="Time of day"
          caption={f.hours.busiest !== null ? `You review most around ${f.hours.busiest}:00.` : undefined}
          empty={!f.hours.hasData}
          emptyText="The hours you review at, and how well you recall at each, will show here."
        >
          <HourChart data={f.hours} />
        </ChartCard>
      </div>

      <section className="card stats-export" aria-label="Export">
        <h2>Export</h2>
        <p className="muted small">Your full history as CSV: the review log in the layout the FSRS optimizer reads, and every card with its state.</p>
        <div className="row">
          <a className="button" href="/api/export/reviews" download data-testid="export-reviews">
            Review history (CSV)
          </a>
          <a className="button" href="/api/export/cards" download data-testid="export-cards">
            Cards (CSV)
          </a>
        </div>
      </section>
    </div>
  );
}
