// A user's own FSRS parameters reach every place that grades or predicts recall: the
// review queue's order and interval labels, grading (memory-model.test.ts), quiz answers that
// count as reviews, the stats page's recall histogram, and topic mastery. Two learners with
// the same history, one with the defaults and one with parameters of their own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerLabels } from "../../components/review/answer-labels";
import { openBulkWriter } from "../../bench/bulk-writer";
import { LEARNER_PARAMETERS, loadLearner } from "../../bench/synthetic-learner";
import { freshDatabase } from "../../lib/db/ops/fresh-database";
import { answerQuizQuestion } from "../../lib/db/quiz/answer";
import { startQuiz } from "../../lib/db/quiz/attempts";
import { documentQuizOverview } from "../../lib/db/quiz/mastery";
import { loadStudySession } from "../../lib/db/review/study-session";
import { createDb, type Db } from "../../lib/db/runtime/client";
import { loadStatsAggregates } from "../../lib/db/stats/aggregates";
import { parseStoredQuiz } from "../../lib/quiz";
import { gradeCard, parseCardMemory, previewIntervals, retrievabilityAt, settingsFromUser, type StudyUser } from "../../lib/scheduler";

const DAY = 86_400_000;
const historyEnd = new Date("2026-04-01T12:00:00Z");
const at = new Date(historyEnd.getTime() + 12 * DAY);
let db: Db;
let plain: StudyUser & { documentId: string };
let own: StudyUser & { documentId: string };

beforeAll(async () => {
  const target = await freshDatabase(process.env.DATABASE_URL, "user_parameters");
  db = createDb(target);
  const writer = await openBulkWriter(target);
  const spec = { cards: 120, days: 90, newPerDay: 4, seed: 21, now: historyEnd, passwordHash: "unused" };
  const a = await loadLearner(writer, { ...spec, tag: "pa", email: "plain@example.com" });
  const b = await loadLearner(writer, { ...spec, tag: "pb", email: "own@example.com" });
  await writer.close();
  await db.user.update({ where: { id: b.id }, data: { fsrsParams: JSON.stringify(LEARNER_PARAMETERS), dailyReviewLimit: 9999 } });
  await db.user.update({ where: { id: a.id }, data: { dailyReviewLimit: 9999 } });
  const load = async (id: string) => ({ ...(await db.user.findUniqueOrThrow({ where: { id } })), documentId: (await db.document.findFirstOrThrow({ where: { ownerId: id } })).id });
  plain = await load(a.id);
  own = await load(b.id);
}, 120_000);
afterAll(async () => db?.$disconnect());

const twin = (cardId: string) => cardId.replace(/^pb/, "pa");

describe("a user's own parameters", () => {
  it("set the interval labels of the review screen and order the due reviews by their recall", async () => {
    const session = await loadStudySession(db, own, at);
    const reviews = session.cards.filter((card) => card.queue === "review");
    expect(reviews.length).toBeGreaterThan(3);
    const ownSettings = settingsFromUser(own);
    const defaults = settingsFromUser(plain);
    let differs = 0;
    for (const card of reviews) {
      const memory = parseCardMemory(await db.cardState.findFirstOrThrow({ where: { userId: own.id, cardId: card.id } }));
      // the session carries the memory and the user's settings; the review screen labels the buttons from them
      expect(card.memory).toEqual(memory);
      expect(session.scheduler.fsrsParams).toEqual(ownSettings.fsrsParams);
      const labels = answerLabels(card.id, card.memory, session.scheduler, at);
      expect(labels[3]).toBe(previewIntervals({ cardId: card.id, memory, now: at, settings: ownSettings })[3].label);
      if (previewIntervals({ cardId: card.id, memory, now: at, settings: defaults })[3].label !== labels[3]) differs++;
    }
    expect(differs).toBeGreaterThan(0);
    const recalls = await Promise.all(
      reviews.map(async (card) => retrievabilityAt(parseCardMemory(await db.cardState.findFirstOrThrow({ where: { userId: own.id, cardId: card.id } })), at, ownSettings)!),
    );
    expect(recalls).toEqual([...recalls].sort((x, y) => x - y));
    const plainSession = await loadStudySession(db, plain, at);
    expect(plainSession.cards.filter((card) => card.queue === "review").map((card) => card.id)).toEqual(reviews.map((card) => twin(card.id)));
  });

  it("grade a quiz answer that counts as the day's review", async () => {
    const { quiz } = await startQuiz(db, own.id, { documentId: own.documentId, topicId: null, count: 50 }, at, "seed-1");
    const states = await db.cardState.findMany({ where: { userId: own.id, due: { lt: new Date(at.getTime() + DAY / 2) }, state: 2 } });
    const dueIds = new Set(states.map((s) => s.cardId));
    const { questions } = parseStoredQuiz((await db.quizAttempt.findUniqueOrThrow({ where: { id: quiz.id } })).questions);
    const index = questions.findIndex((q) => dueIds.has(q.cardId));
    expect(index).toBeGreaterThanOrEqual(0);
    const state = states.find((s) => s.cardId === questions[index].cardId)!;
    const result = await answerQuizQuestion(db, own, quiz.id, { questionIndex: index, answer: "", clientRequestId: "quiz-own-params-1", durationMs: 500 }, at);
    expect(result.schedule).toBe("lapse");
    const log = await db.reviewLog.findFirstOrThrow({ where: { userId: own.id, clientRequestId: "quiz-own-params-1" } });
    const memory = parseCardMemory(state);
    const expected = gradeCard({ cardId: state.cardId, memory, rating: 1, now: at, settings: settingsFromUser(own) });
    const withDefaults = gradeCard({ cardId: state.cardId, memory, rating: 1, now: at, settings: settingsFromUser(plain) });
    expect(log.stability).toBeCloseTo(expected.memory.stability, 6);
    expect(log.retrievability!).toBeCloseTo(expected.log.retrievability!, 6);
    expect(log.retrievability!).not.toBeCloseTo(withDefaults.log.retrievability!, 3);
  });

  it("draw the stats page's recall histogram and the topics' mastery", async () => {
    const [mine, theirs] = await Promise.all([loadStatsAggregates(db, own, at, { range: "all" }), loadStatsAggregates(db, plain, at, { range: "all" })]);
    const recallBins = (rows: { recallBin: number; count: number }[]) =>
      rows.reduce<Record<number, number>>((bins, row) => ({ ...bins, [row.recallBin]: (bins[row.recallBin] ?? 0) + row.count }), {});
    expect(recallBins(mine.memory)).not.toEqual(recallBins(theirs.memory));
    const [masteryMine, masteryTheirs] = await Promise.all([documentQuizOverview(db, own, own.documentId, at), documentQuizOverview(db, plain, plain.documentId, at)]);
    const all = (overview: typeof masteryMine) => overview.topics[0].mastery.meanRecall!;
    expect(all(masteryMine)).not.toBeCloseTo(all(masteryTheirs), 3);
  });
});
