import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../lib/db/runtime/client";
import { gradeReview } from "../../lib/db/review/grade";
import { answerQuizQuestion } from "../../lib/db/quiz/answer";
import { discardQuiz, finishQuiz, loadQuiz, startQuiz } from "../../lib/db/quiz/attempts";
import { parseStoredQuiz } from "../../lib/quiz";
import { documentQuizOverview } from "../../lib/db/quiz/mastery";
import { reviewMissed } from "../../lib/db/quiz/review-missed";
import { planStudySession } from "../../lib/db/review/study-session";
import { CardState } from "../../lib/scheduler";
import { createUser, databaseWithDefaultDeck } from "./test-db";

let db: Db;
let documentId: string;
const now = new Date("2026-03-10T15:00:00Z");
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
const DAY = 24 * 60;
let counter = 0;
const requestId = () => `quiz-${Date.now()}-${counter++}`;

beforeAll(async () => {
  ({ db, documentId } = await databaseWithDefaultDeck("quiz"));
});
afterAll(async () => db.$disconnect());

/** The topic with the most cards (the seed's best section has at least 3). */
async function biggestTopic() {
  const topics = await db.topic.findMany({ where: { documentId }, include: { _count: { select: { cards: true } } } });
  return topics.sort((a, b) => b._count.cards - a._count.cards)[0];
}

async function storedQuestions(attemptId: string) {
  const row = await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
  return parseStoredQuiz(row.questions).questions;
}

/** A wrong answer for any question type. */
function wrongAnswer(question: { type: string; answer: string; options: string[] | null }) {
  if (question.type === "truefalse") return question.answer === "true" ? "false" : "true";
  if (question.type === "choice") return question.options!.find((o) => o !== question.answer)!;
  return "definitely not this";
}

describe("topic quiz", () => {
  it("starts a quiz on a topic without sending answers, and resumes it instead of starting another", async () => {
    const user = await createUser(db, "start@example.com");
    const topic = await biggestTopic();
    const count = Math.min(5, topic._count.cards);
    expect(count).toBeGreaterThanOrEqual(3);
    const { quiz, resumed } = await startQuiz(db, user.id, { documentId, topicId: topic.id, count }, now, "seed-1");
    expect(resumed).toBe(false);
    expect(quiz.questionCount).toBe(count);
    expect(quiz.status).toBe("ACTIVE");
    const cardIds = (await storedQuestions(quiz.id)).map((q) => q.cardId);
    const topicCards = await db.card.count({ where: { id: { in: cardIds }, topicId: topic.id } });
    expect(topicCards).toBe(count);
    // Nothing the browser gets reveals an answer or its source sentence.
    for (const question of quiz.questions) {
      expect(question.answered).toBeNull();
      expect(Object.keys(question).sort()).toEqual(["answered", "index", "options", "prompt", "type"]);
    }
    const again = await startQuiz(db, user.id, { documentId, topicId: topic.id, count: 10 }, later(1));
    expect(again).toMatchObject({ resumed: true, quiz: { id: quiz.id } });
  });

  it("uses what there is when a topic has fewer cards than asked, and refuses a topic with none", async () => {
    const user = await createUser(db, "fewer@example.com");
    const topics = await db.topic.findMany({ where: { documentId }, include: { _count: { select: { cards: true } } } });
    const small = topics.filter((t) => t._count.cards > 0).sort((a, b) => a._count.cards - b._count.cards)[0];
    const { quiz } = await startQuiz(db, user.id, { documentId, topicId: small.id, count: 20 }, now);
    expect(quiz.questionCount).toBe(small._count.cards);
    expect(quiz.requested).toBe(20);

    const empty = topics.find((t) => t._count.cards === 0);
    expect(empty).toBeDefined();
    await expect(startQuiz(db, user.id, { documentId, topicId: empty!.id, count: 5 }, now)).rejects.toMatchObject({ name: "Conflict", code: "NO_CARDS" });
    expect(await db.quizAttempt.count({ where: { userId: user.id, topicId: empty!.id } })).toBe(0);
  });

  it("checks answers on the server, applies a double submit once, and leaves cards that are not due alone", async () => {
    const user = await createUser(db, "answer@example.com");
    const { quiz } = await startQuiz(db, user.id, { documentId, topicId: null, count: 5 }, now, "seed-2");
    const questions = await storedQuestions(quiz.id);

    const request = { questionIndex: 0, answer: questions[0].answer, clientRequestId: requestId(), durationMs: 3000 };
    const first = await answerQuizQuestion(db, user, quiz.id, request, now);
    expect(first).toMatchObject({ correct: true, replayed: false, schedule: "unchanged", answeredCount: 1, source: questions[0].source });
    const replay = await answerQuizQuestion(db, user, quiz.id, request, later(1));
    expect(replay).toMatchObject({ correct: true, replayed: true, answeredCount: 1 });
    // A second submit from another tab (new request id, other answer) does not change the recorded answer.
    const otherTab = await answerQuizQuestion(db, user, quiz.id, { ...request, answer: wrongAnswer(questions[0]), clientRequestId: requestId() }, later(1));
    expect(otherTab).toMatchObject({ correct: true, replayed: true });

    const wrong = await answerQuizQuestion(db, user, quiz.id, { questionIndex: 1, answer: wrongAnswer(questions[1]), clientRequestId: requestId(), durationMs: 0 }, now);
    expect(wrong).toMatchObject({ correct: false, answer: questions[1].answer, schedule: "unchanged", answeredCount: 2, correctCount: 1 });

    const logs = await db.reviewLog.findMany({ where: { userId: user.id }, orderBy: { reviewedAt: "asc" } });
    expect(logs).toHaveLength(2);
    for (const log of logs) {
      expect(log).toMatchObject({ mode: "QUIZ", quizAttemptId: quiz.id, prevState: CardState.New, state: CardState.New });
      expect(log.due.getTime()).toBe(log.prevDue.getTime());
    }
    expect(logs.map((l) => l.correct)).toEqual([true, false]);
    // A never-studied card is not pulled into the schedule by a quiz.
    expect(await db.cardState.count({ where: { userId: user.id } })).toBe(0);

    // The answer the browser sees now includes the right answer for answered questions only.
    const view = await loadQuiz(db, user.id, quiz.id);
    expect(view.questions[1].answered).toMatchObject({ correct: false, answer: questions[1].answer });
    expect(view.questions[2].answered).toBeNull();
  });

  it("counts a wrong answer on a due card as a lapse and keeps the schedule of a card not yet due", async () => {
    const user = await createUser(db, "lapse@example.com");
    const topic = await biggestTopic();
    const { quiz } = await startQuiz(db, user.id, { documentId, topicId: topic.id, count: 2 }, now, "seed-3");
    const [dueQ, notDueQ] = await storedQuestions(quiz.id);
    // Learn both cards to the Review state a few days ago.
    const start = new Date(now.getTime() - 30 * DAY * 60_000);
    for (const cardId of [dueQ.cardId, notDueQ.cardId]) {
      await gradeReview(db, user, { cardId, rating: 4, clientRequestId: requestId(), durationMs: 0 }, start);
    }
    await db.cardState.updateMany({ where: { userId: user.id, cardId: dueQ.cardId }, data: { due: later(-60) } });
    await db.cardState.updateMany({ where: { userId: user.id, cardId: notDueQ.cardId }, data: { due: later(20 * DAY) } });
    const before = await db.cardState.findMany({ where: { userId: user.id }, orderBy: { cardId: "asc" } });

    const lapse = await answerQuizQuestion(db, user, quiz.id, { questionIndex: 0, answer: wrongAnswer(dueQ), clientRequestId: requestId(), durationMs: 0 }, now);
    expect(lapse).toMatchObject({ correct: false, schedule: "lapse" });
    const lapsed = await db.cardState.findFirstOrThrow({ where: { userId: user.id, cardId: dueQ.cardId } });
    expect(lapsed.state).toBe(CardState.Relearning);
    expect(lapsed.lapses).toBe(1);
    const lapseLog = await db.reviewLog.findFirstOrThrow({ where: { userId: user.id, mode: "QUIZ", cardId: dueQ.cardId } });
    expect(lapseLog).toMatchObject({ rating: 1, prevState: CardState.Review, state: CardState.Relearning, correct: false });

    const kept = await answerQuizQuestion(db, user, quiz.id, { questionIndex: 1, answer: wrongAnswer(notDueQ), clientRequestId: requestId(), durationMs: 0 }, now);
    expect(kept.schedule).toBe("unchanged");
    const untouched = await db.cardState.findFirstOrThrow({ where: { userId: user.id, cardId: notDueQ.cardId } });
    const original = before.find((s) => s.cardId === notDueQ.cardId)!;
    expect({ ...untouched, updatedAt: null }).toEqual({ ...original, updatedAt: null });
    const keptLog = await db.reviewLog.findFirstOrThrow({ where: { userId: user.id, mode: "QUIZ", cardId: notDueQ.cardId } });
    expect(keptLog.prevDue.getTime()).toBe(original.due.getTime());
    expect(keptLog.due.getTime()).toBe(original.due.getTime());
    expect(keptLog.stability).toBe(original.stability);
    expect(keptLog.retrievability).toBeGreaterThan(0);
  });

  it("leaves alone a card graded the day clocks fall back when a quiz answers it later the same study day", async () => {
    const user = await createUser(db, "dst@example.com", { timeZone: "America/New_York" });
    const topic = await biggestTopic();
    const at = (iso: string) => new Date(iso);
    const { quiz } = await startQuiz(db, user.id, { documentId, topicId: topic.id, count: 2 }, at("2025-11-01T08:00:00Z"), "seed-dst");
    const [question, nextDayQuestion] = await storedQuestions(quiz.id);
    for (const q of [question, nextDayQuestion]) {
      // A new card, Good: its first learning step; then the memory of the example.
      await gradeReview(db, user, { cardId: q.cardId, rating: 3, clientRequestId: requestId(), durationMs: 0 }, at("2025-11-01T08:20:00Z"));
      await db.cardState.updateMany({ where: { userId: user.id, cardId: q.cardId }, data: { stability: 0.3, difficulty: 5 } });
      // Good at 04:30 EDT on 1 November: one day, so study day 2 November (04:30 EST), not 03:30 EST.
      const graded = await gradeReview(db, user, { cardId: q.cardId, rating: 3, clientRequestId: requestId(), durationMs: 0 }, at("2025-11-01T08:30:00Z"));
      expect(graded).toMatchObject({ due: at("2025-11-02T09:30:00Z"), interval: "1d" });
    }
    const before = await db.cardState.findFirstOrThrow({ where: { userId: user.id, cardId: question.cardId } });
    // 03:45 EST on 2 November is still study day 1 November: quiz practice, the schedule stays.
    const practice = await answerQuizQuestion(db, user, quiz.id, { questionIndex: 0, answer: wrongAnswer(question), clientRequestId: requestId(), durationMs: 0 }, at("2025-11-02T08:45:00Z"));
    expect(practice.schedule).toBe("unchanged");
    const after = await db.cardState.findFirstOrThrow({ where: { userId: user.id, cardId: question.cardId } });
    expect({ ...after, updatedAt: null }).toEqual({ ...before, updatedAt: null });
    // 04:45 EST is study day 2 November: the card is due and the answer counts as its review.
    const review = await answerQuizQuestion(db, user, quiz.id, { questionIndex: 1, answer: wrongAnswer(nextDayQuestion), clientRequestId: requestId(), durationMs: 0 }, at("2025-11-02T09:45:00Z"));
    expect(review.schedule).toBe("lapse");
  });

  it("finishes with a score, shows it as the topic's mastery, and puts missed cards in today's review", async () => {
    const user = await createUser(db, "finish@example.com", { dailyNewLimit: 50 });
    const topic = await biggestTopic();
    const count = Math.min(5, topic._count.cards);
    const right = count - 2;
    const { quiz } = await startQuiz(db, user.id, { documentId, topicId: topic.id, count }, now, "seed-4");
    const questions = await storedQuestions(quiz.id);
    for (const [index, question] of questions.entries()) {
      const answer = index < right ? question.answer : wrongAnswer(question);
      await answerQuizQuestion(db, user, quiz.id, { questionIndex: index, answer, clientRequestId: requestId(), durationMs: 0 }, later(index));
    }
    const before = await documentQuizOverview(db, user, documentId, later(5));
    expect(before.topics.find((t) => t.topicId === topic.id)!.open).toMatchObject({ attemptId: quiz.id, answered: count, total: count });

    const done = await finishQuiz(db, user.id, quiz.id, later(6));
    expect(done).toMatchObject({ status: "FINISHED", correctCount: right });
    expect(done.score).toBeCloseTo(right / count, 6);
    expect(await finishQuiz(db, user.id, quiz.id, later(9))).toEqual(done);
    await expect(answerQuizQuestion(db, user, quiz.id, { questionIndex: 0, answer: "x", clientRequestId: requestId(), durationMs: 0 }, later(7))).resolves.toMatchObject({ replayed: true });

    const overview = await documentQuizOverview(db, user, documentId, later(7));
    expect(overview.topics[0]).toMatchObject({ topicId: null, title: "All topics" });
    const entry = overview.topics.find((t) => t.topicId === topic.id)!;
    expect(entry.mastery).toMatchObject({ quizzes: 1, meanRecall: null });
    expect(entry.mastery!.bestRecentScore).toBeCloseTo(right / count, 6);
    expect(entry.open).toBeNull();
    expect(entry.cardCount).toBe(topic._count.cards);

    // The two missed cards (never studied) get a New state due now and join today's session.
    const missed = questions.slice(right).map((q) => q.cardId);
    const result = await reviewMissed(db, user.id, quiz.id, later(8));
    expect(result.added).toBe(2);
    expect(result.cardIds.sort()).toEqual([...missed].sort());
    const states = await db.cardState.findMany({ where: { userId: user.id } });
    expect(states.map((s) => s.cardId).sort()).toEqual([...missed].sort());
    for (const state of states) expect(state).toMatchObject({ state: CardState.New, due: later(8) });
    const { session } = await planStudySession(db, user, later(8));
    const queued = session.queue.map((entry) => entry.cardId);
    for (const cardId of missed) expect(queued).toContain(cardId);
    // Running it again changes nothing more.
    expect((await reviewMissed(db, user.id, quiz.id, later(9))).added).toBe(2);
    expect(await db.cardState.count({ where: { userId: user.id } })).toBe(2);
  });

  it("moves a missed card that is scheduled later to due now", async () => {
    const user = await createUser(db, "missed-later@example.com");
    const { quiz } = await startQuiz(db, user.id, { documentId, topicId: null, count: 1 }, now, "seed-5");
    const [question] = await storedQuestions(quiz.id);
    await gradeReview(db, user, { cardId: question.cardId, rating: 4, clientRequestId: requestId(), durationMs: 0 }, later(-DAY));
    await answerQuizQuestion(db, user, quiz.id, { questionIndex: 0, answer: wrongAnswer(question), clientRequestId: requestId(), durationMs: 0 }, now);
    await finishQuiz(db, user.id, quiz.id, later(1));
    const scheduled = await db.cardState.findFirstOrThrow({ where: { userId: user.id, cardId: question.cardId } });
    expect(scheduled.due.getTime()).toBeGreaterThan(later(DAY).getTime());
    await reviewMissed(db, user.id, quiz.id, later(2));
    const due = await db.cardState.findFirstOrThrow({ where: { userId: user.id, cardId: question.cardId } });
    expect(due).toMatchObject({ due: later(2), state: scheduled.state, stability: scheduled.stability });
  });

  it("can discard an unfinished quiz, after which a new one starts", async () => {
    const user = await createUser(db, "discard@example.com");
    const { quiz } = await startQuiz(db, user.id, { documentId, topicId: null, count: 5 }, now);
    await expect(discardQuiz(db, user.id, quiz.id)).resolves.toMatchObject({ status: "DISCARDED" });
    await expect(discardQuiz(db, user.id, quiz.id)).resolves.toMatchObject({ status: "DISCARDED" });
    await expect(answerQuizQuestion(db, user, quiz.id, { questionIndex: 0, answer: "x", clientRequestId: requestId(), durationMs: 0 }, now)).rejects.toMatchObject({ name: "Conflict" });
    await expect(finishQuiz(db, user.id, quiz.id, now)).rejects.toMatchObject({ name: "Conflict" });
    const next = await startQuiz(db, user.id, { documentId, topicId: null, count: 5 }, now);
    expect(next).toMatchObject({ resumed: false });
    expect(next.quiz.id).not.toBe(quiz.id);
    const overview = await documentQuizOverview(db, user, documentId, now);
    expect(overview.topics[0].open?.attemptId).toBe(next.quiz.id);
  });

  it("answers another user's ids as not found and changes nothing", async () => {
    const owner = await createUser(db, "owner@example.com");
    const intruder = await createUser(db, "intruder@example.com");
    const { quiz } = await startQuiz(db, owner.id, { documentId, topicId: null, count: 3 }, now);
    const snapshot = await db.quizAttempt.findUniqueOrThrow({ where: { id: quiz.id } });
    const notFound = { name: "NotFound", code: "NOT_FOUND" };

    await expect(loadQuiz(db, intruder.id, quiz.id)).rejects.toMatchObject(notFound);
    await expect(answerQuizQuestion(db, intruder, quiz.id, { questionIndex: 0, answer: "x", clientRequestId: requestId(), durationMs: 0 }, now)).rejects.toMatchObject(notFound);
    await expect(finishQuiz(db, intruder.id, quiz.id, now)).rejects.toMatchObject(notFound);
    await expect(discardQuiz(db, intruder.id, quiz.id)).rejects.toMatchObject(notFound);
    await expect(reviewMissed(db, intruder.id, quiz.id, now)).rejects.toMatchObject(notFound);
    await expect(loadQuiz(db, owner.id, "forged-attempt-id")).rejects.toMatchObject(notFound);

    // A topic of another document, and another user's private document.
    const privateDoc = await db.document.create({ data: { ownerId: owner.id, title: "Private", sourceText: "x", contentHash: "private" } });
    const privateTopic = await db.topic.create({ data: { documentId: privateDoc.id, path: "1", title: "Secret", order: 0 } });
    await expect(startQuiz(db, intruder.id, { documentId, topicId: privateTopic.id, count: 5 }, now)).rejects.toMatchObject(notFound);
    await expect(startQuiz(db, intruder.id, { documentId: privateDoc.id, topicId: null, count: 5 }, now)).rejects.toMatchObject(notFound);
    await expect(documentQuizOverview(db, intruder, privateDoc.id, now)).rejects.toMatchObject(notFound);

    expect(await db.quizAttempt.findUniqueOrThrow({ where: { id: quiz.id } })).toEqual(snapshot);
    expect(await db.quizAttempt.count({ where: { userId: intruder.id } })).toBe(0);
    expect(await db.reviewLog.count({ where: { userId: intruder.id } })).toBe(0);
  });

  it("refuses a request id reused for another question", async () => {
    const user = await createUser(db, "reuse@example.com");
    const { quiz } = await startQuiz(db, user.id, { documentId, topicId: null, count: 3 }, now);
    const id = requestId();
    await answerQuizQuestion(db, user, quiz.id, { questionIndex: 0, answer: "x", clientRequestId: id, durationMs: 0 }, now);
    await expect(answerQuizQuestion(db, user, quiz.id, { questionIndex: 1, answer: "x", clientRequestId: id, durationMs: 0 }, now)).rejects.toMatchObject({
      name: "Conflict",
      code: "REQUEST_ID_REUSED",
    });
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(1);
  });

  it("applies concurrent answers to the same question once", async () => {
    const user = await createUser(db, "race@example.com");
    const { quiz } = await startQuiz(db, user.id, { documentId, topicId: null, count: 3 }, now);
    const results = await Promise.all(
      [0, 1, 2, 3].map(() => answerQuizQuestion(db, user, quiz.id, { questionIndex: 0, answer: "x", clientRequestId: requestId(), durationMs: 0 }, now)),
    );
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(1);
  });
});
