import { describe, expect, it } from "vitest";
import { middayTimeZone } from "./midday-zone";

describe("middayTimeZone", () => {
  it("names a zone where the local hour is 12, at every hour of the UTC day", () => {
    for (let hour = 0; hour < 24; hour++) {
      const at = new Date(Date.UTC(2026, 10, 29, hour, 30));
      const zone = middayTimeZone(at);
      const local = new Intl.DateTimeFormat("en-US", { timeZone: zone, hour: "numeric", hourCycle: "h23" }).format(at);
      expect(Number(local), `${hour}:30 UTC → ${zone}`).toBe(12);
    }
  });
});
