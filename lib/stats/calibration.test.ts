import { describe, expect, it } from "vitest";
import { calibration, hourBreakdown } from "./calibration";
import { aggregateInMemory, HISTORY, NOW, TIME_ZONE } from "./fixtures/history";
import { dayRuleFor } from "./study-days";

const rule = dayRuleFor(TIME_ZONE, Date.parse("2025-12-01T00:00:00Z"), NOW.getTime());
const rows = aggregateInMemory(HISTORY, rule);

describe("calibration", () => {
  const result = calibration(rows.calibration);

  it("bins first reviews of the day by predicted recall, with the observed pass rate and the count", () => {
    expect(result.bins.map((b) => [b.label, b.count, b.observed])).toEqual([
      ["85-90%", 2, 0.5], // A 0.86 failed, C 0.88 passed
      ["90-95%", 2, 1], // B 0.92, F 0.93
      ["95-100%", 1, 1], // B 0.97 (same-day learning steps and the quiz are left out)
    ]);
    expect(result.bins[0].predicted).toBeCloseTo(0.87, 10);
    expect(result.bins.every((b) => !b.reliable)).toBe(true);
  });

  it("reports the overall gap between predicted and observed", () => {
    expect(result.count).toBe(5);
    expect(result.predicted).toBeCloseTo(0.912, 10);
    expect(result.observed).toBeCloseTo(0.8, 10);
    expect(result.gap).toBeCloseTo(0.112, 10);
  });

  it("is empty without predictions", () => {
    expect(calibration([])).toMatchObject({ count: 0, gap: null, hasData: false });
  });
});

describe("hourBreakdown", () => {
  it("counts review answers per local hour with each hour's pass rate", () => {
    const result = hourBreakdown(rows.hours);
    const busy = result.hours.filter((h) => h.count > 0).map((h) => [h.hour, h.count, h.passRate]);
    // 03:30 and 04:30 EDT (B), 04:30 EDT on the DST Sunday (C), 08:00 (A twice), 10:00 (E twice, F in EST).
    expect(busy).toEqual([
      [3, 1, 1],
      [4, 2, 1],
      [8, 2, 0.5],
      [10, 3, 1],
    ]);
    expect(result.total).toBe(8);
    expect(result.busiest).toBe(10);
  });
});
