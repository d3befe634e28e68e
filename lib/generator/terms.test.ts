import { describe, expect, it } from "vitest";
import { tagSentences } from "./sentences";
import { collectTerms } from "./terms";

const index = (text: string) => collectTerms(tagSentences(text));

describe("collectTerms", () => {
  it("merges aliases written with and without a space", () => {
    const terms = index("DeepSeek released a model. Later, Deep Seek released another. Deep Seek's team is small.");
    expect(terms.terms.get("deepseek")?.count).toBe(3);
  });

  it("guesses the kind of a term from the document", () => {
    const terms = index(
      "Acme, a Chinese AI startup, built Acme R1. Acme R1 competes with models like ChatGPT. " +
        "China and the US compete. OpenAI sells ChatGPT in the US. Acme R1 runs in China.",
    );
    expect(terms.terms.get("acme")?.kind).toBe("company");
    expect(terms.terms.get("acmer1")?.kind).toBe("model");
    expect(terms.terms.get("r1")?.kind).toBe("model");
    expect(terms.terms.get("china")?.kind).toBe("place");
    expect(terms.terms.get("openai")?.kind).toBe("company");
    expect(terms.terms.get("chatgpt")?.kind).toBe("model");
  });

  it("does not take sentence-initial common words or generic acronyms as names", () => {
    const terms = index("Constraints drive innovation. The AI market grows. Their approach works.");
    expect([...terms.terms.keys()]).toEqual([]);
  });
});
