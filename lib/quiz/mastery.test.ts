import { describe, expect, it } from "vitest";
import { masteryLabel, RECENT_QUIZZES, topicMastery } from "./mastery";

const at = (day: number) => new Date(Date.UTC(2026, 0, day));

describe("topicMastery", () => {
  it("takes the best of the recent quizzes and the mean recall of studied cards", () => {
    const mastery = topicMastery({
      finished: [{ score: 0.6, finishedAt: at(1) }, { score: 0.8, finishedAt: at(2) }],
      recalls: [0.9, null, 0.54, null],
    });
    expect(mastery.bestRecentScore).toBe(0.8);
    expect(mastery.meanRecall).toBeCloseTo(0.72);
    expect(mastery.studiedCards).toBe(2);
    expect(masteryLabel(mastery)).toBe("Best 80% · recall 72%");
  });

  it("lets an old high score fade once newer quizzes come in", () => {
    const finished = [{ score: 1, finishedAt: at(1) }, ...Array.from({ length: RECENT_QUIZZES }, (_, i) => ({ score: 0.4, finishedAt: at(10 + i) }))];
    expect(topicMastery({ finished, recalls: [] }).bestRecentScore).toBe(0.4);
  });

  it("says so when there is nothing to show yet", () => {
    const mastery = topicMastery({ finished: [], recalls: [null, null] });
    expect(mastery).toMatchObject({ bestRecentScore: null, meanRecall: null });
    expect(masteryLabel(mastery)).toBe("No quiz yet · not reviewed yet");
  });
});
