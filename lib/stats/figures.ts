import { DEFAULT_DAY_START_HOUR } from "../scheduler";
import { answerButtons, calendar, reviewsPerDay } from "./activity";
import { calibration, hourBreakdown } from "./calibration";
import { cardCounts, memoryDistributions } from "./distributions";
import { dueForecast } from "./forecast";
import { rangeFirstDay, type StatsRange } from "./range";
import { trueRetention } from "./retention";
import { dayKey, todayNumber } from "./study-days";
import { topicMastery } from "./topics";
import type { CalibrationRow, DailyRow, DueRow, HourRow, MemoryRow, RetentionRow, StateRow, TopicRow } from "./types";

/** Everything the database aggregated for one stats page. */
export type StatsAggregates = {
  /** Study day of the user's first answer (in the deck), or null. */
  firstAnswerDay: number | null;
  daily: DailyRow[];
  retention: RetentionRow[];
  hours: HourRow[];
  calibration: CalibrationRow[];
  due: DueRow[];
  states: StateRow[];
  totalCards: number;
  memory: MemoryRow[];
  topics: TopicRow[];
};

export type StatsContext = {
  now: Date;
  timeZone: string;
  dayStartHour?: number;
  desiredRetention: number;
  range: StatsRange;
};

/** Turns the aggregate rows into every figure of the stats page (plain data, ready to send to the browser). */
export function buildStatsFigures(data: StatsAggregates, context: StatsContext) {
  const today = todayNumber(context.now, context.timeZone, context.dayStartHour ?? DEFAULT_DAY_START_HOUR);
  const firstDay = rangeFirstDay(context.range, today, data.firstAnswerDay);
  return {
    today: dayKey(today),
    range: context.range,
    rangeStart: dayKey(firstDay),
    retention: trueRetention(data.retention, today, context.desiredRetention),
    activity: reviewsPerDay(data.daily, firstDay, today),
    calendar: calendar(data.retention, today),
    forecast: dueForecast(data.due, today),
    cards: cardCounts(data.states, data.totalCards),
    memory: memoryDistributions(data.memory),
    topics: topicMastery(data.topics),
    calibration: calibration(data.calibration),
    buttons: answerButtons(data.daily, firstDay, today),
    hours: hourBreakdown(data.hours),
  };
}

export type StatsFigures = ReturnType<typeof buildStatsFigures>;
