import { describe, expect, it } from "vitest";
import { studyDayNumber } from "../scheduler";
import { NOW, TIME_ZONE } from "./fixtures/history";
import { dayKey, dayOf, dayRuleFor, localHourOf, offsetPeriods, todayNumber, weekdayOf } from "./study-days";

const utc = (iso: string) => Date.parse(iso);

describe("offsetPeriods", () => {
  it("finds New York's two DST changes of 2026 to the second", () => {
    const periods = offsetPeriods(TIME_ZONE, utc("2026-01-01T00:00:00Z"), utc("2026-12-31T00:00:00Z"));
    expect(periods.map((p) => [new Date(p.fromMs).toISOString(), p.offsetMs / 3_600_000])).toEqual([
      ["2026-01-01T00:00:00.000Z", -5],
      ["2026-03-08T07:00:00.000Z", -4],
      ["2026-11-01T06:00:00.000Z", -5],
    ]);
  });

  it("is a single period in a zone without DST", () => {
    expect(offsetPeriods("Asia/Kolkata", utc("2025-01-01T00:00:00Z"), utc("2026-12-31T00:00:00Z"))).toHaveLength(1);
  });
});

describe("dayOf (the study day the SQL computes)", () => {
  it("puts 03:30 local in yesterday's study day and 04:30 in today's, across the DST change", () => {
    const rule = dayRuleFor(TIME_ZONE, utc("2026-01-01T00:00:00Z"), NOW.getTime());
    expect(dayKey(dayOf(rule, utc("2026-03-10T07:30:00Z")))).toBe("2026-03-09"); // 03:30 EDT
    expect(dayKey(dayOf(rule, utc("2026-03-10T08:30:00Z")))).toBe("2026-03-10"); // 04:30 EDT
    expect(dayKey(dayOf(rule, utc("2026-03-08T08:30:00Z")))).toBe("2026-03-08"); // 04:30 EDT, an hour after the change
    expect(dayKey(dayOf(rule, utc("2026-03-07T08:30:00Z")))).toBe("2026-03-06"); // 03:30 EST
    expect(dayOf(rule, NOW.getTime())).toBe(todayNumber(NOW, TIME_ZONE));
  });

  it.each(["America/New_York", "Europe/Berlin", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Chatham", "UTC"])(
    "agrees with lib/scheduler's studyDayNumber every 20 minutes through 2026 in %s",
    (timeZone) => {
      const from = utc("2026-01-01T00:00:00Z");
      const to = utc("2027-01-01T00:00:00Z");
      const rule = dayRuleFor(timeZone, from, to);
      for (let t = from; t < to; t += 20 * 60_000) {
        if (dayOf(rule, t) !== studyDayNumber(new Date(t), timeZone)) {
          throw new Error(`${timeZone} ${new Date(t).toISOString()}: ${dayOf(rule, t)} vs ${studyDayNumber(new Date(t), timeZone)}`);
        }
      }
    },
  );

  it("gives the local hour of day", () => {
    const rule = dayRuleFor(TIME_ZONE, utc("2026-01-01T00:00:00Z"), NOW.getTime());
    expect(localHourOf(rule, utc("2026-01-15T15:00:00Z"))).toBe(10); // EST
    expect(localHourOf(rule, utc("2026-03-10T15:00:00Z"))).toBe(11); // EDT
  });

  it("names weekdays from Monday = 0", () => {
    const rule = dayRuleFor("UTC", 0, NOW.getTime());
    expect(weekdayOf(dayOf(rule, utc("2026-03-09T12:00:00Z")))).toBe(0);
    expect(weekdayOf(dayOf(rule, utc("2026-03-15T12:00:00Z")))).toBe(6);
  });
});
