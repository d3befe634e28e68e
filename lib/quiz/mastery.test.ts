import { describe, expect, it } from "vitest";
import { CardState } from "../scheduler/memory";
import { masteryLabel, RECENT_QUIZZES, topicMastery, type MasteryCard } from "./mastery";

const at = (day: number) => new Date(Date.UTC(2026, 0, day));
const review = (recall: number, intervalDays = 3): MasteryCard => ({ state: CardState.Review, intervalDays, recall });
const unseen: MasteryCard = { state: null, intervalDays: 0, recall: null };

describe("topicMastery", () => {
  it("takes the best of the recent quizzes and the mean recall of cards in review", () => {
    const mastery = topicMastery({
      finished: [{ score: 0.6, finishedAt: at(1) }, { score: 0.8, finishedAt: at(2) }],
      cards: [review(0.9), unseen, review(0.54), unseen],
    });
    expect(mastery.bestRecentScore).toBe(0.8);
    expect(mastery.meanRecall).toBeCloseTo(0.72);
    expect(mastery.studiedCards).toBe(2);
    expect(masteryLabel(mastery)).toBe("Best 80% · recall 72%");
  });

  it("shows cards just answered (learning, relearning, under a day) as learning, never as 100% recall", () => {
    // Right after 28 presses of Again: every card is in learning or relearning, recall near 1.
    const justFailed: MasteryCard[] = [
      ...Array.from({ length: 5 }, () => ({ state: CardState.Learning, intervalDays: 0, recall: 0.99 })),
      { state: CardState.Relearning, intervalDays: 0, recall: 0.98 },
      { state: CardState.Review, intervalDays: 0, recall: 1 },
    ];
    const mastery = topicMastery({ finished: [], cards: justFailed });
    expect(mastery).toMatchObject({ meanRecall: null, studiedCards: 0, learningCards: 7 });
    expect(masteryLabel(mastery)).toBe("No quiz yet · learning");
    const mixed = topicMastery({ finished: [], cards: [...justFailed.slice(0, 2), review(0.8, 1)] });
    expect(mixed.meanRecall).toBeCloseTo(0.8);
    expect(masteryLabel(mixed)).toBe("No quiz yet · recall 80% · 2 learning");
  });

  it("lets an old high score fade once newer quizzes come in", () => {
    const finished = [{ score: 1, finishedAt: at(1) }, ...Array.from({ length: RECENT_QUIZZES }, (_, i) => ({ score: 0.4, finishedAt: at(10 + i) }))];
    expect(topicMastery({ finished, cards: [] }).bestRecentScore).toBe(0.4);
  });

  it("says so when there is nothing to show yet", () => {
    const mastery = topicMastery({ finished: [], cards: [unseen, { state: CardState.New, intervalDays: 0, recall: null }] });
    expect(mastery).toMatchObject({ bestRecentScore: null, meanRecall: null, learningCards: 0 });
    expect(masteryLabel(mastery)).toBe("No quiz yet · not reviewed yet");
  });
});
