import { describe, expect, it } from "vitest";
import { answerKind, sameKind } from "./answer-kind";

describe("answerKind", () => {
  it("reads numbers with their unit", () => {
    expect(answerKind("45%")).toEqual({ kind: "number", unit: "%", range: false });
    expect(answerKind("90-95%")).toEqual({ kind: "number", unit: "%", range: true });
    expect(answerKind("8 weeks")).toEqual({ kind: "number", unit: "week", range: false });
    expect(answerKind("$5 million")).toMatchObject({ kind: "number", unit: "$million" });
  });
  it("tells names from phrases, even when the gap opens the sentence", () => {
    expect(answerKind("Deep Seek R1")).toEqual({ kind: "name" });
    expect(answerKind("Stargate")).toEqual({ kind: "name" });
    expect(answerKind("Constraints", true)).toEqual({ kind: "phrase", words: 1 });
    expect(answerKind("high-end chips")).toEqual({ kind: "phrase", words: 3 });
  });
  it("pairs numbers only with numbers in the same unit", () => {
    expect(sameKind(answerKind("45%"), answerKind("32%"))).toBe(true);
    expect(sameKind(answerKind("8 weeks"), answerKind("6 months"))).toBe(false);
    expect(sameKind(answerKind("8 weeks"), answerKind("China"))).toBe(false);
    expect(sameKind(answerKind("China"), answerKind("Deep Seek R1"))).toBe(true);
  });
});
