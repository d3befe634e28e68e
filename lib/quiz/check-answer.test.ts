import { describe, expect, it } from "vitest";
import { answersMatch, normaliseAnswer } from "./check-answer";
import { checkAnswer } from "./check-question";

describe("answersMatch: forgiving where the fact does not change", () => {
  it.each([
    ["90-95%", "90-95%"],
    ["90–95 %", "90-95%"],
    ["90 to 95%", "90-95%"],
    ["90% - 95%", "90-95%"],
    ["90 percent to 95 percent", "90-95%"],
    ["  Deep   seek r1 ", "Deep Seek R1"],
    ["deepseek r1", "Deep Seek R1"],
    ["commoditization.", "commoditization"],
    ["the commoditization", "commoditization"],
    ["high end chips", "high-end chips"],
    ["comoditization", "commoditization"], // one letter missing in a long word
    ["commoditizaiton", "commoditization"], // two letters swapped
    ["Constraint!", "constraint"],
    ["1,000 users", "1000 users"],
    ["$5.5 million", "$5.5 Million"],
  ])("%s = %s", (given, expected) => {
    expect(answersMatch(given, expected)).toBe(true);
  });
});

describe("answersMatch: strict where the fact would change", () => {
  it.each([
    ["54%", "45%"],
    ["45", "45%"], // the unit is part of the number
    ["90-96%", "90-95%"],
    ["5.6 million", "5.5 million"],
    ["8 week", "18 weeks"],
    ["Chine", "China"], // short word: no typo allowance
    ["comoditizaton", "commoditization"], // two typos in one word
    ["limted acess", "limited access"], // a typo in each of two words
    ["", "China"],
    ["efficiency", "efficiency and cost-effectiveness"],
  ])("%s ≠ %s", (given, expected) => {
    expect(answersMatch(given, expected)).toBe(false);
  });
});

describe("normaliseAnswer", () => {
  it("writes every range and percent one way", () => {
    expect(normaliseAnswer("90 – 95 %")).toBe("90-95%");
    expect(normaliseAnswer("From 6 months TO 8 weeks.")).toBe("from 6 months to 8 weeks");
    expect(normaliseAnswer("3.5x")).toBe("3.5x");
  });
});

describe("checkAnswer", () => {
  it("needs the exact option for multiple choice", () => {
    const q = { type: "choice" as const, answer: "45%", options: ["15%", "45%", "54%"] };
    expect(checkAnswer(q, "45%")).toBe(true);
    expect(checkAnswer(q, "54%")).toBe(false);
  });
  it("reads true/false in any case", () => {
    const q = { type: "truefalse" as const, answer: "false", options: null };
    expect(checkAnswer(q, "False")).toBe(true);
    expect(checkAnswer(q, "true")).toBe(false);
  });
  it("forgives a typed answer's typo", () => {
    expect(checkAnswer({ type: "typed", answer: "resource constraints", options: null }, "resource constriants")).toBe(true);
  });
});
