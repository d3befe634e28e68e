import { describe, expect, it } from "vitest";
import { answerLeaks } from "./leak";

describe("answerLeaks", () => {
  it("catches the answer elsewhere in the prompt, also under an alias", () => {
    expect(answerLeaks("Deep Seek", "[...] builds on DeepSeek's earlier model.")).toBe(true);
    expect(answerLeaks("DeepSeek", "[...] is a startup; Deep Seek R1 is its model.")).toBe(true);
    expect(answerLeaks("China", "[...] leads, and China's labs follow.")).toBe(true);
  });

  it("catches a word stem of the answer", () => {
    expect(answerLeaks("commoditization", "The [...] of models reflects commoditized markets.")).toBe(true);
  });

  it("does not confuse the acronym US with the pronoun us", () => {
    expect(answerLeaks("US", "Let us see how [...] firms compete.")).toBe(false);
  });

  it("passes a prompt that does not reveal the answer", () => {
    expect(answerLeaks("high-end chips", "Efficiency is driven by limited access to [...].")).toBe(false);
  });
});
