/**
 * Each chart's figures as a plain table: the text alternative a screen reader (or anyone who
 * wants the numbers) reads instead of the picture. Rows with nothing in them are left out.
 */
import type { StatsFigures } from "@/lib/stats/figures";
import type { PassRate } from "@/lib/stats/retention";
import { percent, shortDate } from "./chart-theme";

export interface ChartTable {
  columns: string[];
  rows: (string | number)[][];
}

const rate = (r: PassRate) => (r.total ? `${percent(r.rate, 1)} (${r.passed} of ${r.total})` : "–");

const bins = (list: { label: string; count: number }[]): ChartTable => ({
  columns: ["Range", "Cards"],
  rows: list.filter((b) => b.count > 0).map((b) => [b.label, b.count]),
});

export const chartTables = {
  retention: (f: StatsFigures): ChartTable => ({
    columns: ["Period", "Young", "Mature", "All"],
    rows: f.retention.periods.map((p) => [p.label, rate(p.young), rate(p.mature), rate(p.total)]),
  }),
  activity: (f: StatsFigures): ChartTable => ({
    columns: [f.activity.bucketDays === 1 ? "Day" : "From", "Learning", "Review", "Relearning", "Quiz", "Minutes"],
    rows: f.activity.buckets.filter((b) => b.total > 0).map((b) => [shortDate(b.date), b.learning, b.review, b.relearning, b.quiz, Math.round(b.minutes * 10) / 10]),
  }),
  calendar: (f: StatsFigures): ChartTable => ({
    columns: ["Day", "Answers"],
    rows: f.calendar.cells.filter((c) => c.count > 0).map((c) => [shortDate(c.date), c.count]),
  }),
  forecast: (f: StatsFigures): ChartTable => ({
    columns: ["Day", "Cards due"],
    rows: f.forecast.days.filter((d) => d.count > 0).map((d) => [d.inDays === 0 ? "Today" : shortDate(d.date), d.count]),
  }),
  cards: (f: StatsFigures): ChartTable => ({
    columns: ["State", "Cards"],
    rows: (["new", "learning", "young", "mature", "suspended"] as const).map((state) => [state[0].toUpperCase() + state.slice(1), f.cards[state]]),
  }),
  recall: (f: StatsFigures) => bins(f.memory.recall),
  stability: (f: StatsFigures) => bins(f.memory.stability),
  difficulty: (f: StatsFigures) => bins(f.memory.difficulty),
  buttons: (f: StatsFigures): ChartTable => ({
    columns: ["Button", "Answers", "Share"],
    rows: f.buttons.buttons.map((b) => [b.name, b.count, percent(b.share)]),
  }),
  calibration: (f: StatsFigures): ChartTable => ({
    columns: ["Predicted recall", "Mean predicted", "Recalled", "Reviews"],
    rows: f.calibration.bins.map((b) => [b.label, percent(b.predicted, 1), percent(b.observed, 1), b.count]),
  }),
  hours: (f: StatsFigures): ChartTable => ({
    columns: ["Hour", "Reviews", "Pass rate"],
    rows: f.hours.hours.filter((h) => h.count > 0).map((h) => [`${h.hour}:00–${h.hour}:59`, h.count, percent(h.passRate)]),
  }),
};
