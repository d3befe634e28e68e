/**
 * Everything the stats page shows, for one user, deck and range: the aggregate
 * queries run in parallel, then lib/stats turns their rows into figures.
 */
import { curveFor, settingsFromUser, studyDayStart, type StudyUser } from "../../scheduler";
import { buildStatsFigures, type StatsAggregates, type StatsFigures } from "../../stats/figures";
import { rangeFirstDay, type StatsRange } from "../../stats/range";
import { mergeBins, mergeHours } from "../../stats/calibration";
import { DAY_MS, dayOf, dayRuleFor, dayStartInstant, todayNumber } from "../../stats/study-days";
import { sqlOf, type Db } from "../runtime/client";
import { all, exec, readOne, type Statement } from "../runtime/sql";
import { cardStateSummary, dueByDay, ownsMostCardStates, topicRows, visibleCardCount } from "./cards";
import { closedDays } from "./cache";
import { answersByHour, calibrationBins, dailyAnswers, firstAnswerAt, pastAnswersStamp, retentionByDay, type Span } from "./reviews";

export type StatsOptions = { documentId?: string; range: StatsRange };

export async function loadStatsAggregates(db: Db, user: StudyUser, now: Date, options: StatsOptions): Promise<StatsAggregates> {
  const runner = sqlOf(db);
  const { dialect } = runner;
  const read = <T,>(statement: Statement<T>) => readOne(runner, statement);
  const settings = settingsFromUser(user);
  const nowMs = now.getTime();
  const todayStartMs = studyDayStart(now, settings.timeZone, settings.dayStartHour).getTime();
  const { first, stamp, wholeTable } = await runner.read(function* () {
    const [first, stamp] = yield* all([firstAnswerAt(user.id, options.documentId), pastAnswersStamp(user.id, todayStartMs)]);
    const wholeTable = dialect === "sqlite" && (yield* exec(ownsMostCardStates(user.id)));
    return { first, stamp, wholeTable };
  });
  // Offsets from the first answer to the end of the forecast window (with margins).
  const rule = dayRuleFor(settings.timeZone, (first?.getTime() ?? nowMs) - 2 * DAY_MS, nowMs + 40 * DAY_MS, settings.dayStartHour);
  const today = todayNumber(now, settings.timeZone, settings.dayStartHour);
  const firstAnswerDay = first ? dayOf(rule, first.getTime()) : null;
  const sinceMs = dayStartInstant(rule, rangeFirstDay(options.range, today, firstAnswerDay));
  const forecastEndMs = dayStartInstant(rule, today + 31);
  const curve = curveFor(settings.fsrsParams);
  const reviews = { userId: user.id, documentId: options.documentId, rule };
  const cards = { userId: user.id, documentId: options.documentId, wholeTable };

  // Days before today come from the per-process cache while the history before today is unchanged.
  const key = (figure: string, fromMs?: number) =>
    JSON.stringify([figure, user.id, options.documentId ?? null, rule.timeZone, rule.dayStartHour, todayStartMs, fromMs ?? null]);
  // A figure's rows for the days before today (the `closed` span, cached) and for today.
  const days = async <T,>(figure: string, closed: Span, rowsIn: (span: Span) => Statement<T[]>) => {
    const [closedRows, todayRows] = await Promise.all([
      closedDays(key(figure, closed.sinceMs), stamp, () => read(rowsIn(closed))),
      read(rowsIn({ sinceMs: todayStartMs })),
    ]);
    return [...closedRows, ...todayRows];
  };
  const past = { sinceMs, beforeMs: todayStartMs };

  const [daily, retention, hours, calibration, due, { states, memory }, totalCards, topics] = await Promise.all([
    days("daily", past, (span) => dailyAnswers(dialect, reviews, span)),
    days("retention", { beforeMs: todayStartMs }, (span) => retentionByDay(dialect, reviews, span)),
    days("hours", past, (span) => answersByHour(dialect, reviews, span)).then(mergeHours),
    days("calibration", past, (span) => calibrationBins(dialect, reviews, span)).then(mergeBins),
    read(dueByDay(dialect, cards, rule, forecastEndMs)),
    read(cardStateSummary(dialect, cards, nowMs, curve)),
    read(visibleCardCount(cards)),
    runner.read(() => topicRows(dialect, cards, nowMs, curve)),
  ]);
  return { firstAnswerDay, daily, retention, hours, calibration, due, states, totalCards, memory, topics };
}

export async function loadStatsFigures(db: Db, user: StudyUser, now: Date, options: StatsOptions): Promise<StatsFigures> {
  const settings = settingsFromUser(user);
  const aggregates = await loadStatsAggregates(db, user, now, options);
  return buildStatsFigures(aggregates, {
    now,
    timeZone: settings.timeZone,
    dayStartHour: settings.dayStartHour,
    desiredRetention: settings.desiredRetention,
    range: options.range,
  });
}
