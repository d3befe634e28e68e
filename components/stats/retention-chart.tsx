"use client";

import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TrueRetention } from "@/lib/stats/retention";
import { axisTick, colors, gridStroke, legendStyle, percent, tooltipProps } from "./chart-theme";

/** True retention per period, young / mature / all, with the desired retention as a line across. */
export function RetentionChart({ retention }: { retention: TrueRetention }) {
  const data = retention.periods.map((p) => ({
    label: p.label,
    young: p.young.rate,
    mature: p.mature.rate,
    all: p.total.rate,
    counts: { young: p.young, mature: p.mature, all: p.total },
  }));
  return (
    <div className="chart" data-testid="retention-chart">
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={data} margin={{ top: 16, right: 80, left: -12, bottom: 0 }}>
          <CartesianGrid stroke={gridStroke} vertical={false} />
          <XAxis dataKey="label" tick={axisTick} interval={0} />
          <YAxis domain={[0, 1]} tickFormatter={(v: number) => percent(v)} tick={axisTick} />
          <Tooltip
            {...tooltipProps}
            formatter={(value, name, item) => {
              const counts = (item.payload as (typeof data)[number]).counts[name as "young" | "mature" | "all"];
              return [`${percent(value as number | null, 1)} (${counts.passed} of ${counts.total})`, name];
            }}
          />
          <Legend wrapperStyle={legendStyle} itemSorter={null} />
          <ReferenceLine
            y={retention.desired}
            stroke={colors.accent}
            strokeDasharray="5 4"
            label={{ value: `target ${percent(retention.desired)}`, position: "right", fill: "var(--muted)", fontSize: 12 }}
          />
          <Bar dataKey="young" name="young" fill={colors.young} radius={[3, 3, 0, 0]} />
          <Bar dataKey="mature" name="mature" fill={colors.mature} radius={[3, 3, 0, 0]} />
          <Bar dataKey="all" name="all" fill={colors.total} radius={[3, 3, 0, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
