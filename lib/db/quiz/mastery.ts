/** The document page's topic list: card counts, mastery and any unfinished quiz, per topic. */
import { ALL_TOPICS, parseStoredQuiz, topicMastery, type MasteryCard, type TopicMastery } from "../../quiz";
import { parseCardMemory, retrievabilityAt, settingsFromUser, type StudyUser } from "../../scheduler";
import type { Db } from "../runtime/client";
import { requireVisibleDocument } from "../documents/decks";

export interface TopicEntry {
  /** null: the whole document ("All topics"). */
  topicId: string | null;
  path: string | null;
  title: string;
  /** Cards a quiz may ask about (the user's suspended cards left out). */
  cardCount: number;
  mastery: TopicMastery;
  open: { attemptId: string; answered: number; total: number } | null;
}

export interface DocumentQuizOverview {
  document: { id: string; title: string; summary: string | null; builtin: boolean };
  topics: TopicEntry[];
}

export async function documentQuizOverview(db: Db, user: StudyUser, documentId: string, now: Date): Promise<DocumentQuizOverview> {
  const document = await requireVisibleDocument(db, user.id, documentId);
  const settings = settingsFromUser(user);
  const [topics, cards, states, attempts] = await Promise.all([
    db.topic.findMany({ where: { documentId: document.id }, orderBy: { order: "asc" }, select: { id: true, path: true, title: true } }),
    db.card.findMany({ where: { documentId: document.id }, select: { id: true, topicId: true } }),
    db.cardState.findMany({
      where: { userId: user.id, documentId: document.id },
      select: { cardId: true, suspended: true, due: true, stability: true, difficulty: true, elapsedDays: true, scheduledDays: true,
        learningSteps: true, reps: true, lapses: true, state: true, lastReview: true },
    }),
    db.quizAttempt.findMany({
      where: { userId: user.id, documentId: document.id, status: { in: ["ACTIVE", "FINISHED"] } },
      orderBy: { startedAt: "desc" },
      select: { id: true, topicId: true, status: true, score: true, finishedAt: true, questions: true },
    }),
  ]);
  const stateById = new Map(states.map((s) => [s.cardId, s]));
  const masteryCard = (cardId: string): MasteryCard => {
    const state = stateById.get(cardId);
    if (!state) return { state: null, intervalDays: 0, recall: null };
    const memory = parseCardMemory(state);
    return { state: memory.state, intervalDays: memory.scheduledDays, recall: retrievabilityAt(memory, now, settings) };
  };

  const entry = (topicId: string | null, path: string | null, title: string): TopicEntry => {
    const topicCards = cards.filter((c) => (topicId === null || c.topicId === topicId) && !stateById.get(c.id)?.suspended);
    const mine = attempts.filter((a) => a.topicId === topicId);
    const finished = mine.flatMap((a) => (a.status === "FINISHED" && a.score !== null && a.finishedAt ? [{ score: a.score, finishedAt: a.finishedAt }] : []));
    const active = mine.find((a) => a.status === "ACTIVE");
    const questions = active ? parseStoredQuiz(active.questions).questions : [];
    return {
      topicId,
      path,
      title,
      cardCount: topicCards.length,
      mastery: topicMastery({ finished, cards: topicCards.map((c) => masteryCard(c.id)) }),
      open: active ? { attemptId: active.id, answered: questions.filter((q) => q.response).length, total: questions.length } : null,
    };
  };

  return {
    document: { id: document.id, title: document.title, summary: document.summary, builtin: document.builtinKey !== null },
    topics: [entry(null, null, ALL_TOPICS), ...topics.map((t) => entry(t.id, t.path, t.title))],
  };
}
