"use client";

import { useEffect, useRef, useState } from "react";
import { ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from "recharts";
import type { HeatmapCell } from "@/lib/stats/activity";
import { shortDate, tooltipProps } from "./chart-theme";

const WEEKDAYS = ["Mon", "", "Wed", "", "Fri", "", "Sun"];

type CellShapeProps = { cx?: number; cy?: number; payload?: HeatmapCell };

/** Room for the weekday labels beside the squares. */
const LABEL_WIDTH = 40;
/** Narrowest column that still shows a readable square. */
const MIN_COLUMN = 11;

/**
 * One square per study day: columns are weeks, rows weekdays, the shade is the
 * number of answers. On a narrow screen only the most recent weeks that fit are shown.
 */
export function CalendarHeatmap({ cells, weeks: allWeeks }: { cells: HeatmapCell[]; weeks: number }) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(entry.contentRect.width));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const plotWidth = Math.max(0, width - LABEL_WIDTH);
  const weeks = width ? Math.max(8, Math.min(allWeeks, Math.floor(plotWidth / MIN_COLUMN))) : allWeeks;
  const firstWeek = allWeeks - weeks;
  const shown = cells.filter((c) => c.week >= firstWeek).map((c) => ({ ...c, week: c.week - firstWeek }));
  const size = Math.max(4, Math.min(14, (plotWidth / weeks) * 0.8, 15));
  const Cell = (props: CellShapeProps) => {
    const { cx = 0, cy = 0, payload } = props;
    return <rect x={cx - size / 2} y={cy - size / 2} width={size} height={size} rx={2} className={`heat heat-${payload?.level ?? 0}`} />;
  };
  return (
    <div className="chart heatmap" data-testid="calendar-heatmap" ref={box}>
      <ResponsiveContainer width="100%" height={150}>
        <ScatterChart margin={{ top: 8, right: 4, left: 0, bottom: 0 }}>
          <XAxis type="number" dataKey="week" domain={[-0.5, weeks - 0.5]} hide />
          <YAxis
            type="number"
            dataKey="weekday"
            domain={[-0.5, 6.5]}
            reversed
            width={LABEL_WIDTH - 4}
            ticks={[0, 2, 4, 6]}
            tickFormatter={(d: number) => WEEKDAYS[d]}
            tick={{ fill: "var(--muted)", fontSize: 11 }}
            axisLine={false}
            tickLine={false}
          />
          <ZAxis type="number" dataKey="count" range={[60, 60]} />
          <Tooltip
            {...tooltipProps}
            cursor={false}
            content={({ active, payload }) => {
              const cell = active ? (payload?.[0]?.payload as HeatmapCell | undefined) : undefined;
              if (!cell) return null;
              return (
                <div className="chart-tooltip">
                  <strong>{shortDate(cell.date)}</strong>: {cell.count} {cell.count === 1 ? "answer" : "answers"}
                </div>
              );
            }}
          />
          <Scatter data={shown} shape={Cell} isAnimationActive={false} />
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
}
