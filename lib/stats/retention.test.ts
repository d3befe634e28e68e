import { describe, expect, it } from "vitest";
import { aggregateInMemory, HISTORY, NOW, TIME_ZONE } from "./fixtures/history";
import { trueRetention } from "./retention";
import { dayRuleFor, todayNumber } from "./study-days";

const rule = dayRuleFor(TIME_ZONE, Date.parse("2025-12-01T00:00:00Z"), NOW.getTime());
const today = todayNumber(NOW, TIME_ZONE);

function summary(result: ReturnType<typeof trueRetention>) {
  return Object.fromEntries(
    result.periods.map((p) => [p.key, [`${p.young.passed}/${p.young.total}`, `${p.mature.passed}/${p.mature.total}`, `${p.total.passed}/${p.total.total}`]]),
  );
}

describe("trueRetention", () => {
  const result = trueRetention(aggregateInMemory(HISTORY, rule).retention, today, 0.9);

  it("counts each card's first review of a study day after an interval of a day or more (young | mature | total)", () => {
    expect(summary(result)).toEqual({
      // A failed (mature) then passed in relearning: one failure. B's 04:30 review is today's first.
      today: ["1/1", "0/1", "1/2"],
      // B at 03:30 local belongs to yesterday's study day.
      yesterday: ["1/1", "0/0", "1/1"],
      // C on the DST Sunday; the quiz (D) and the new card (E) never count.
      week: ["3/3", "0/1", "3/4"],
      month: ["3/3", "0/1", "3/4"],
      // F, mature, passed in January.
      year: ["3/3", "1/2", "4/5"],
      all: ["3/3", "1/2", "4/5"],
    });
  });

  it("gives rates, null where nothing was reviewed, and the desired retention beside them", () => {
    const todayPeriod = result.periods[0];
    expect(todayPeriod.total.rate).toBe(0.5);
    expect(result.periods[1].mature.rate).toBeNull();
    expect(result.desired).toBe(0.9);
    expect(result.hasData).toBe(true);
  });

  it("has no data for an empty history", () => {
    const empty = trueRetention([], today, 0.85);
    expect(empty.hasData).toBe(false);
    expect(empty.periods.every((p) => p.total.rate === null)).toBe(true);
  });
});
