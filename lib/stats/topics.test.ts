import { describe, expect, it } from "vitest";
import { topicMastery, topicRecallLabel } from "./topics";
import type { TopicRow } from "./types";

const topic = (id: string, meanRecall: number | null, bestQuizScore: number | null, studied = meanRecall === null ? 0 : 3, learning = 0): TopicRow => ({
  topicId: id, documentId: "doc 1", title: `Topic ${id}`, path: id, documentTitle: "Doc", cardCount: 5, studied, learning, meanRecall, bestQuizScore,
});

describe("topicMastery", () => {
  it("lists topics weakest first, quizzed-only by quiz score, not started last, each linking to the document's topics", () => {
    const result = topicMastery([topic("1", 0.95, 1), topic("2", null, null), topic("3", 0.7, 0.5), topic("4", null, 0.8), topic("5", 0.7, 0.4)]);
    expect(result.map((t) => t.topicId)).toEqual(["5", "3", "4", "1", "2"]);
    expect(result[0].href).toBe("/documents/doc%201#topics");
    expect(result.at(-1)!.started).toBe(false);
  });

  it("keeps the weakest few", () => {
    const many = Array.from({ length: 20 }, (_, i) => topic(String(i), i / 20, null));
    expect(topicMastery(many, 5).map((t) => t.topicId)).toEqual(["0", "1", "2", "3", "4"]);
  });

  it("shows a topic whose cards are all in learning as learning, ranked as not known yet rather than as 100%", () => {
    const justFailed = topic("L", null, null, 0, 5);
    const result = topicMastery([topic("1", 0.95, null), justFailed, topic("2", null, null)]);
    expect(result.map((t) => t.topicId)).toEqual(["L", "1", "2"]);
    expect(result[0].started).toBe(true);
    expect(topicRecallLabel(justFailed)).toBe("learning");
    expect(topicRecallLabel(topic("M", 0.8, null, 2, 3))).toBe("recall 80% · 3 learning");
    expect(topicRecallLabel(topic("N", null, null))).toBe("not started");
  });
});
