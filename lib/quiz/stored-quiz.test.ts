import { describe, expect, it } from "vitest";
import { answerResult, missedCardIds, parseStoredQuiz, quizView, withResponse, type StoredQuiz } from "./stored-quiz";
import type { StoredQuestion } from "./types";

const question = (cardId: string, answer: string): StoredQuestion => ({
  cardId,
  type: "typed",
  prompt: `Gap [...] for ${cardId}`,
  options: null,
  answer,
  truth: null,
  source: `The source of ${cardId}.`,
  response: null,
});

const stored: StoredQuiz = { requested: 3, questions: [question("a", "one"), question("b", "two"), question("a", "three")] };
const response = (correct: boolean) => ({ given: correct ? "right" : "wrong", correct, answeredAt: "2026-03-10T15:00:00.000Z", reviewLogId: "log" });

describe("a stored quiz", () => {
  it("shows the browser no answer or source before a question is answered", () => {
    const answered = withResponse(stored, 1, response(true));
    const view = quizView({
      id: "q1", documentId: "d1", topicId: null, status: "ACTIVE", questions: JSON.stringify(answered), questionCount: 3, score: null,
      startedAt: new Date("2026-03-10T14:00:00Z"), finishedAt: null, document: { title: "Deck" }, topic: null,
    });
    expect(view).toMatchObject({ topicLabel: "All topics", answeredCount: 1, correctCount: 1, startedAt: "2026-03-10T14:00:00.000Z" });
    expect(view.questions[0].answered).toBeNull();
    expect(JSON.stringify(view.questions[0])).not.toContain("one");
    expect(view.questions[1].answered).toEqual({ given: "right", correct: true, overridden: false, answer: "two", truth: null, source: "The source of b." });
  });

  it("records a response without changing the stored quiz it came from", () => {
    const next = withResponse(stored, 0, response(false));
    expect(stored.questions[0].response).toBeNull();
    expect(answerResult(next, 0, "lapse", false)).toEqual({
      questionIndex: 0, correct: false, overridden: false, given: "wrong", answer: "one", truth: null, source: "The source of a.",
      schedule: "lapse", answeredCount: 1, correctCount: 0, questionCount: 3, replayed: false,
    });
  });

  it("lists each missed or unanswered card once", () => {
    expect(missedCardIds(withResponse(stored, 1, response(true)))).toEqual(["a"]);
    expect(missedCardIds(withResponse(withResponse(stored, 0, response(true)), 2, response(true)))).toEqual(["b"]);
  });

  it("refuses text that is not a stored quiz", () => {
    expect(() => parseStoredQuiz("{}")).toThrow(/not a stored quiz/);
  });
});
