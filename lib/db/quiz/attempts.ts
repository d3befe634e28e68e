/**
 * Quiz attempts: start (or resume), read without unanswered answers, finish,
 * discard. Every query is scoped to the signed-in user: another user's attempt
 * id reads as "not found".
 */
import { randomUUID } from "node:crypto";
import { buildQuiz, parseStoredQuiz, quizView, scoreQuiz, type QuizCard, type QuizStatus, type QuizView, type StoredQuiz } from "../../quiz";
import type { StartQuizInput } from "../../validation/quiz";
import { requireVisibleDocument } from "../documents/decks";
import { toCardView } from "../review/card-view";
import { sqlOf, type Db } from "../runtime/client";
import { Conflict, NotFound } from "../runtime/errors";
import { exec } from "../runtime/sql";
import { discardAttempt, finishAttempt, insertAttempt } from "./attempt-store";

const ATTEMPT_INCLUDE = { document: { select: { title: true } }, topic: { select: { path: true, title: true } } } as const;

export async function requireAttempt(db: Pick<Db, "quizAttempt">, userId: string, attemptId: string) {
  const row = await db.quizAttempt.findFirst({ where: { id: attemptId, userId }, include: ATTEMPT_INCLUDE });
  if (!row) throw new NotFound("Quiz");
  return row;
}

/** The quiz as the browser may see it; 404 for an id that is not the user's. */
export async function loadQuiz(db: Db, userId: string, attemptId: string): Promise<QuizView> {
  return quizView(await requireAttempt(db, userId, attemptId));
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
    const { id, kind, prompt, answer, options, source } = toCardView({ ...card, documentId, topic: null }, edits);
    return { id, topicId: card.topicId, suspended: edits?.suspended ?? false, kind, prompt, answer, options, source };
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
  let topic: { path: string; title: string } | null = null;
  if (input.topicId !== null) {
    topic = await db.topic.findFirst({ where: { id: input.topicId, documentId: document.id }, select: { path: true, title: true } });
    if (!topic) throw new NotFound("Topic");
  }
  const open = await db.quizAttempt.findFirst({
    where: { userId, documentId: document.id, topicId: input.topicId, status: "ACTIVE" },
    orderBy: { startedAt: "desc" },
    include: ATTEMPT_INCLUDE,
  });
  if (open) return { quiz: quizView(open), resumed: true };

  const { eligible, pool } = await quizCards(db, userId, document.id, input.topicId);
  if (eligible.length === 0) {
    throw new Conflict(
      "This topic has no cards to quiz you on: no clear facts were found in it (or you suspended them all).",
      "NO_CARDS",
    );
  }
  const questions = buildQuiz(eligible, { count: input.count, seed, pool });
  const stored: StoredQuiz = { requested: input.count, questions: questions.map((q) => ({ ...q, response: null })) };
  const attempt = { userId, documentId: document.id, topicId: input.topicId, stored, startedAt: now };
  const { id, statement } = insertAttempt(attempt);
  await sqlOf(db).transaction(() => exec(statement));
  const row = { ...attempt, id, status: "ACTIVE", questions: JSON.stringify(stored), questionCount: questions.length, score: null, finishedAt: null };
  return { quiz: quizView({ ...row, document: { title: document.title }, topic }), resumed: false };
}

/** Finishes a quiz (unanswered questions count as missed). Finishing twice returns the same result. */
export async function finishQuiz(db: Db, userId: string, attemptId: string, now: Date): Promise<QuizView> {
  for (let tries = 0; tries < 3; tries++) {
    const attempt = await requireAttempt(db, userId, attemptId);
    if (attempt.status === "DISCARDED") throw new Conflict("This quiz was discarded.", "QUIZ_DISCARDED");
    if (attempt.status === "FINISHED") return quizView(attempt);
    const tally = scoreQuiz(parseStoredQuiz(attempt.questions).questions.map((q) => q.response));
    // Compare-and-set on the questions: an answer landing meanwhile makes us read again.
    await sqlOf(db).transaction(() => exec(finishAttempt({ id: attempt.id, userId, storedText: attempt.questions }, tally, now)));
  }
  throw new Conflict("This quiz kept changing while finishing it. Please try again.", "QUIZ_CHANGED");
}

/** Discards an unfinished quiz. Its answers stay in the history; a finished quiz cannot be discarded. */
export async function discardQuiz(db: Db, userId: string, attemptId: string): Promise<{ id: string; status: QuizStatus }> {
  const attempt = await requireAttempt(db, userId, attemptId);
  if (attempt.status === "FINISHED") throw new Conflict("A finished quiz stays in your results and cannot be discarded.", "QUIZ_FINISHED");
  if (attempt.status === "ACTIVE") {
    await sqlOf(db).transaction(() => exec(discardAttempt({ id: attempt.id, userId })));
  }
  return { id: attempt.id, status: "DISCARDED" };
}
