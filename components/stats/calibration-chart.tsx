"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { calibration } from "@/lib/stats/calibration";
import { axisTick, colors, gridStroke, legendStyle, percent, tooltipProps } from "./chart-theme";

type Calibration = ReturnType<typeof calibration>;

/**
 * Predicted recall at review time (x) against the share actually recalled (y),
 * with the perfect-calibration diagonal and the number of reviews per bin as bars.
 */
export function CalibrationChart({ data }: { data: Calibration }) {
  const seen = new Map(data.bins.map((b) => [b.bin, b]));
  const lowest = Math.min(...data.bins.map((b) => b.bin));
  const rows = Array.from({ length: 20 - lowest }, (_, i) => {
    const bin = lowest + i;
    const found = seen.get(bin);
    return { label: `${bin * 5}%`, predicted: found?.predicted ?? (bin + 0.5) / 20, observed: found?.observed ?? null, count: found?.count ?? 0 };
  });
  return (
    <div className="chart" data-testid="calibration-chart">
      <ResponsiveContainer width="100%" height={260}>
        <ComposedChart data={rows} margin={{ top: 8, right: 0, left: -12, bottom: 0 }}>
          <CartesianGrid stroke={gridStroke} vertical={false} />
          <XAxis dataKey="label" tick={{ ...axisTick, fontSize: 11 }} minTickGap={8} />
          <YAxis yAxisId="rate" domain={[0, 1]} tickFormatter={(v: number) => percent(v)} tick={axisTick} />
          <YAxis yAxisId="count" orientation="right" allowDecimals={false} tick={axisTick} />
          <Tooltip
            {...tooltipProps}
            labelFormatter={(label) => `Predicted ${label} to ${Number.parseInt(String(label)) + 5}%`}
            formatter={(value, name) => (name === "Reviews" ? [value, name] : [percent(value as number, 1), name])}
          />
          <Legend wrapperStyle={legendStyle} itemSorter={null} />
          <Bar yAxisId="count" dataKey="count" name="Reviews" fill="var(--chart-count)" barSize={14} />
          <Line yAxisId="rate" dataKey="predicted" name="Predicted" stroke={colors.muted} strokeDasharray="4 4" dot={false} isAnimationActive={false} />
          <Line yAxisId="rate" dataKey="observed" name="Recalled" stroke={colors.accent} strokeWidth={2} dot={{ r: 3 }} connectNulls isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
