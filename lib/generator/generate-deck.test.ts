import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GAP, GeneratorError, extractNumericClaims, generateDeck, parseDocument, type DeckDraft } from "./index";
import { tagSentences } from "./sentences";
import { matchKey, PRONOUNS, STOPWORDS } from "./normalise";
import { answerLeaks } from "./leak";
import { findDefects } from "./defects";

const read = (path: string) => readFileSync(join(__dirname, path), "utf8");
const documents: Record<string, string> = {
  seed: read("../../content/default-deck.txt"),
  markdown: read("fixtures/grid-batteries.md"),
  lecture: read("fixtures/sleep-lecture.txt"),
  podcast: read("fixtures/coral-podcast.txt"),
};

/** Every sentence of a document with the numeric claims in it. */
function claimsOf(text: string) {
  const doc = parseDocument(text);
  const blocks = [...doc.keyPoints, doc.summary ?? "", ...doc.sections.flatMap((s) => s.blocks.map((b) => b.text))];
  return blocks.flatMap((b) => tagSentences(b)).flatMap((s) => extractNumericClaims(s.text).map((claim) => ({ sentence: s.text, claim })));
}

const numericValue = (answer: string) => (answer.match(/\d+(?:[.,]\d+)*/g) ?? []).map((n) => n.replace(/,/g, "")).join("-");

describe.each(Object.keys(documents))("generateDeck on the %s document", (name) => {
  const text = documents[name];
  const deck: DeckDraft = generateDeck(text);
  const keyPoints = parseDocument(text).keyPoints;

  it("makes cards that are well formed", () => {
    expect(deck.cards.length).toBeGreaterThan(5);
    for (const card of deck.cards) {
      expect(card.id).toMatch(/^[0-9a-f]{20}$/);
      expect(card.quality).toBeGreaterThanOrEqual(0);
      expect(card.quality).toBeLessThanOrEqual(1);
      expect(text.replace(/\s+/g, " ")).toContain(card.source);
      expect(card.prompt.split(GAP).length - 1, card.prompt).toBe(1);
      if (card.kind === "choice") {
        expect(card.options!.length).toBeGreaterThanOrEqual(3);
        expect(card.options!.length).toBeLessThanOrEqual(5);
        expect(card.options!.filter((o) => o === card.answer)).toHaveLength(1);
        expect(new Set(card.options!.map(matchKey)).size).toBe(card.options!.length);
      } else {
        expect(card.options).toBeUndefined();
      }
    }
  });

  it("never gaps a stopword or pronoun and never leaks the answer", () => {
    for (const card of deck.cards) {
      expect(STOPWORDS.has(card.answer.toLowerCase()) || PRONOUNS.has(card.answer.toLowerCase()), card.answer).toBe(false);
      if (!/\d/.test(card.answer)) expect(answerLeaks(card.answer, card.prompt), card.prompt).toBe(false);
    }
  });

  it("gives every key point at least one card", () => {
    for (const point of keyPoints) {
      const sentences = tagSentences(point).map((s) => s.text);
      expect(deck.cards.some((c) => c.topic === null && sentences.includes(c.source)), point).toBe(true);
    }
  });

  it("has no mechanical defect a program can see", () => {
    expect(findDefects(deck).map((d) => `${d.defect}: ${d.card.prompt}`)).toEqual([]);
  });

  it("asks at most one card per sentence and offers extra candidates apart from the deck", () => {
    expect(new Set(deck.cards.map((c) => c.source)).size).toBe(deck.cards.length);
    const ids = new Set(deck.cards.map((c) => c.id));
    expect(deck.candidates.every((c) => !ids.has(c.id))).toBe(true);
    expect(deck.words).toBeGreaterThan(100);
  });

  it("sorts numeric options numerically", () => {
    for (const card of deck.cards.filter((c) => c.kind === "choice" && /^[$€£]?\d/.test(c.answer))) {
      const values = card.options!.map((o) => Number(numericValue(o).split("-")[0]));
      expect([...values].sort((a, b) => a - b)).toEqual(values);
    }
  });

  it("has no duplicate facts or ids", () => {
    expect(new Set(deck.cards.map((c) => c.id)).size).toBe(deck.cards.length);
    const facts = deck.cards.map((c) => `${matchKey(c.answer)}|${c.source}`);
    expect(new Set(facts).size).toBe(facts.length);
  });

  it("is deterministic: the same text gives the same cards and ids", () => {
    expect(generateDeck(text)).toEqual(deck);
  });

  it("keeps topic paths valid and respects the per-topic cap (key points all keep a card)", () => {
    const paths = new Set(deck.topics.map((t) => t.path));
    expect(deck.cards.every((c) => c.topic === null || paths.has(c.topic))).toBe(true);
    const capped = generateDeck(text, { maxCardsPerTopic: 2 });
    const counts = new Map<string | null, number>();
    for (const c of capped.cards.filter((card) => card.topic !== null)) counts.set(c.topic, (counts.get(c.topic) ?? 0) + 1);
    expect(Math.max(0, ...counts.values())).toBeLessThanOrEqual(2);
  });
});

describe("generateDeck on the seed", () => {
  const deck = generateDeck(documents.seed);

  it("gives every numeric claim a choice card", () => {
    for (const { sentence, claim } of claimsOf(documents.seed)) {
      const value = numericValue(claim.answer);
      const hit = deck.cards.some((c) => c.kind === "choice" && numericValue(c.answer) === value);
      expect(hit, `${claim.answer} in: ${sentence}`).toBe(true);
    }
  });

  it("turns the same fact in summary, key point and section into one card", () => {
    const range = deck.cards.filter((c) => numericValue(c.answer) === "90-95");
    expect(range).toHaveLength(1);
    expect(range[0]).toMatchObject({ kind: "choice", topic: null, source: "Deep Seek R1 is 90-95% more affordable than OpenAI's Frontier LLM." });
  });

  it("keeps sections with no body as topics without cards", () => {
    expect(deck.topics.map((t) => t.path)).toContain("4.1");
    expect(deck.topics.find((t) => t.path === "4")?.title).toBe("China's Strategic Edge in AI Development");
    expect(deck.cards.some((c) => ["4", "4.1", "4.2", "5", "5.1", "5.2"].includes(c.topic ?? ""))).toBe(false);
  });

  it("asks the 'at least 50%' bound in the sentence's own words", () => {
    const card = deck.cards.find((c) => c.answer === "50%")!;
    expect(card.prompt).toMatch(/^The recent US chip ban requires that at least \[\.\.\.\] of certain technology/);
  });

  it("resolves a key point's 'Their approach' to the subject of the key point before it", () => {
    const card = deck.cards.find((c) => c.source === "Their approach highlights the commoditization of AI models.")!;
    expect(card.prompt).toMatch(/^Deep Seek’s approach highlights/);
  });

  it("takes no section numbers or model names as numeric claims", () => {
    const answers = deck.cards.filter((c) => c.kind === "choice").map((c) => c.answer);
    for (const bad of ["1", "4.1", "11", "R1", "V3", "V2"]) expect(answers.filter((a) => a === bad && /^\d/.test(bad))).toEqual([]);
    expect(deck.cards.some((c) => /^\d+(\.\d+)?$/.test(c.answer))).toBe(false);
  });

});

describe("generateDeck on named things", () => {
  it("asks named things as cloze cards, never with options that could also be true", () => {
    const deck = generateDeck(`# Launch Market

## Rockets

SpaceX flies the reusable Falcon 9 from Cape Canaveral in Florida several times a month.
Blue Origin builds the heavy New Glenn rocket in a factory beside the Kennedy Space Center.
Rocket Lab launches the small Electron rocket from a private pad on the Mahia Peninsula in New Zealand.
`);
    const named = deck.cards.filter((c) => /SpaceX|Falcon|Blue Origin|New Glenn|Kennedy|Rocket Lab|Electron|Mahia|New Zealand|Florida|Cape Canaveral/.test(c.answer));
    expect(named.length).toBeGreaterThan(0);
    for (const card of named) expect(card.kind).toBe("cloze");
  });
});

describe("generateDeck rejects unusable input with a clear error", () => {
  const code = (text: string) => {
    try {
      generateDeck(text);
    } catch (error) {
      expect(error).toBeInstanceOf(GeneratorError);
      expect((error as Error).message).not.toContain("\n");
      return (error as GeneratorError).code;
    }
    return "none";
  };

  it("EMPTY for an empty or blank document", () => {
    expect(code("")).toBe("EMPTY");
    expect(code(" \n\t\n ")).toBe("EMPTY");
  });

  it("BINARY for binary content", () => {
    expect(code("PK\u0003\u0004\u0000\u0000binary")).toBe("BINARY");
  });

  it("NO_SENTENCES when there is nothing to learn", () => {
    expect(code("Title\n\n1. Intro\n2. Outro\n")).toBe("NO_SENTENCES");
    expect(code("---\n***\n")).toBe("NO_SENTENCES");
  });

  it("says what it found and what cards need when there is nothing to ask", () => {
    expect(() => generateDeck("# Heart\n\n## Chambers\n\n## Valves\n")).toThrow(/has a title and 2 headings, but no text under them\. Cards are made from sentences/);
    expect(() => generateDeck("heart 4 chambers\nsa node pacemaker\n")).toThrow(/has a title and 3 words of text, but no complete sentence/);
  });

  it("TOO_LARGE above 5 MB", () => {
    expect(code("word ".repeat(1_100_000))).toBe("TOO_LARGE");
  });

  it("completes a document just under 5 MB", () => {
    const big = documents.seed.repeat(Math.floor((5 * 1024 * 1024 - 1000) / Buffer.byteLength(documents.seed)));
    const deck = generateDeck(big);
    expect(deck.cards.length).toBeGreaterThan(0);
  }, 60_000);
});

describe("generateDeck on ordinary notes", () => {
  it("accepts three plain sentences without a heading, titled by the first sentence", () => {
    const deck = generateDeck(
      "The heart has four chambers. The left ventricle pumps oxygenated blood into the aorta. The right atrium receives deoxygenated blood from the body through the venae cavae.\n",
    );
    expect(deck.title).toBe("The heart has four chambers");
    expect(deck.cards.length).toBeGreaterThan(0);
  });

  it("accepts terse bullet notes, titled by their first line", () => {
    const deck = generateDeck(
      "- Aorta: largest artery, carries oxygenated blood from the left ventricle\n- SA node: natural pacemaker of the heart\n- Tricuspid valve: between right atrium and right ventricle\n",
    );
    expect(deck.title).toBe("Aorta: largest artery, carries oxygenated blood from the left ventricle");
    expect(deck.cards.length).toBeGreaterThan(1);
  });

  it("cuts a long first line to ten words for the title", () => {
    const deck = generateDeck("- The pulmonary artery carries deoxygenated blood from the right ventricle to the lungs for gas exchange\n- The aorta is the largest artery in the human body.\n");
    expect(deck.title).toBe("The pulmonary artery carries deoxygenated blood from the right ventricle…");
  });

  it("takes the file name when the text has no title of its own, and the document's title when it has one", () => {
    const plain = "The heart has four chambers. The left ventricle pumps oxygenated blood into the aorta.\n";
    expect(generateDeck(plain, { fallbackTitle: "heart notes" }).title).toBe("heart notes");
    expect(generateDeck(`# Cardiology\n\n${plain}`, { fallbackTitle: "heart notes" }).title).toBe("Cardiology");
  });

  it("is titled by the first heading of any level when there is no top heading", () => {
    const deck = generateDeck("## Cardiac cycle\n\nSystole is the contraction phase of the heart.\n\n## Valves\n\nThe mitral valve separates the left atrium from the left ventricle.\n");
    expect(deck.title).toBe("Cardiac cycle");
    expect(deck.topics.map((topic) => topic.title)).toEqual(["Cardiac cycle", "Valves"]);
  });
});
