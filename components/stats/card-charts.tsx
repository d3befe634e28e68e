"use client";

import { Bar, Cell, Legend, Pie, PieChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { CardCounts } from "@/lib/stats/distributions";
import { BarFrame } from "./bar-frame";
import { axisTick, legendStyle, series, tooltipProps } from "./chart-theme";

const SLICES = series(["new", "New"], ["learning", "Learning"], ["young", "Young"], ["mature", "Mature"], ["suspended", "Suspended"]);

/** Cards by state as a ring. */
export function CardStateChart({ counts }: { counts: CardCounts }) {
  const data = SLICES.map((s) => ({ name: s.name, value: counts[s.key], color: s.color })).filter((d) => d.value > 0);
  return (
    <div className="chart" data-testid="card-states">
      <ResponsiveContainer width="100%" height={220}>
        <PieChart>
          <Pie data={data} dataKey="value" nameKey="name" innerRadius="52%" outerRadius="80%" paddingAngle={1} stroke="var(--surface)" isAnimationActive={false}>
            {data.map((d) => (
              <Cell key={d.name} fill={d.color} />
            ))}
          </Pie>
          <Tooltip {...tooltipProps} />
          <Legend wrapperStyle={legendStyle} formatter={(value, entry) => `${value} ${(entry.payload as { value?: number } | undefined)?.value ?? ""}`} />
        </PieChart>
      </ResponsiveContainer>
    </div>
  );
}

/** A small histogram (stability, difficulty or current recall). */
export function Histogram({ bins, name, color, testId }: { bins: { label: string; count: number }[]; name: string; color: string; testId: string }) {
  return (
    <BarFrame testId={testId} height={170} data={bins}>
      <XAxis dataKey="label" tick={{ ...axisTick, fontSize: 11 }} interval="preserveStartEnd" />
      <YAxis allowDecimals={false} tick={axisTick} />
      <Tooltip {...tooltipProps} formatter={(value) => [value, name]} />
      <Bar dataKey="count" name={name} fill={color} radius={[3, 3, 0, 0]} />
    </BarFrame>
  );
}
