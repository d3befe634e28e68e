import { describe, expect, it } from "vitest";
import { parseStatsQuery } from "./stats";

describe("the stats page's query", () => {
  it("keeps a valid deck and range", () => {
    expect(parseStatsQuery({ deck: "cabc123", range: "3m" })).toEqual({ deck: "cabc123", range: "3m" });
  });

  it("falls back to all decks and one month for missing, empty or bad values, never an error", () => {
    expect(parseStatsQuery({})).toEqual({ deck: undefined, range: "1m" });
    expect(parseStatsQuery({ deck: "", range: "" })).toEqual({ deck: undefined, range: "1m" });
    expect(parseStatsQuery({ deck: "../etc/passwd", range: "forever" })).toEqual({ deck: undefined, range: "1m" });
  });

  it("reads the first of repeated parameters", () => {
    expect(parseStatsQuery({ deck: ["d1", "d2"], range: ["all", "1y"] })).toEqual({ deck: "d1", range: "all" });
  });
});
