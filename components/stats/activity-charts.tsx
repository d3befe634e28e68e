"use client";

import { Bar, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { Activity } from "@/lib/stats/activity";
import { BarFrame } from "./bar-frame";
import { axisTick, colors, legendStyle, series, shortDate, tooltipProps } from "./chart-theme";

const STACKS = series(["learning", "Learning"], ["review", "Review"], ["relearning", "Relearning"], ["quiz", "Quiz and practice"]);

function bucketLabel(date: string, days: number) {
  return days === 1 ? shortDate(date) : `${days === 7 ? "Week of" : "From"} ${shortDate(date)}`;
}

/** Answers per study day (or week / month), stacked by what kind of answer they were. */
export function ReviewsPerDayChart({ activity }: { activity: Activity }) {
  return (
    <BarFrame testId="reviews-per-day" height={240} data={activity.buckets}>
      <XAxis dataKey="date" tickFormatter={shortDate} tick={axisTick} minTickGap={16} />
      <YAxis allowDecimals={false} tick={axisTick} />
      <Tooltip {...tooltipProps} labelFormatter={(label) => bucketLabel(String(label), activity.bucketDays)} />
      <Legend wrapperStyle={legendStyle} itemSorter={null} />
      {STACKS.map((s) => (
        <Bar key={s.key} dataKey={s.key} name={s.name} stackId="answers" fill={s.color} />
      ))}
    </BarFrame>
  );
}

/** Minutes spent answering per study day (or week / month). */
function studyTime(minutes: number): string {
  return minutes < 1 ? `${Math.round(minutes * 60)} s` : `${Math.round(minutes * 10) / 10} min`;
}

export function TimePerDayChart({ activity }: { activity: Activity }) {
  return (
    <BarFrame testId="time-per-day" height={160} data={activity.buckets}>
      <XAxis dataKey="date" tickFormatter={shortDate} tick={axisTick} minTickGap={16} />
      {/* Whole minutes on the axis, at least one: a few seconds of study is a short bar, not an axis of 0.0025. */}
      <YAxis tick={axisTick} allowDecimals={false} domain={[0, (max: number) => Math.max(1, Math.ceil(max))]} tickFormatter={(v: number) => `${v}m`} />
      <Tooltip
        {...tooltipProps}
        labelFormatter={(label) => bucketLabel(String(label), activity.bucketDays)}
        formatter={(value) => [studyTime(Number(value)), "Time"]}
      />
      <Bar dataKey="minutes" name="Minutes" fill={colors.accent} radius={[3, 3, 0, 0]} />
    </BarFrame>
  );
}
