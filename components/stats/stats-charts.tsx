/**
 * The stats page's sections, in page order: each names its title, the sentence under it,
 * when it has nothing to show yet (and what to say then), and the chart drawn from the
 * figures. The page maps over this list.
 */
import type { ReactNode } from "react";
import type { StatsFigures } from "@/lib/stats/figures";
import { AnswerButtonsChart, HourChart } from "./answer-charts";
import { ReviewsPerDayChart, TimePerDayChart } from "./activity-charts";
import { CalendarHeatmap } from "./calendar-heatmap";
import { CalibrationChart } from "./calibration-chart";
import { CardStateChart, Histogram } from "./card-charts";
import { percent } from "./chart-theme";
import { ForecastChart } from "./forecast-chart";
import { RetentionChart } from "./retention-chart";
import { chartTables, type ChartTable } from "./stats-tables";
import { TopicMasteryChart } from "./topic-mastery";
import { plural } from "../ui/plural";

/** What the page shows the figures for. */
export interface StatsScope {
  /** One deck chosen, rather than all decks. */
  deckChosen: boolean;
  /** "last month", "last 3 months", …, or "history" for all time. */
  period: string;
}

export interface StatsChart {
  testId: string;
  title: string;
  wide?: boolean;
  /** The Help page's section on this figure (app/(study)/help). */
  help?: string;
  caption?: (f: StatsFigures, scope: StatsScope) => ReactNode;
  isEmpty: (f: StatsFigures) => boolean;
  emptyText: string | ((scope: StatsScope) => string);
  chart: (f: StatsFigures) => ReactNode;
  /** The chart's figures as a table (the topic list is text already). */
  table?: (f: StatsFigures) => ChartTable;
}


function Chips({ children }: { children: ReactNode }) {
  return <span className="stat-chips">{children}</span>;
}

/** A histogram of one memory figure of the studied cards. */
function memoryHistogram(testId: string, title: string, caption: string, figure: "stability" | "difficulty", color: string): StatsChart {
  return {
    table: chartTables[figure],
    testId,
    help: figure,
    title,
    caption: () => caption,
    isEmpty: (f) => !f.memory.hasData,
    emptyText: `${title} appears once you have studied a card.`,
    chart: (f) => <Histogram bins={f.memory[figure]} name="Cards" color={color} testId={`${figure}-histogram`} />,
  };
}

export const STATS_CHARTS: StatsChart[] = [
  {
    testId: "stats-retention",
    help: "true-retention",
    table: chartTables.retention,
    title: "True retention",
    wide: true,
    caption: ({ retention }) => {
      const month = retention.periods.find((p) => p.key === "month")!;
      return month.total.total > 0
        ? `Last 30 days: ${percent(month.total.rate, 1)} of ${month.total.total} reviews recalled (young ${percent(month.young.rate)}, mature ${percent(month.mature.rate)}); your target is ${percent(retention.desired)}.`
        : `Share of reviews recalled (not “Again”) on each card’s first review of the day, after an interval of a day or more. Your target is ${percent(retention.desired)}.`;
    },
    isEmpty: (f) => !f.retention.hasData,
    emptyText: "Review a few cards on later days to see your retention: it counts each card’s first review of a day, once its interval has grown to a day or more.",
    chart: (f) => <RetentionChart retention={f.retention} />,
  },
  {
    testId: "stats-activity",
    help: "reviewing",
    table: chartTables.activity,
    title: "Reviews per day",
    wide: true,
    caption: ({ activity: { hasData, totals } }) =>
      hasData
        ? `${totals.reviews} answers on ${totals.activeDays} of ${totals.days} days, ${totals.seconds < 60 ? plural(totals.seconds, "second") : `${totals.minutes} minutes`} in all.`
        : undefined,
    isEmpty: (f) => !f.activity.hasData,
    emptyText: ({ period }) =>
      `No answers in the ${period} yet. Each day you review or quiz, a bar appears here, split into learning, review, relearning and quiz.`,
    chart: (f) => (
      <>
        <ReviewsPerDayChart activity={f.activity} />
        <h3 className="stats-subhead">Time spent</h3>
        <TimePerDayChart activity={f.activity} />
      </>
    ),
  },
  {
    testId: "stats-calendar",
    help: "reviewing",
    table: chartTables.calendar,
    title: "Activity calendar",
    wide: true,
    caption: ({ calendar }) => (
      <Chips>
        <span className="chip" data-testid="current-streak">Current streak: {plural(calendar.currentStreak, "day")}</span>
        <span className="chip" data-testid="longest-streak">Longest streak: {plural(calendar.longestStreak, "day")}</span>
        <span className="chip">{plural(calendar.activeDays, "day")} studied this year</span>
      </Chips>
    ),
    isEmpty: (f) => !f.calendar.hasData,
    emptyText: "Study on a few days and this calendar fills in, one square per day, darker the more you answered.",
    chart: (f) => <CalendarHeatmap cells={f.calendar.cells} weeks={f.calendar.weeks} />,
  },
  {
    testId: "stats-forecast",
    help: "fsrs",
    table: chartTables.forecast,
    title: "Due forecast",
    caption: ({ forecast }) => (
      <Chips>
        <span className={`chip${forecast.overdue > 0 ? " chip-warn" : ""}`} data-testid="overdue">Overdue now: {forecast.overdue}</span>
        <span className="chip">Due today: {forecast.dueToday}</span>
        <span className="chip">Next 30 days: {forecast.upcoming}</span>
      </Chips>
    ),
    isEmpty: (f) => !f.forecast.hasData,
    emptyText: "Nothing is scheduled yet. Cards you study appear here on the day they fall due.",
    chart: (f) => <ForecastChart days={f.forecast.days} />,
  },
  {
    testId: "stats-cards",
    help: "card-states",
    table: chartTables.cards,
    title: "Card counts",
    caption: ({ cards }, { deckChosen }) => `${cards.total} cards in ${deckChosen ? "this deck" : "your decks"}.`,
    isEmpty: (f) => f.cards.total === 0,
    emptyText: "Add a document to get cards; their states (new, learning, young, mature, suspended) show here.",
    chart: (f) => <CardStateChart counts={f.cards} />,
  },
  {
    testId: "stats-recall",
    help: "recall",
    table: chartTables.recall,
    title: "Recall now",
    caption: ({ memory }) =>
      memory.hasData ? `${percent(memory.atLeast90)} of your ${memory.studied} studied cards would be recalled with at least 90% probability right now.` : undefined,
    isEmpty: (f) => !f.memory.hasData,
    emptyText: "Study some cards to see how likely you are to recall them today.",
    chart: (f) => <Histogram bins={f.memory.recall} name="Cards" color="var(--chart-review)" testId="recall-histogram" />,
  },
  memoryHistogram("stats-stability", "Stability", "Days until recall drops to 90%: how well each card is anchored.", "stability", "var(--chart-mature)"),
  memoryHistogram("stats-difficulty", "Difficulty", "1 = easy to remember, 10 = hard.", "difficulty", "var(--chart-learning)"),
  {
    testId: "stats-answers",
    help: "grades",
    table: chartTables.buttons,
    title: "Answer buttons",
    caption: ({ buttons }) => (buttons.hasData ? `${percent(buttons.passRate)} of ${buttons.total} answers were not “Again”.` : undefined),
    isEmpty: (f) => !f.buttons.hasData,
    emptyText: "How often you press Again, Hard, Good and Easy will show here.",
    chart: (f) => <AnswerButtonsChart data={f.buttons} />,
  },
  {
    testId: "stats-topics",
    help: "mastery",
    title: "Topic mastery",
    wide: true,
    caption: () => "Weakest topics first: how likely you are to recall each topic’s cards in review now (cards still in learning show as learning), and your best quiz score of the last 30 days.",
    isEmpty: (f) => f.topics.length === 0,
    emptyText: "Study or quiz a topic to see which topics are strong and which need a quiz.",
    chart: (f) => <TopicMasteryChart topics={f.topics} />,
  },
  {
    testId: "stats-calibration",
    help: "calibration",
    table: chartTables.calibration,
    title: "Are the predictions right?",
    wide: true,
    caption: ({ calibration }) =>
      calibration.hasData
        ? `Before each review the scheduler predicts how likely you are to recall the card. Across ${calibration.count} first reviews of the day it predicted ${percent(calibration.predicted, 1)} and you recalled ${percent(calibration.observed, 1)}. Bins with few reviews are noisy.`
        : undefined,
    isEmpty: (f) => !f.calibration.hasData,
    emptyText: "Once you review cards again on later days, this compares the predicted chance of recall with how often you actually recalled them.",
    chart: (f) => <CalibrationChart data={f.calibration} />,
  },
  {
    testId: "stats-hours",
    help: "reviewing",
    table: chartTables.hours,
    title: "Time of day",
    caption: ({ hours }) => (hours.busiest !== null ? `You review most around ${hours.busiest}:00.` : undefined),
    isEmpty: (f) => !f.hours.hasData,
    emptyText: "The hours you review at, and how well you recall at each, will show here.",
    chart: (f) => <HourChart data={f.hours} />,
  },
];
