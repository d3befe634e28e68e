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

/** The offset as Intl names it ("GMT-04:00", "GMT+10:30", "GMT"): an oracle apart from the cached path. */
const namers = new Map<string, Intl.DateTimeFormat>();
function namedOffsetMs(ms: number, timeZone: string): number {
  if (!namers.has(timeZone)) namers.set(timeZone, new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" }));
  const name = namers.get(timeZone)!.formatToParts(ms).find((part) => part.type === "timeZoneName")!.value;
  const match = /GMT(?:([+-])(\d\d):(\d\d))?/.exec(name)!;
  return match[1] ? (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) * 60_000 : 0;
}

describe("UTC offsets, remembered per hour", () => {
  const HOUR = 3_600_000;
  // New York moves by an hour at 2 a.m. local, Berlin at 01:00 UTC, Lord Howe by half an hour (+10:30 / +11).
  const zones = ["America/New_York", "Europe/Berlin", "Australia/Lord_Howe"];

  /** The instants in 2024-2026 at which the zone's offset changes (to the minute). */
  function changes(timeZone: string): number[] {
    const found: number[] = [];
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2027, 0, 1); t += HOUR) {
      if (namedOffsetMs(t, timeZone) === namedOffsetMs(t + HOUR, timeZone)) continue;
      let minute = t;
      while (namedOffsetMs(minute, timeZone) === namedOffsetMs(t, timeZone)) minute += 60_000;
      found.push(minute);
    }
    return found;
  }

  it("match Intl every minute around each DST change, whichever instants were asked before", () => {
    for (const timeZone of zones) {
      const found = changes(timeZone);
      expect(found).toHaveLength(6); // two a year
      for (const change of found) {
        // Hours on either side first (so both ends of the changing hour are remembered), then every minute and the seconds at the change.
        const around = [-2, -1, 0, 1, 2].map((h) => change + h * HOUR);
        const minutes = Array.from({ length: 4 * 60 + 1 }, (_, i) => change - 2 * HOUR + i * 60_000);
        const seconds = [-1001, -1000, -1, 0, 1, 999, 1000].map((d) => change + d);
        for (const t of [...around, ...minutes, ...seconds, ...around]) {
          expect(utcOffsetMs(t, timeZone), `${timeZone} at ${new Date(t).toISOString()}`).toBe(namedOffsetMs(t, timeZone));
        }
      }
    }
  });

  it("match Intl at instants spread over three years, asked out of order and again", () => {
    for (const timeZone of zones) {
      const instants = Array.from({ length: 5_000 }, (_, i) => Date.UTC(2024, 0, 1) + ((i * 7_919_993_077) % (3 * 365 * 86_400_000)));
      for (const t of [...instants, ...instants.reverse()]) expect(utcOffsetMs(new Date(t), timeZone)).toBe(namedOffsetMs(t, timeZone));
    }
  });

  it("keep nothing for an unknown zone: it is refused every time", () => {
    expect(() => utcOffsetMs(0, "Mars/Olympus")).toThrow(/Unknown time zone/);
    expect(() => utcOffsetMs(0, "Mars/Olympus")).toThrow(/Unknown time zone/);
  });
});
