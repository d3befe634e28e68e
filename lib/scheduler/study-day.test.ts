import { describe, expect, it } from "vitest";
import { studyDayEnd, studyDayKey, studyDayStart, studyDaysBetween, utcOffsetMs } from "./study-day";

const at = (iso: string) => new Date(iso);

describe("study day", () => {
  it("starts at 4 a.m. local time in New York", () => {
    // 10:00 EST on 15 Jan = 15:00Z; the day began at 04:00 EST = 09:00Z.
    expect(studyDayStart(at("2025-01-15T15:00:00Z"), "America/New_York")).toEqual(at("2025-01-15T09:00:00Z"));
    expect(studyDayEnd(at("2025-01-15T15:00:00Z"), "America/New_York")).toEqual(at("2025-01-16T09:00:00Z"));
  });

  it("treats 3:59 a.m. as the previous day and 4:00 a.m. as a new one", () => {
    const before = at("2025-01-16T08:59:59Z"); // 03:59:59 EST on the 16th
    const after = at("2025-01-16T09:00:00Z"); // 04:00 EST
    expect(studyDayKey(before, "America/New_York")).toBe("2025-01-15");
    expect(studyDayKey(after, "America/New_York")).toBe("2025-01-16");
    expect(studyDayEnd(before, "America/New_York")).toEqual(after);
    expect(studyDayStart(after, "America/New_York")).toEqual(after);
  });

  it("follows Tokyo's day, which starts at 19:00 UTC the evening before", () => {
    const morning = at("2025-06-01T23:30:00Z"); // 08:30 JST on 2 June
    expect(studyDayStart(morning, "Asia/Tokyo")).toEqual(at("2025-06-01T19:00:00Z"));
    expect(studyDayKey(morning, "Asia/Tokyo")).toBe("2025-06-02");
    const lateNight = at("2025-06-01T18:59:00Z"); // 03:59 JST on 2 June
    expect(studyDayKey(lateNight, "Asia/Tokyo")).toBe("2025-06-01");
  });

  it("is 23 hours long on the spring-forward day and 25 on the fall-back day", () => {
    // DST starts in New York at 2 a.m. on 9 March 2025 and ends at 2 a.m. on 2 November 2025.
    const spring = at("2025-03-08T20:00:00Z");
    expect(studyDayStart(spring, "America/New_York")).toEqual(at("2025-03-08T09:00:00Z")); // 04:00 EST
    expect(studyDayEnd(spring, "America/New_York")).toEqual(at("2025-03-09T08:00:00Z")); // 04:00 EDT
    const fall = at("2025-11-01T20:00:00Z");
    expect(studyDayStart(fall, "America/New_York")).toEqual(at("2025-11-01T08:00:00Z")); // 04:00 EDT
    expect(studyDayEnd(fall, "America/New_York")).toEqual(at("2025-11-02T09:00:00Z")); // 04:00 EST
  });

  it("resolves a day start inside a DST gap to just after the jump", () => {
    // At 2 a.m. the New York clock jumps to 3 a.m.; a 2 a.m. day start becomes 3 a.m. EDT.
    expect(studyDayStart(at("2025-03-09T12:00:00Z"), "America/New_York", 2)).toEqual(at("2025-03-09T07:00:00Z"));
  });

  it("counts study days, not 24-hour periods", () => {
    const lateEvening = at("2025-01-16T04:00:00Z"); // 23:00 EST on the 15th
    const nextMorning = at("2025-01-16T13:00:00Z"); // 08:00 EST on the 16th
    expect(studyDaysBetween(lateEvening, nextMorning, "America/New_York")).toBe(1);
    expect(studyDaysBetween(nextMorning, lateEvening, "America/New_York")).toBe(-1);
    expect(studyDaysBetween(at("2025-01-16T08:00:00Z"), lateEvening, "America/New_York")).toBe(0); // 03:00 is still the 15th
  });

  it("reports UTC offsets and rejects unknown zones", () => {
    expect(utcOffsetMs(at("2025-07-01T00:00:00Z"), "America/New_York")).toBe(-4 * 3_600_000);
    expect(utcOffsetMs(at("2025-07-01T00:00:00Z"), "Asia/Kolkata")).toBe(5.5 * 3_600_000);
    expect(() => studyDayStart(at("2025-07-01T00:00:00Z"), "Mars/Olympus")).toThrow(/Unknown time zone/);
    expect(() => studyDayStart(at("2025-07-01T00:00:00Z"), "UTC", 24)).toThrow(/0-23/);
  });
});

describe("study day bounds across many calls", () => {
  it("are the same whatever order the instants come in (across DST changes)", () => {
    for (const timeZone of ["America/New_York", "Australia/Lord_Howe", "Asia/Kolkata"]) {
      const instants = Array.from({ length: 24 * 60 }, (_, i) => new Date(Date.UTC(2026, 2, 1) + i * 37 * 60_000));
      const bounds = (list: Date[]) => new Map(list.map((t) => [t.getTime(), [studyDayStart(t, timeZone).getTime(), studyDayEnd(t, timeZone).getTime()]]));
      const forward = bounds(instants);
      const shuffled = bounds([...instants].sort((a, b) => ((a.getTime() * 7919) % 1009) - ((b.getTime() * 7919) % 1009)));
      expect(shuffled).toEqual(forward);
      for (const [t, [start, end]] of forward) {
        expect(start).toBeLessThanOrEqual(t);
        expect(end).toBeGreaterThan(t);
      }
    }
  });
});
