/** Shared Recharts styling: colours come from CSS variables, so charts follow light and dark mode. */
export const axisTick = { fill: "var(--muted)", fontSize: 12 };
export const gridStroke = "var(--border)";
export const tooltipProps = {
  contentStyle: { background: "var(--surface)", border: "1px solid var(--border)", borderRadius: 8, color: "var(--text)", fontSize: 13 },
  labelStyle: { color: "var(--text)", fontWeight: 600 },
  itemStyle: { color: "var(--text)" },
  cursor: { fill: "var(--surface-2)" },
} as const;
export const legendStyle = { fontSize: 12, color: "var(--muted)" };

export const colors = {
  learning: "var(--chart-learning)",
  review: "var(--chart-review)",
  relearning: "var(--chart-relearning)",
  quiz: "var(--chart-quiz)",
  young: "var(--chart-young)",
  mature: "var(--chart-mature)",
  total: "var(--chart-total)",
  accent: "var(--accent)",
  muted: "var(--muted)",
  new: "var(--chart-new)",
  suspended: "var(--chart-suspended)",
};

/** Chart series from [key, label] pairs, each coloured by its key. */
export function series<K extends keyof typeof colors>(...entries: [K, string][]): { key: K; name: string; color: string }[] {
  return entries.map(([key, name]) => ({ key, name, color: colors[key] }));
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2026-03-10" → "Mar 10" (study-day keys are calendar dates, no time zone involved). */
export function shortDate(key: string): string {
  const [, month, day] = key.split("-").map(Number);
  return `${MONTHS[month - 1]} ${day}`;
}

export function percent(value: number | null | undefined, digits = 0): string {
  return value === null || value === undefined ? "–" : `${(value * 100).toFixed(digits)}%`;
}
