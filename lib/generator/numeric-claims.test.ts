import { describe, expect, it } from "vitest";
import { extractNumericClaims } from "./numeric-claims";

const one = (sentence: string) => {
  const claims = extractNumericClaims(sentence);
  expect(claims).toHaveLength(1);
  return claims[0];
};

describe("extractNumericClaims", () => {
  it("reads a percentage", () => {
    const c = one("Customer retention improved by 32% after the change.");
    expect(c).toMatchObject({ kind: "percent", answer: "32%", value: 32 });
  });

  it("reads ranges written with a hyphen, with 'to' and with 'between ... and'", () => {
    expect(one("R1 is 90-95% more affordable than the rival.")).toMatchObject({ kind: "range", answer: "90-95%", value: 90, high: 95 });
    expect(one("It achieves 90 to 95% cost savings overall.")).toMatchObject({ kind: "range", answer: "90 to 95%", value: 90, high: 95 });
    expect(one("Efficiency sits between 85 and 90 percent today.")).toMatchObject({ kind: "range", answer: "85 and 90 percent" });
    expect(one("Prices ranged $10-20 million last year.")).toMatchObject({ kind: "range", value: 10e6, high: 20e6 });
  });

  it("reads bounds and keeps the bound word out of the answer", () => {
    const c = one("The ban requires that at least 50% of the chips be built at home.");
    expect(c).toMatchObject({ kind: "bound", bound: "min", answer: "50%", text: "at least 50%" });
    expect(one("Costs stayed under $3 million for the pilot.")).toMatchObject({ kind: "bound", bound: "max" });
  });

  it("reads a from→to change and asks for the new value", () => {
    const c = one("Cycles were cut from 6 months to just 8 weeks last year.");
    expect(c).toMatchObject({ kind: "change", answer: "8 weeks", value: 8 });
    expect(c.fromCanonical).toBeGreaterThan(c.canonical);
  });

  it("reads money, multipliers, durations, counts, temperatures and years", () => {
    expect(one("Packs now cost $115 per kilowatt-hour on average.")).toMatchObject({ kind: "money", answer: "$115 per kilowatt-hour", value: 115 });
    expect(one("The county received a grant of $5.6 million for it.")).toMatchObject({ kind: "money", answer: "$5.6 million", value: 5.6e6 });
    expect(one("The response is 20 times faster than a turbine.")).toMatchObject({ kind: "multiplier", answer: "20 times", value: 20 });
    expect(one("Installed capacity tripled as prices fell.")).toMatchObject({ kind: "multiplier", answer: "tripled", value: 3 });
    expect(one("Financing usually runs for 15 years in total.")).toMatchObject({ kind: "duration", answer: "15 years" });
    expect(one("The firm now employs 3,000 engineers worldwide.")).toMatchObject({ kind: "count", answer: "3,000", value: 3000 });
    expect(one("Halls are kept near 35 °C all summer long.")).toMatchObject({ kind: "temperature", answer: "35 °C" });
    expect(one("The reef has bleached badly since 2016 in the north.")).toMatchObject({ kind: "year", answer: "2016" });
  });

  it("does not take model names, versions or references for numbers", () => {
    for (const s of [
      "Deep Seek R1 builds on Deep Seek V3 and competes with GPT-4 and GPT-4o models.",
      "The H100 chips outperform the A100 chips in most labs.",
      "As shown in section 4.1 and figure 3 results, Stage 3 sleep is deep.",
      "Price war with V2 reduced costs while the Llama 3 model followed.",
    ]) {
      expect(extractNumericClaims(s), s).toEqual([]);
    }
  });

  it("finds several claims in one sentence without overlaps", () => {
    const claims = extractNumericClaims("Revenue rose 45% while cycles fell from 6 months to 8 weeks and retention rose 32%.");
    expect(claims.map((c) => c.answer)).toEqual(["45%", "8 weeks", "32%"]);
    for (let i = 1; i < claims.length; i++) expect(claims[i].start).toBeGreaterThanOrEqual(claims[i - 1].end);
  });
});
