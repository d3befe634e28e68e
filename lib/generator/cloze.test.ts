import { describe, expect, it } from "vitest";
import { buildCloze } from "./cloze";
import { answerLeaks } from "./leak";
import { PRONOUNS, STOPWORDS } from "./normalise";
import { tagSentences } from "./sentences";
import { collectTerms } from "./terms";

function clozeOf(sentence: string, context = "") {
  const sentences = tagSentences(`${context} ${sentence}`.trim());
  const target = sentences[sentences.length - 1];
  const lemmas = new Map<string, number>();
  for (const s of sentences) for (const l of new Set(s.tokens.map((t) => t.lemma))) lemmas.set(l, (lemmas.get(l) ?? 0) + 1);
  return buildCloze(target, collectTerms(sentences), lemmas, sentences.length);
}

describe("buildCloze", () => {
  it("makes exactly one gap and never gaps a stopword or pronoun", () => {
    for (const s of [
      "Their approach highlights the commoditization of AI models.",
      "Protectionism can harm companies by reducing their focus on operational efficiency.",
      "It is what it is, and they know it well enough by now.",
    ]) {
      const card = clozeOf(s);
      if (!card) continue;
      expect(card.prompt.split("[...]")).toHaveLength(2);
      expect(STOPWORDS.has(card.answer.toLowerCase())).toBe(false);
      expect(PRONOUNS.has(card.answer.toLowerCase())).toBe(false);
    }
  });

  it("prefers a recurring named term to a common noun", () => {
    const card = clozeOf("Most reef surveys in the north are led by Whitlock.", "The book by Whitlock sold well. Later, Whitlock dived often.");
    expect(card?.answer).toBe("Whitlock");
  });

  it("hides a whole enumeration rather than one item of it", () => {
    const card = clozeOf("The model excels in math, coding, and reasoning tasks.");
    expect(card?.answer).toBe("math, coding, and reasoning");
    expect(card?.prompt).toBe("The model excels in [...] tasks.");
  });

  it("does not pick an answer that appears elsewhere in the prompt, also as an alias", () => {
    const card = clozeOf("Deep Seek said DeepSeek models are cheap to train.", "Deep Seek is a lab. DeepSeek ships models.");
    expect(card).not.toBeNull();
    expect(card!.answer.toLowerCase().replace(/\s/g, "")).not.toBe("deepseek");
    expect(answerLeaks(card!.answer, card!.prompt)).toBe(false);
  });

  it("returns null when nothing in the sentence is worth a gap", () => {
    expect(clozeOf("It is what it is.")).toBeNull();
  });
});
