import { describe, expect, it } from "vitest";
import { formatSteps, parseSteps, stepFromSeconds, stepMinutes } from "./steps";

describe("learning steps", () => {
  it("accept whole minutes, hours and days, separated by spaces or commas", () => {
    expect(parseSteps("1m 10m", "learning")).toEqual(["1m", "10m"]);
    expect(parseSteps(" 15m, 1h,1d ", "learning")).toEqual(["15m", "1h", "1d"]);
    expect(parseSteps("", "relearning")).toEqual([]);
    expect(stepMinutes("2h")).toBe(120);
    expect(stepMinutes("3d")).toBe(4320);
  });

  it("reject steps ts-fsrs would truncate or cannot read", () => {
    for (const bad of ["0.5m", "1.5h", "0m", "10", "10s", "1 h", "-1m", "1e2m", "1w"]) {
      expect(() => parseSteps(bad, "learning"), bad).toThrow(/not a whole number of minutes, hours or days/);
    }
    expect(() => parseSteps("31d", "learning")).toThrow(/longer than 30 days/);
    expect(() => parseSteps(Array(11).fill("1m").join(" "), "learning")).toThrow(/At most 10/);
  });

  it("write suggested steps in seconds in the largest whole unit", () => {
    expect(stepFromSeconds(60)).toBe("1m");
    expect(stepFromSeconds(629)).toBe("10m");
    expect(stepFromSeconds(5400)).toBe("90m");
    expect(stepFromSeconds(7200)).toBe("2h");
    expect(stepFromSeconds(86_400)).toBe("1d");
    expect(stepFromSeconds(5)).toBe("1m");
    expect(formatSteps(["1m", "10m"])).toBe("1m 10m");
  });
});
