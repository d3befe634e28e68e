/** The quiz's data shapes, shared by the builder, the db layer and the browser. */

export type QuestionType = "choice" | "typed" | "truefalse";

/** A card as the quiz needs it (the user's own edits already applied). */
export interface QuizCard {
  id: string;
  kind: "cloze" | "choice" | "basic";
  /** Cloze and choice: contains exactly one "[...]" gap. Basic: a question. */
  prompt: string;
  answer: string;
  options: string[] | null;
  source: string;
}

/** One question with its answer: kept on the server until the user has answered. */
export interface QuizQuestion {
  cardId: string;
  type: QuestionType;
  /** Choice and typed: the card's prompt with its gap. True/false: the statement to judge. */
  prompt: string;
  /** Choice only, in the order shown. */
  options: string[] | null;
  /** The right answer: an option's text, the typed text, or "true" / "false". */
  answer: string;
  /** True/false only: the statement as the document states it. */
  truth: string | null;
  source: string;
  /** Typed only: shortened forms of the answer also accepted (check-answer.ts shortForms); absent in older quizzes. */
  shortForms?: string[];
}

/** What the user answered, recorded with the question. */
export interface QuizResponse {
  given: string;
  correct: boolean;
  /** "I was right": marked wrong by the checker, counted right at the user's word. */
  overridden?: boolean;
  answeredAt: string;
  reviewLogId: string;
}

export type StoredQuestion = QuizQuestion & { response: QuizResponse | null };

/** What the browser sees of a question: the answer and source only once answered. */
export interface PublicQuestion {
  index: number;
  type: QuestionType;
  prompt: string;
  options: string[] | null;
  answered: null | {
    given: string;
    correct: boolean;
    overridden: boolean;
    answer: string;
    truth: string | null;
    source: string;
  };
}

export const TRUE_FALSE_OPTIONS = ["True", "False"] as const;
export const GAP = "[...]";
