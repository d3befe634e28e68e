import { describe, expect, it } from "vitest";
import { formatQuizDuration, scoreQuiz } from "./score";

describe("scoreQuiz", () => {
  it("counts unanswered questions as missed", () => {
    expect(scoreQuiz([{ correct: true }, { correct: false }, null, { correct: true }])).toEqual({
      total: 4,
      answered: 3,
      correct: 2,
      score: 0.5,
      percent: 50,
    });
  });
  it("scores an empty quiz as zero rather than NaN", () => {
    expect(scoreQuiz([]).score).toBe(0);
  });
  it("rounds the percent for display", () => {
    expect(scoreQuiz([{ correct: true }, { correct: true }, { correct: false }]).percent).toBe(67);
  });
});

describe("formatQuizDuration", () => {
  it("reads naturally", () => {
    expect(formatQuizDuration(45_400)).toBe("45s");
    expect(formatQuizDuration(185_000)).toBe("3m 05s");
    expect(formatQuizDuration(3_720_000)).toBe("1h 02m");
  });
});
