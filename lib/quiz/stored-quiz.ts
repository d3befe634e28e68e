/**
 * A quiz attempt as stored (QuizAttempt.questions holds the questions, their answers and
 * the user's responses as JSON) and the views made of it: what the browser may see, and
 * the result of one answer. Pure: the db layer reads and writes the rows.
 */
import { scoreQuiz } from "./score";
import type { PublicQuestion, QuizResponse, StoredQuestion } from "./types";

export type QuizStatus = "ACTIVE" | "FINISHED" | "DISCARDED";

/** What QuizAttempt.questions holds (JSON): the questions with their answers and the user's responses. */
export interface StoredQuiz {
  requested: number;
  questions: StoredQuestion[];
}

/** A QuizAttempt row with its document's title and its topic. */
export interface AttemptRecord {
  id: string;
  documentId: string;
  topicId: string | null;
  status: string;
  questions: string;
  questionCount: number;
  score: number | null;
  startedAt: Date;
  finishedAt: Date | null;
  document: { title: string };
  topic: { path: string; title: string } | null;
}

export interface QuizView {
  id: string;
  documentId: string;
  documentTitle: string;
  topicId: string | null;
  /** "All topics" for the whole document, else "4.1 China's AI team". */
  topicLabel: string;
  status: QuizStatus;
  requested: number;
  questionCount: number;
  answeredCount: number;
  correctCount: number;
  /** 0..1 once finished. */
  score: number | null;
  startedAt: string;
  finishedAt: string | null;
  questions: PublicQuestion[];
}

/** What happened to the card's schedule because of a quiz answer. */
export type ScheduleEffect = "unchanged" | "lapse" | "reviewed";

export interface QuizAnswerResult {
  questionIndex: number;
  correct: boolean;
  overridden: boolean;
  given: string;
  answer: string;
  truth: string | null;
  source: string;
  schedule: ScheduleEffect;
  answeredCount: number;
  correctCount: number;
  questionCount: number;
  /** True when this question had already been answered: the stored answer is returned. */
  replayed: boolean;
}

export const ALL_TOPICS = "All topics";

export function parseStoredQuiz(text: string): StoredQuiz {
  const value = JSON.parse(text) as StoredQuiz;
  if (!value || !Array.isArray(value.questions)) throw new Error("QuizAttempt.questions is not a stored quiz.");
  return value;
}

/** The browser's view of a question: answer and source only once it is answered. */
export function publicQuestion(question: StoredQuestion, index: number): PublicQuestion {
  const { response } = question;
  return {
    index,
    type: question.type,
    prompt: question.prompt,
    options: question.options,
    answered: response
      ? { given: response.given, correct: response.correct, overridden: response.overridden ?? false, answer: question.answer, truth: question.truth, source: question.source }
      : null,
  };
}

export function topicLabel(topic: { path: string; title: string } | null): string {
  return topic ? `${topic.path} ${topic.title}` : ALL_TOPICS;
}

export function quizView(row: AttemptRecord): QuizView {
  const stored = parseStoredQuiz(row.questions);
  const tally = scoreQuiz(stored.questions.map((q) => q.response));
  return {
    id: row.id,
    documentId: row.documentId,
    documentTitle: row.document.title,
    topicId: row.topicId,
    topicLabel: topicLabel(row.topic),
    status: row.status as QuizStatus,
    requested: stored.requested,
    questionCount: row.questionCount,
    answeredCount: tally.answered,
    correctCount: tally.correct,
    score: row.score,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    questions: stored.questions.map(publicQuestion),
  };
}

/** The stored quiz with `response` recorded on question `index`. */
export function withResponse(stored: StoredQuiz, index: number, response: QuizResponse): StoredQuiz {
  return { ...stored, questions: stored.questions.map((q, i) => (i === index ? { ...q, response } : q)) };
}

/** The result of the answer recorded on question `index`. */
export function answerResult(stored: StoredQuiz, index: number, schedule: ScheduleEffect, replayed: boolean): QuizAnswerResult {
  const question = stored.questions[index];
  const tally = scoreQuiz(stored.questions.map((q) => q.response));
  return {
    questionIndex: index,
    correct: question.response!.correct,
    overridden: question.response!.overridden ?? false,
    given: question.response!.given,
    answer: question.answer,
    truth: question.truth,
    source: question.source,
    schedule,
    answeredCount: tally.answered,
    correctCount: tally.correct,
    questionCount: stored.questions.length,
    replayed,
  };
}

/** The cards of the questions missed (or left unanswered), once each. */
export function missedCardIds(stored: StoredQuiz): string[] {
  return [...new Set(stored.questions.filter((q) => !q.response?.correct).map((q) => q.cardId))];
}
