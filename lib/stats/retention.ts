import type { RetentionRow } from "./types";

/** Anki's boundary between young and mature cards, in days of interval. */
export const MATURE_INTERVAL_DAYS = 21;

export type PassRate = { passed: number; total: number; rate: number | null };
export type RetentionPeriod = {
  key: "today" | "yesterday" | "week" | "month" | "year" | "all";
  label: string;
  young: PassRate;
  mature: PassRate;
  total: PassRate;
};
export type TrueRetention = { desired: number; periods: RetentionPeriod[]; hasData: boolean };

const PERIODS: { key: RetentionPeriod["key"]; label: string; firstDay: (today: number) => number; lastDay: (today: number) => number }[] = [
  { key: "today", label: "Today", firstDay: (t) => t, lastDay: (t) => t },
  { key: "yesterday", label: "Yesterday", firstDay: (t) => t - 1, lastDay: (t) => t - 1 },
  { key: "week", label: "7 days", firstDay: (t) => t - 6, lastDay: (t) => t },
  { key: "month", label: "30 days", firstDay: (t) => t - 29, lastDay: (t) => t },
  { key: "year", label: "Year", firstDay: (t) => t - 364, lastDay: (t) => t },
  { key: "all", label: "All time", firstDay: () => -Infinity, lastDay: (t) => t },
];

function passRate(passed: number, total: number): PassRate {
  return { passed, total, rate: total > 0 ? passed / total : null };
}

/**
 * True retention as Anki defines it: of each card's first answer of a study day
 * whose interval before the answer was at least one day, the share not graded
 * Again; for young (< 21 days) and mature cards and in total. The rows already
 * mark which answers count (RetentionRow.kind); `today` is the study day number.
 */
export function trueRetention(rows: RetentionRow[], today: number, desiredRetention: number): TrueRetention {
  const periods = PERIODS.map(({ key, label, firstDay, lastDay }) => {
    const from = firstDay(today);
    const to = lastDay(today);
    const tally = { young: [0, 0], mature: [0, 0] };
    for (const row of rows) {
      if (row.kind === 0 || row.day < from || row.day > to) continue;
      const cell = row.kind === 1 ? tally.young : tally.mature;
      cell[1] += row.count;
      if (row.passed) cell[0] += row.count;
    }
    return {
      key,
      label,
      young: passRate(tally.young[0], tally.young[1]),
      mature: passRate(tally.mature[0], tally.mature[1]),
      total: passRate(tally.young[0] + tally.mature[0], tally.young[1] + tally.mature[1]),
    };
  });
  return { desired: desiredRetention, periods, hasData: periods.some((p) => p.key === "all" && p.total.total > 0) };
}
