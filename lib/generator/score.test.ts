import { describe, expect, it } from "vitest";
import { capPerTopic, dedupe, scoreCard } from "./score";

describe("scoreCard", () => {
  it("ranks a key point above a vague summary sentence", () => {
    const keyPoint = scoreCard({ origin: "keyPoint", spanKind: "phrase", spanScore: 0.7, source: "Constraints can drive innovation at small labs." });
    const vague = scoreCard({ origin: "summary", spanKind: "phrase", spanScore: 0.7, source: "This has led to a focus on efficiency in this area." });
    expect(keyPoint).toBeGreaterThan(vague);
    expect(keyPoint).toBeLessThanOrEqual(1);
  });
});

describe("dedupe", () => {
  const card = (factKey: string, source: string, quality: number, position: number) =>
    ({ factKey, answer: "90-95%", source, quality, position, topic: null });

  it("keeps one card when the same figure is said about the same thing", () => {
    const kept = dedupe([
      card("range:90:95", "R1 is 90-95% more affordable than OpenAI's Frontier LLM.", 0.9, 0),
      card("range:90:95", "V3 achieves 90 to 95% cost savings compared to OpenAI's Frontier reasoning LLM.", 0.8, 1),
    ]);
    expect(kept.map((k) => k.position)).toEqual([0]);
  });

  it("keeps both when the same figure is about different things", () => {
    const kept = dedupe([
      card("num:50", "Half of the reef was lost to heat.", 0.9, 0),
      card("num:50", "Battery prices fell sharply in Texas.", 0.8, 1),
    ]);
    expect(kept).toHaveLength(2);
  });

  it("capPerTopic keeps the best cards in document order", () => {
    const cards = [card("a", "x one", 0.5, 0), card("b", "y two", 0.9, 1), card("c", "z three", 0.7, 2)];
    expect(capPerTopic(cards, 2).map((c) => c.position)).toEqual([1, 2]);
  });
});
