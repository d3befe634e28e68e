/**
 * Answering one quiz question: checked on the server, stored as a ReviewLog
 * (mode QUIZ) linked to the attempt, applied once per clientRequestId.
 *
 * The schedule rule: a quiz does not move the FSRS schedule of a card that is
 * not due today (or never studied); on a card that is due, a wrong answer is a
 * lapse (graded Again) and a right one a successful review (graded Good).
 */
import { Conflict } from "../runtime/errors";
import { checkAnswer } from "../../quiz";
import {
  CardState,
  gradeCard,
  newCardMemory,
  parseCardMemory,
  settingsFromUser,
  studyDayEnd,
  unchangedLog,
} from "../../scheduler";
import type { AnswerQuizInput } from "../../validation/quiz";
import type { Db } from "../runtime/client";
import { MAX_DURATION_MS } from "../review/grade";
import { isDatabaseBusy, isUniqueViolation } from "../runtime/transient-errors";
import { parseStoredQuiz, requireAttempt, type StoredQuiz } from "./attempts";
import type { StudyUser } from "../review/study-session";

/** What happened to the card's schedule because of this answer. */
export type ScheduleEffect = "unchanged" | "lapse" | "reviewed";

export interface QuizAnswerResult {
  questionIndex: number;
  correct: boolean;
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

class StaleAttempt extends Error {}
const MAX_TRIES = 5;


function resultFor(stored: StoredQuiz, index: number, schedule: ScheduleEffect, replayed: boolean): QuizAnswerResult {
  const question = stored.questions[index];
  const responses = stored.questions.map((q) => q.response);
  return {
    questionIndex: index,
    correct: question.response!.correct,
    given: question.response!.given,
    answer: question.answer,
    truth: question.truth,
    source: question.source,
    schedule,
    answeredCount: responses.filter(Boolean).length,
    correctCount: responses.filter((r) => r?.correct).length,
    questionCount: stored.questions.length,
    replayed,
  };
}

/** Reads back what a stored answer did to the schedule. */
async function effectOf(db: Db, userId: string, reviewLogId: string): Promise<ScheduleEffect> {
  const log = await db.reviewLog.findFirst({ where: { id: reviewLogId, userId }, select: { correct: true, due: true, prevDue: true } });
  if (!log || log.due.getTime() === log.prevDue.getTime()) return "unchanged";
  return log.correct ? "reviewed" : "lapse";
}

/** Answers one question of the user's active quiz. A second submit of the same question applies once. */
export async function answerQuizQuestion(db: Db, user: StudyUser, attemptId: string, input: AnswerQuizInput, now: Date): Promise<QuizAnswerResult> {
  for (let tries = 1; ; tries++) {
    const attempt = await requireAttempt(db, user.id, attemptId);
    const stored = parseStoredQuiz(attempt.questions);
    const question = stored.questions[input.questionIndex];
    if (!question) throw new Conflict(`This quiz has ${stored.questions.length} questions; there is no question ${input.questionIndex + 1}.`, "NO_SUCH_QUESTION");
    const applied = await db.reviewLog.findUnique({
      where: { userId_clientRequestId: { userId: user.id, clientRequestId: input.clientRequestId } },
      select: { quizAttemptId: true, cardId: true },
    });
    if (applied && (applied.quizAttemptId !== attempt.id || applied.cardId !== question.cardId)) {
      throw new Conflict("This request id was already used for another answer.", "REQUEST_ID_REUSED");
    }
    if (question.response) return resultFor(stored, input.questionIndex, await effectOf(db, user.id, question.response.reviewLogId), true);
    if (attempt.status !== "ACTIVE") {
      throw new Conflict(attempt.status === "FINISHED" ? "This quiz is finished." : "This quiz was discarded.", "QUIZ_CLOSED");
    }
    try {
      return await applyAnswer(db, user, attempt.id, attempt.questions, stored, input, now);
    } catch (error) {
      if (!(error instanceof StaleAttempt || isUniqueViolation(error) || isDatabaseBusy(error)) || tries >= MAX_TRIES) throw error;
    }
  }
}

async function applyAnswer(
  db: Db,
  user: StudyUser,
  attemptId: string,
  storedText: string,
  stored: StoredQuiz,
  input: AnswerQuizInput,
  now: Date,
): Promise<QuizAnswerResult> {
  const settings = settingsFromUser(user);
  const question = stored.questions[input.questionIndex];
  const correct = checkAnswer(question, input.answer);
  return db.$transaction(async (tx) => {
    const card = await tx.card.findUnique({ where: { id: question.cardId }, select: { documentId: true } });
    if (!card) throw new Conflict("The card behind this question no longer exists.", "CARD_GONE");
    const state = await tx.cardState.findUnique({ where: { userId_cardId: { userId: user.id, cardId: question.cardId } } });
    const memory = state ? parseCardMemory(state) : newCardMemory(now);
    const dueToday =
      state !== null &&
      !state.suspended &&
      memory.state !== CardState.New &&
      memory.due.getTime() < studyDayEnd(now, settings.timeZone, settings.dayStartHour).getTime();

    let log = unchangedLog(memory, correct ? 3 : 1, now, settings);
    let schedule: ScheduleEffect = "unchanged";
    if (dueToday) {
      const graded = gradeCard({ cardId: question.cardId, memory, rating: correct ? 3 : 1, now, settings });
      const { count } = await tx.cardState.updateMany({
        where: { id: state.id, version: state.version },
        data: { ...graded.memory, version: { increment: 1 } },
      });
      if (count !== 1) throw new StaleAttempt();
      log = graded.log;
      schedule = correct ? "reviewed" : "lapse";
    }
    const row = await tx.reviewLog.create({
      data: {
        ...log,
        userId: user.id,
        cardId: question.cardId,
        clientRequestId: input.clientRequestId,
        mode: "QUIZ",
        durationMs: Math.min(Math.max(0, Math.round(input.durationMs)), MAX_DURATION_MS),
        quizAttemptId: attemptId,
        quizAnswer: input.answer,
        correct,
      },
      select: { id: true },
    });
    const next: StoredQuiz = {
      ...stored,
      questions: stored.questions.map((q, i) =>
        i === input.questionIndex ? { ...q, response: { given: input.answer, correct, answeredAt: now.toISOString(), reviewLogId: row.id } } : q,
      ),
    };
    const correctCount = next.questions.filter((q) => q.response?.correct).length;
    // Compare-and-set on the stored questions: two answers racing for one attempt apply one after the other.
    const { count } = await tx.quizAttempt.updateMany({
      where: { id: attemptId, userId: user.id, status: "ACTIVE", questions: storedText },
      data: { questions: JSON.stringify(next), correctCount },
    });
    if (count !== 1) throw new StaleAttempt();
    return resultFor(next, input.questionIndex, schedule, false);
  });
}
