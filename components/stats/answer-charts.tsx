"use client";

import { Bar, CartesianGrid, Cell, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { answerButtons } from "@/lib/stats/activity";
import type { hourBreakdown } from "@/lib/stats/calibration";
import { BarFrame } from "./bar-frame";
import { axisTick, gridStroke, legendStyle, percent, tooltipProps } from "./chart-theme";

const BUTTON_COLORS = ["var(--bad)", "var(--warn)", "var(--good)", "var(--accent)"];

/** How often each answer button was pressed. */
export function AnswerButtonsChart({ data }: { data: ReturnType<typeof answerButtons> }) {
  return (
    <BarFrame testId="answer-buttons" height={200} data={data.buttons}>
      <XAxis dataKey="name" tick={axisTick} />
      <YAxis allowDecimals={false} tick={axisTick} />
      <Tooltip {...tooltipProps} formatter={(value, _name, item) => [`${value} (${percent((item.payload as { share: number }).share)})`, "Answers"]} />
      <Bar dataKey="count" name="Answers" radius={[3, 3, 0, 0]}>
        {data.buttons.map((b) => (
          <Cell key={b.rating} fill={BUTTON_COLORS[b.rating - 1]} />
        ))}
      </Bar>
    </BarFrame>
  );
}

/** Reviews per local hour of the day with the pass rate of each hour. */
export function HourChart({ data }: { data: ReturnType<typeof hourBreakdown> }) {
  return (
    <div className="chart" data-testid="hour-chart">
      <ResponsiveContainer width="100%" height={200}>
        <ComposedChart data={data.hours} margin={{ top: 8, right: 0, left: -16, bottom: 0 }}>
          <CartesianGrid stroke={gridStroke} vertical={false} />
          <XAxis dataKey="hour" tick={axisTick} interval={2} tickFormatter={(h: number) => `${h}h`} />
          <YAxis yAxisId="count" allowDecimals={false} tick={axisTick} />
          <YAxis yAxisId="rate" orientation="right" domain={[0, 1]} tickFormatter={(v: number) => percent(v)} tick={axisTick} />
          <Tooltip
            {...tooltipProps}
            labelFormatter={(h) => `${h}:00–${h}:59`}
            formatter={(value, name) => (name === "Pass rate" ? [percent(value as number | null), name] : [value, name])}
          />
          <Legend wrapperStyle={legendStyle} itemSorter={null} />
          <Bar yAxisId="count" dataKey="count" name="Reviews" fill="var(--chart-review)" radius={[2, 2, 0, 0]} />
          <Line yAxisId="rate" dataKey="passRate" name="Pass rate" stroke="var(--accent)" dot={false} connectNulls isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
