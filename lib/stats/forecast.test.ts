import { describe, expect, it } from "vitest";
import { dueForecast } from "./forecast";

describe("dueForecast", () => {
  const today = 20_000;
  const result = dueForecast(
    [
      { day: today - 3, count: 4 },
      { day: today - 1, count: 1 },
      { day: today, count: 7 },
      { day: today + 2, count: 3 },
      { day: today + 29, count: 2 },
      { day: today + 30, count: 9 },
    ],
    today,
  );

  it("shows the next 30 study days, today first, and the overdue backlog apart", () => {
    expect(result.days).toHaveLength(30);
    expect(result.days[0]).toMatchObject({ inDays: 0, count: 7 });
    expect(result.days[2].count).toBe(3);
    expect(result.days[29].count).toBe(2);
    expect(result.overdue).toBe(5);
    expect(result.dueToday).toBe(7);
    expect(result.upcoming).toBe(12);
  });

  it("is empty with nothing scheduled", () => {
    expect(dueForecast([], today)).toMatchObject({ overdue: 0, upcoming: 0, hasData: false });
  });
});
