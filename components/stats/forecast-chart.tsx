"use client";

import { Bar, Tooltip, XAxis, YAxis } from "recharts";
import { BarFrame } from "./bar-frame";
import { axisTick, colors, shortDate, tooltipProps } from "./chart-theme";

type ForecastDay = { date: string; inDays: number; count: number };

/** Cards falling due on each of the next 30 study days (the overdue backlog is shown beside it). */
export function ForecastChart({ days }: { days: ForecastDay[] }) {
  return (
    <BarFrame testId="forecast-chart" height={200} data={days}>
      <XAxis dataKey="date" tickFormatter={(d: string, i: number) => (i === 0 ? "Today" : shortDate(d))} tick={axisTick} minTickGap={16} />
      <YAxis allowDecimals={false} tick={axisTick} />
      <Tooltip
        {...tooltipProps}
        labelFormatter={(label, payload) => {
          const inDays = (payload?.[0]?.payload as ForecastDay | undefined)?.inDays;
          return inDays === 0 ? "Today" : inDays === 1 ? `Tomorrow, ${shortDate(String(label))}` : shortDate(String(label));
        }}
        formatter={(value) => [value, "Due"]}
      />
      <Bar dataKey="count" name="Due" fill={colors.review} radius={[3, 3, 0, 0]} />
    </BarFrame>
  );
}
