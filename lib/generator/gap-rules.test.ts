import { describe, expect, it } from "vitest";
import { derivedNumber, gapProblem } from "./gap-rules";

describe("gapProblem", () => {
  it("refuses a gap beside a gloss or formula in parentheses", () => {
    expect(gapProblem("[...] (NaOH) reacts with acids to form a salt and water.", "Sodium hydroxide")).toMatch(/gloss/);
    expect(gapProblem("Water boils into a gas, [...] (steam), at sea level.", "water vapour")).toMatch(/gloss/);
    expect(gapProblem("Hydrochloric acid ([...]) is a strong acid.", "HCl")).toMatch(/gloss/);
    expect(gapProblem("Sodium hydroxide (NaOH) reacts with [...] to form salt.", "hydrochloric acid")).toBeNull();
  });

  it("refuses the other half of an opposite pair", () => {
    expect(gapProblem("Each integer type is either signed or [...].", "unsigned")).toMatch(/opposite/);
    expect(gapProblem("Tuples are [...], not mutable.", "immutable")).toMatch(/opposite/);
    expect(gapProblem("A [...] or careful driver is insured.", "careless")).toMatch(/opposite/);
    expect(gapProblem("Each integer type is either signed or [...].", "boxed")).toBeNull();
  });

  it("refuses an example slot any example fills", () => {
    expect(gapProblem("Sets support operations such as [...].", "union")).toMatch(/example/);
    expect(gapProblem("Use a managed store like [...] for static files.", "S3")).toMatch(/example/);
    expect(gapProblem("Refer to the following topics: [...].", "CAP theorem")).toMatch(/example/);
    expect(gapProblem("A [...] such as Redis keeps data in memory.", "cache server")).toBeNull();
  });
});

describe("derivedNumber", () => {
  it("finds numbers that arithmetic on the prompt's numbers gives", () => {
    expect(derivedNumber("1 TB of new content per month, [...] of new content in 3 years", 36)).toBe(true);
    expect(derivedNumber("40 requests per second = [...] requests per month", 100_000_000)).toBe(true);
    expect(derivedNumber("A disk seek takes about 10 ms, so a disk does about [...] seeks per second", 100)).toBe(true);
  });

  it("leaves facts alone", () => {
    expect(derivedNumber("Pure water at 25 °C has a pH of [...].", 7)).toBe(false);
    expect(derivedNumber("The service handles [...] requests per second at peak.", 4000)).toBe(false);
    expect(derivedNumber("Adults need 7 hours a night, and teenagers [...] hours.", 9)).toBe(false);
  });
});
