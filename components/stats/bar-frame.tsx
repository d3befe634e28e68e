"use client";

import type { ReactNode } from "react";
import { BarChart, CartesianGrid, ResponsiveContainer } from "recharts";
import { gridStroke } from "./chart-theme";

/** A bar chart's frame: full width, `height` tall, the shared margins and grid; axes, tooltip and bars come as children. */
export function BarFrame({ testId, height, data, children }: { testId: string; height: number; data: object[]; children: ReactNode }) {
  return (
    <div className="chart" data-testid={testId}>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={data} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
          <CartesianGrid stroke={gridStroke} vertical={false} />
          {children}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
