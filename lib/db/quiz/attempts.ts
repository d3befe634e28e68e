/**
 * Quiz attempts: start (or resume), read without unanswered answers, finish,
 * discard. Every query is scoped to the signed-in user: another user's attempt
 * id reads as "not found".
 */
import { randomUUID } from "node:crypto";
import { Conflict, NotFound } from "../runtime/errors";
import { buildQuiz, scoreQuiz, type PublicQuestion, type QuizCard, type StoredQuestion } from "../../quiz";
import type { StartQuizInput } from "../../validation/quiz";
import type { Db } from "../runtime/client";
import { requireVisibleDocument } from "../documents/decks";

export type QuizStatus = "ACTIVE" | "FINISHED" | "DISCARDED";

/** What QuizAttempt.questions holds (JSON): the questions with their answers and the user's responses. */
export interface StoredQuiz {
  requested: number;
  questions: StoredQuestion[];
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
      ? { given: response.given, correct: response.correct, answer: question.answer, truth: question.truth, source: question.source }
      : null,
  };
}

const ATTEMPT_INCLUDE = { document: { select: { title: true } }, topic: { select: { path: true, title: true } } } as const;

type AttemptRow = {
  id: string;
  documentId: string;
  topicId: string | null;
  status: string;
  questions: string;
  questionCount: number;
  correctCount: number;
  score: number | null;
  startedAt: Date;
  finishedAt: Date | null;
  document: { title: string };
  topic: { path: string; title: string } | null;
};

export function topicLabel(topic: { path: string; title: string } | null): string {
  return topic ? `${topic.path} ${topic.title}` : ALL_TOPICS;
}

export function toQuizView(row: AttemptRow): QuizView {
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

export async function requireAttempt(db: Pick<Db, "quizAttempt">, userId: string, attemptId: string) {
  const row = await db.quizAttempt.findFirst({ where: { id: attemptId, userId }, include: ATTEMPT_INCLUDE });
  if (!row) throw new NotFound("Quiz");
  return row;
}

/** The quiz as the browser may see it; 404 for an id that is not the user's. */
export async function loadQuiz(db: Db, userId: string, attemptId: string): Promise<QuizView> {
  return toQuizView(await requireAttempt(db, userId, attemptId));
}

/**
 * The cards a quiz on `topicId` (null: the whole document) may ask about, with the
 * user's own edits, leaving out cards they suspended; and the document's cards as
 * the distractor pool.
 */
export async function quizCards(db: Db, userId: string, documentId: string, topicId: string | null) {
  const [cards, states] = await Promise.all([
    db.card.findMany({
      where: { documentId },
      orderBy: { position: "asc" },
      select: { id: true, topicId: true, kind: true, prompt: true, answer: true, options: true, source: true },
    }),
    db.cardState.findMany({
      where: { userId, documentId },
      select: { cardId: true, suspended: true, customPrompt: true, customAnswer: true, customOptions: true },
    }),
  ]);
  const stateById = new Map(states.map((s) => [s.cardId, s]));
  const pool = cards.map((card): QuizCard & { topicId: string | null; suspended: boolean } => {
    const edits = stateById.get(card.id);
    const options = edits?.customOptions ?? card.options;
    return {
      id: card.id,
      topicId: card.topicId,
      suspended: edits?.suspended ?? false,
      kind: card.kind === "CHOICE" ? "choice" : "cloze",
      prompt: edits?.customPrompt ?? card.prompt,
      answer: edits?.customAnswer ?? card.answer,
      options: options ? (JSON.parse(options) as string[]) : null,
      source: card.source,
    };
  });
  const eligible = pool.filter((card) => !card.suspended && (topicId === null || card.topicId === topicId));
  return { eligible, pool };
}

export interface StartQuizResult {
  quiz: QuizView;
  /** True when an unfinished quiz on the same topic was picked up instead of starting another. */
  resumed: boolean;
}

/**
 * Starts a quiz on a topic (or the whole document), or resumes the user's
 * unfinished one there: one open quiz per topic, so a double click starts one.
 */
export async function startQuiz(db: Db, userId: string, input: StartQuizInput, now: Date, seed: string = randomUUID()): Promise<StartQuizResult> {
  const document = await requireVisibleDocument(db, userId, input.documentId);
  if (input.topicId !== null) {
    const topic = await db.topic.findFirst({ where: { id: input.topicId, documentId: document.id }, select: { id: true } });
    if (!topic) throw new NotFound("Topic");
  }
  const open = await db.quizAttempt.findFirst({
    where: { userId, documentId: document.id, topicId: input.topicId, status: "ACTIVE" },
    orderBy: { startedAt: "desc" },
    include: ATTEMPT_INCLUDE,
  });
  if (open) return { quiz: toQuizView(open), resumed: true };

  const { eligible, pool } = await quizCards(db, userId, document.id, input.topicId);
  if (eligible.length === 0) {
    throw new Conflict(
      "This topic has no cards to quiz you on: no clear facts were found in it (or you suspended them all).",
      "NO_CARDS",
    );
  }
  const questions = buildQuiz(eligible, { count: input.count, seed, pool });
  const stored: StoredQuiz = { requested: input.count, questions: questions.map((q) => ({ ...q, response: null })) };
  const row = await db.quizAttempt.create({
    data: {
      userId,
      documentId: document.id,
      topicId: input.topicId,
      status: "ACTIVE",
      questions: JSON.stringify(stored),
      questionCount: questions.length,
      startedAt: now,
    },
    include: ATTEMPT_INCLUDE,
  });
  return { quiz: toQuizView(row), resumed: false };
}

/** Finishes a quiz (unanswered questions count as missed). Finishing twice returns the same result. */
export async function finishQuiz(db: Db, userId: string, attemptId: string, now: Date): Promise<QuizView> {
  for (let tries = 0; tries < 3; tries++) {
    const attempt = await requireAttempt(db, userId, attemptId);
    if (attempt.status === "DISCARDED") throw new Conflict("This quiz was discarded.", "QUIZ_DISCARDED");
    if (attempt.status === "FINISHED") return toQuizView(attempt);
    const tally = scoreQuiz(parseStoredQuiz(attempt.questions).questions.map((q) => q.response));
    // Compare-and-set on the questions: an answer landing meanwhile makes us read again.
    await db.quizAttempt.updateMany({
      where: { id: attempt.id, userId, status: "ACTIVE", questions: attempt.questions },
      data: { status: "FINISHED", score: tally.score, correctCount: tally.correct, finishedAt: now },
    });
  }
  throw new Conflict("This quiz kept changing while finishing it. Please try again.", "QUIZ_CHANGED");
}

/** Discards an unfinished quiz. Its answers stay in the history; a finished quiz cannot be discarded. */
export async function discardQuiz(db: Db, userId: string, attemptId: string): Promise<{ id: string; status: QuizStatus }> {
  const attempt = await requireAttempt(db, userId, attemptId);
  if (attempt.status === "FINISHED") throw new Conflict("A finished quiz stays in your results and cannot be discarded.", "QUIZ_FINISHED");
  if (attempt.status === "ACTIVE") {
    await db.quizAttempt.updateMany({ where: { id: attempt.id, userId, status: "ACTIVE" }, data: { status: "DISCARDED" } });
  }
  return { id: attempt.id, status: "DISCARDED" };
}
