"use client";

import { useEffect, useState } from "react";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { WorkloadPoint } from "@/lib/scheduler/simulate-workload";
import { axisTick, colors, gridStroke, legendStyle, tooltipProps } from "../stats/chart-theme";
import { callApi } from "../ui/call-api";

type Workload = { days: number; cards: number; newCards: number; desiredRetention: number; points: WorkloadPoint[]; best: number | null };

const pct = (r: number) => `${Math.round(r * 100)}%`;

/** Reviews per day and cards remembered after a year at each desired retention, with the cheapest retention marked. */
export function WorkloadChart() {
  const [data, setData] = useState<Workload | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    callApi<Workload>("/api/memory-model/workload").then(setData, () => setFailed(true));
  }, []);
  if (failed) return <p className="small muted">The workload could not be simulated right now.</p>;
  if (!data) return <p className="small muted">Simulating your workload…</p>;
  const rows = data.points.map((p) => ({ label: pct(p.retention), perDay: Math.round(p.reviewsPerDay * 10) / 10, remembered: Math.round(p.remembered) }));
  return (
    <div className="stack" data-testid="workload">
      <h3>Desired retention and its cost</h3>
      <p className="small muted">
        Simulated over your {data.cards.toLocaleString("en-US")} studied cards and {data.newCards.toLocaleString("en-US")} new ones for the next {data.days} days,
        with your parameters and daily limits.
        {data.best !== null && ` The fewest reviews per card remembered: ${pct(data.best)}.`} Yours: {pct(data.desiredRetention)}.
      </p>
      <div className="chart">
        <ResponsiveContainer width="100%" height={260}>
          <ComposedChart data={rows} margin={{ top: 8, right: 0, left: -12, bottom: 0 }}>
            <CartesianGrid stroke={gridStroke} vertical={false} />
            <XAxis dataKey="label" tick={{ ...axisTick, fontSize: 11 }} minTickGap={8} />
            <YAxis yAxisId="reviews" tick={axisTick} />
            <YAxis yAxisId="remembered" orientation="right" tick={axisTick} />
            <Tooltip {...tooltipProps} />
            <Legend wrapperStyle={legendStyle} />
            <Bar yAxisId="reviews" dataKey="perDay" name="Reviews per day" fill={colors.review} />
            <Line yAxisId="remembered" dataKey="remembered" name={`Cards remembered after ${data.days} days`} stroke={colors.accent} dot={false} isAnimationActive={false} />
            {data.best !== null && <ReferenceLine yAxisId="reviews" x={pct(data.best)} stroke={colors.mature} strokeDasharray="4 4" label={{ value: "least work per card", position: "insideTopLeft", fontSize: 11, fill: "var(--muted)" }} />}
            <ReferenceLine yAxisId="reviews" x={pct(data.desiredRetention)} stroke={colors.muted} label={{ value: "yours", position: "insideTopRight", fontSize: 11, fill: "var(--muted)" }} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
