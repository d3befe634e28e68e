import { describe, expect, it } from "vitest";
import { answersMatch, normaliseAnswer, shortForms } from "./check-answer";
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

describe("answersMatch: lenient typed answers", () => {
  const heart = ["mitral valve", "tricuspid valve", "left atrium", "right atrium", "aorta", "blood pressure", "pulmonary veins"];
  const formsOf = (answer: string) => shortForms(answer, heart.filter((other) => other !== answer));

  it("accepts a leading word or the head word that names the answer alone", () => {
    expect(formsOf("mitral valve")).toEqual(["mitral"]);
    expect(answersMatch("mitral", "mitral valve", formsOf("mitral valve"))).toBe(true);
    expect(answersMatch("Mitral.", "mitral valve", formsOf("mitral valve"))).toBe(true);
    expect(answersMatch("mitrla", "mitral valve", formsOf("mitral valve"))).toBe(true); // with the usual typo allowance
    expect(formsOf("pulmonary veins")).toEqual(["pulmonary", "veins"]);
    expect(answersMatch("veins", "pulmonary veins", formsOf("pulmonary veins"))).toBe(true);
  });

  it("refuses a short form another answer shares: it would not say which one", () => {
    expect(answersMatch("valve", "mitral valve", formsOf("mitral valve"))).toBe(false); // tricuspid valve too
    expect(answersMatch("atrium", "left atrium", formsOf("left atrium"))).toBe(false); // right atrium too
    expect(formsOf("left atrium")).toEqual(["left"]);
    expect(shortForms("left atrium", ["left ventricle"])).toEqual(["atrium"]);
  });

  it("never shortens numbers, lists, or on a function word", () => {
    expect(shortForms("90-95% cheaper", [])).toEqual([]);
    expect(shortForms("8 weeks", [])).toEqual([]);
    expect(shortForms("efficiency and cost-effectiveness", [])).toEqual([]);
    expect(shortForms("math, coding, reasoning", [])).toEqual([]);
    expect(shortForms("out of reach", [])).toEqual(["out", "reach"]);
    expect(answersMatch("8", "8 weeks", ["8"])).toBe(false);
  });

  it("forgives two neighbouring letters swapped in a word of four letters or more, never in a number", () => {
    expect(answersMatch("left and rgiht", "left and right")).toBe(true);
    expect(answersMatch("hte heart", "the heart")).toBe(false); // three letters: too short to tell
    expect(answersMatch("rgith", "right")).toBe(false); // a swap and more
    expect(answersMatch("1987", "1897")).toBe(false);
    expect(answersMatch("12 wekes", "12 weeks")).toBe(true);
    expect(answersMatch("21 weeks", "12 weeks")).toBe(false);
  });

  it("a typed question carries its short forms, so the server's check accepts them", () => {
    expect(checkAnswer({ type: "typed", answer: "mitral valve", options: null, shortForms: ["mitral"] }, "mitral")).toBe(true);
    expect(checkAnswer({ type: "typed", answer: "mitral valve", options: null }, "mitral")).toBe(false);
  });
});
