import { describe, expect, it } from "vitest";
import { cardHistories, historyItems, isLongTerm, parseReviewCsv } from "./review-history";

const header = "card_id,review_time,review_rating,review_state,review_duration";
const at = (iso: string) => Date.parse(iso);

describe("the review history as the optimiser reads it", () => {
  it("reads the export's rows, card ids with commas or quotes included", () => {
    const csv = `${header}\r\n"a,""b""",1700000000000,3,0,5000\r\nplain,1700000001000,1,2,800\r\n`;
    expect(parseReviewCsv(csv)).toEqual([
      { cardId: 'a,"b"', at: 1700000000000, rating: 3, state: 0 },
      { cardId: "plain", at: 1700000001000, rating: 1, state: 2 },
    ]);
    expect(() => parseReviewCsv("id,time\r\n")).toThrow(/Not a review-history CSV/);
    expect(() => parseReviewCsv(`${header}\r\nx,5,9,0,1\r\n`)).toThrow(/Line 2/);
  });

  it("counts days between reviews in the user's study days (4 a.m. in their zone)", () => {
    const rows = [
      { cardId: "c", at: at("2025-01-15T15:00:00Z"), rating: 3, state: 0 }, // 10:00 New York, the 15th
      { cardId: "c", at: at("2025-01-16T08:30:00Z"), rating: 3, state: 1 }, // 03:30 on the 16th: still the 15th's study day
      { cardId: "c", at: at("2025-01-16T09:30:00Z"), rating: 3, state: 2 }, // 04:30: the 16th
    ];
    const [history] = cardHistories(rows, { timeZone: "America/New_York", dayStartHour: 4 });
    expect(history.map((r) => r.deltaT)).toEqual([0, 0, 1]);
    const [utc] = cardHistories(rows, { timeZone: "UTC", dayStartHour: 4 });
    expect(utc.map((r) => r.deltaT)).toEqual([0, 1, 0]);
  });

  it("starts a card's history at its last answer as a new card and leaves out one without it", () => {
    const rows = [
      { cardId: "reset", at: at("2025-01-01T12:00:00Z"), rating: 3, state: 0 },
      { cardId: "reset", at: at("2025-01-05T12:00:00Z"), rating: 3, state: 2 },
      { cardId: "reset", at: at("2025-02-01T12:00:00Z"), rating: 1, state: 0 },
      { cardId: "reset", at: at("2025-02-03T12:00:00Z"), rating: 3, state: 2 },
      { cardId: "partial", at: at("2025-01-03T12:00:00Z"), rating: 3, state: 2 },
    ];
    const histories = cardHistories(rows, { timeZone: "UTC", dayStartHour: 4 });
    expect(histories).toEqual([
      [
        { rating: 1, deltaT: 0, at: at("2025-02-01T12:00:00Z") },
        { rating: 3, deltaT: 2, at: at("2025-02-03T12:00:00Z") },
      ],
    ]);
  });

  it("makes one item per review after a card's first, oldest first", () => {
    const a = [{ rating: 3, deltaT: 0, at: 10 }, { rating: 3, deltaT: 0, at: 20 }, { rating: 1, deltaT: 3, at: 50 }];
    const b = [{ rating: 4, deltaT: 0, at: 15 }, { rating: 3, deltaT: 5, at: 30 }];
    const items = historyItems([a, b]);
    expect(items.map((item) => item.at)).toEqual([20, 30, 50]);
    expect(items[2].reviews).toEqual(a);
    expect(items.map(isLongTerm)).toEqual([false, true, true]);
  });
});
