import { answersMatch, normaliseAnswer } from "./check-answer";
import type { QuizQuestion } from "./types";

/**
 * Checks the user's answer to one question. Multiple choice and true/false need
 * the exact option (after normalising); typed answers get the forgiving comparison.
 */
export function checkAnswer(question: Pick<QuizQuestion, "type" | "answer" | "options" | "shortForms">, given: string): boolean {
  if (question.type === "typed") return answersMatch(given, question.answer, question.shortForms ?? []);
  if (question.type === "truefalse") return normaliseAnswer(given) === question.answer;
  return normaliseAnswer(given) === normaliseAnswer(question.answer);
}
