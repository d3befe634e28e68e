import { dayKey } from "./study-days";
import type { DueRow } from "./types";

export const FORECAST_DAYS = 30;

/**
 * Cards due per study day for the next 30 days (today first), and today's
 * backlog apart: cards whose due day is already past (overdue).
 */
export function dueForecast(rows: DueRow[], today: number, days = FORECAST_DAYS) {
  const perDay = Array.from({ length: days }, (_, i) => ({ date: dayKey(today + i), inDays: i, count: 0 }));
  let overdue = 0;
  for (const row of rows) {
    if (row.day < today) overdue += row.count;
    else if (row.day - today < days) perDay[row.day - today].count += row.count;
  }
  const upcoming = perDay.reduce((sum, d) => sum + d.count, 0);
  return {
    days: perDay,
    overdue,
    dueToday: perDay[0]?.count ?? 0,
    upcoming,
    /** Average due per day over the window, backlog excluded. */
    perDayAverage: days ? upcoming / days : 0,
    hasData: upcoming + overdue > 0,
  };
}
