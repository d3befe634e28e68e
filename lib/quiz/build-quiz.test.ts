import { describe, expect, it } from "vitest";
import { buildQuiz, MAX_OPTIONS } from "./build-quiz";
import { answerKind } from "./answer-kind";
import { normaliseAnswer } from "./check-answer";
import type { QuizCard } from "./types";

const cloze = (id: string, prompt: string, answer: string): QuizCard => ({ id, kind: "cloze", prompt, answer, options: null, source: prompt.replace("[...]", answer) });
const choice = (id: string, prompt: string, answer: string, options: string[]): QuizCard => ({ ...cloze(id, prompt, answer), kind: "choice", options });

const deck: QuizCard[] = [
  choice("c1", "Revenue rose by [...] after AI segmentation.", "45%", ["15%", "32%", "45%", "55%"]),
  cloze("c2", "Retention improved by [...] with personal engagement.", "32%"),
  cloze("c3", "Deep Seek R1 is [...] more affordable than Frontier.", "90-95%"),
  cloze("c4", "Development cycles fell to [...].", "8 weeks"),
  cloze("c5", "The company unveiled [...], an open reasoning model.", "Deep Seek R1"),
  cloze("c6", "[...] excels at scaling electronics production.", "China"),
  cloze("c7", "Rivals include [...] and others.", "OpenAI"),
  cloze("c8", "Their approach highlights the [...] of AI models.", "commoditization"),
  cloze("c9", "Efficiency is driven by [...] to high-end chips.", "limited access"),
  cloze("c10", "Costs fell by [...] in one year.", "20%"),
  cloze("c11", "Cycles were once [...] long.", "6 weeks"),
  cloze("c12", "The cost stayed below [...] per token.", "12%"),
];

describe("buildQuiz", () => {
  it("asks up to `count` questions, one per card, and uses what there is when there are fewer", () => {
    const quiz = buildQuiz(deck, { count: 10, seed: "a" });
    expect(quiz).toHaveLength(10);
    expect(new Set(quiz.map((q) => q.cardId)).size).toBe(10);
    expect(buildQuiz(deck.slice(0, 3), { count: 10, seed: "a" })).toHaveLength(3);
    expect(buildQuiz([], { count: 5, seed: "a" })).toEqual([]);
  });

  it("mixes multiple choice, typed answers and true/false", () => {
    const quiz = buildQuiz(deck, { count: 12, seed: "mix" });
    const types = quiz.map((q) => q.type);
    for (const type of ["choice", "typed", "truefalse"] as const) {
      expect(types.filter((t) => t === type).length).toBeGreaterThanOrEqual(3);
    }
  });

  it("shuffles per attempt: the same seed gives the same quiz, another seed another order", () => {
    const a = buildQuiz(deck, { count: 12, seed: "one" });
    expect(buildQuiz(deck, { count: 12, seed: "one" })).toEqual(a);
    const b = buildQuiz(deck, { count: 12, seed: "two" });
    expect(b.map((q) => q.cardId)).not.toEqual(a.map((q) => q.cardId));
  });

  it("offers distinct options of the answer's own kind, the answer exactly once", () => {
    for (let seed = 0; seed < 30; seed++) {
      for (const q of buildQuiz(deck, { count: 12, seed: String(seed) }).filter((q) => q.type === "choice")) {
        const options = q.options!;
        expect(options.length).toBeGreaterThanOrEqual(3);
        expect(options.length).toBeLessThanOrEqual(MAX_OPTIONS);
        expect(new Set(options.map(normaliseAnswer)).size).toBe(options.length);
        expect(options.filter((o) => normaliseAnswer(o) === normaliseAnswer(q.answer))).toHaveLength(1);
        const card = deck.find((c) => c.id === q.cardId)!;
        const kind = answerKind(card.answer, card.prompt.startsWith("[...]"));
        for (const option of options) {
          const other = answerKind(option);
          if (kind.kind === "number") expect(other).toMatchObject({ kind: "number", unit: kind.unit });
          if (kind.kind === "name") expect(other.kind).toBe("name");
        }
      }
    }
  });

  it("builds true/false statements whose answer is right: true states the fact, false swaps its number", () => {
    let seen = { true: 0, false: 0 };
    for (let seed = 0; seed < 30; seed++) {
      for (const q of buildQuiz(deck, { count: 12, seed: `tf${seed}` }).filter((q) => q.type === "truefalse")) {
        const card = deck.find((c) => c.id === q.cardId)!;
        expect(q.truth).toBe(card.prompt.replace("[...]", card.answer));
        expect(q.prompt).not.toContain("[...]");
        if (q.answer === "true") expect(q.prompt).toBe(q.truth);
        else {
          expect(q.answer).toBe("false");
          expect(q.prompt).not.toBe(q.truth);
          // Only the number differs.
          expect(q.prompt.replace(/[\d.]+/g, "#")).toBe(q.truth!.replace(/[\d.]+/g, "#"));
        }
        seen = { ...seen, [q.answer]: seen[q.answer as "true" | "false"] + 1 };
      }
    }
    expect(seen.true).toBeGreaterThan(0);
    expect(seen.false).toBeGreaterThan(0);
  });

  it("asks typed answers only of cloze cards, keeping the card's gap", () => {
    for (const q of buildQuiz(deck, { count: 12, seed: "typed" }).filter((q) => q.type === "typed")) {
      expect(deck.find((c) => c.id === q.cardId)!.kind).toBe("cloze");
      expect(q.prompt).toContain("[...]");
      expect(q.options).toBeNull();
    }
  });

  it("takes distractors from the document pool, not only the quizzed topic", () => {
    const topic = [cloze("t1", "Margins grew by [...].", "18%")];
    const quiz = buildQuiz(topic, { count: 5, seed: "pool", pool: [...topic, ...deck] });
    expect(quiz).toHaveLength(1);
    const choiceQuiz = [0, 1, 2, 3, 4, 5].map((s) => buildQuiz(topic, { count: 1, seed: `p${s}`, pool: [...topic, ...deck] })[0]).find((q) => q.type === "choice");
    expect(choiceQuiz?.options?.some((o) => ["45%", "32%", "20%", "12%"].includes(o))).toBe(true);
  });
});

describe("buildQuiz: options that do not give the answer away", () => {
  it("writes borrowed phrases with the gap's capitalisation", () => {
    const cards = [
      cloze("s1", "[...] can drive innovation.", "Constraints"),
      cloze("s2", "Efficiency comes from [...] here.", "chip usage"),
      cloze("s3", "Firms fear [...] abroad.", "global competitors"),
      cloze("s4", "[...] matters in open models.", "Transparency"),
    ];
    for (let seed = 0; seed < 20; seed++) {
      for (const q of buildQuiz(cards, { count: 4, seed: `case${seed}` }).filter((q) => q.type === "choice")) {
        const atStart = q.prompt.startsWith("[...]");
        for (const option of q.options!) expect(/^[A-Z]/.test(option)).toBe(atStart);
      }
    }
  });

  it("does not take a hyphenated word such as AI-driven for a name", () => {
    expect(answerKind("AI-driven")).toMatchObject({ kind: "phrase" });
    expect(answerKind("US-China")).toEqual({ kind: "name" });
  });
});

describe("buildQuiz: distractors of the same kind, in a new order each question", () => {
  const heart: QuizCard[] = [
    cloze("h1", "Oxygen-rich blood returns to the [...] from the lungs.", "left atrium"),
    cloze("h2", "Oxygen-poor blood from the body flows into the [...].", "right atrium"),
    cloze("h3", "Blood leaves the left ventricle through the [...].", "aortic valve"),
    cloze("h4", "The right ventricle pumps blood into the [...].", "pulmonary artery"),
    cloze("h5", "The force of blood on artery walls is called [...].", "blood pressure"),
    cloze("h6", "A heart attack is usually caused by a [...].", "blocked artery"),
    cloze("h7", "Doctors measure [...] with a cuff.", "systolic readings"),
  ];

  it("offers places for a place blood returns to, never a measurement", () => {
    let asked = 0;
    for (const seed of ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]) {
      const question = buildQuiz(heart, { count: 7, seed }).find((q) => q.cardId === "h1" && q.type === "choice");
      if (!question) continue;
      asked++;
      expect(question.options).not.toContain("blood pressure");
      expect(question.options).not.toContain("systolic readings");
      expect(question.options).toContain("left atrium");
    }
    expect(asked).toBeGreaterThan(0);
  });

  it("does not keep a card's ordered options in order, nor the answer always last", () => {
    const years = choice("y", "The vaccine was first tested in [...].", "1903", ["1897", "1899", "1901", "1903"]);
    const lastPositions = new Set<number>();
    const orders = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const [question] = buildQuiz([years], { count: 1, seed: `seed-${i}` });
      if (question.type !== "choice") continue;
      orders.add(question.options!.join("|"));
      lastPositions.add(question.options!.indexOf("1903"));
    }
    expect(orders.size).toBeGreaterThan(1);
    expect(lastPositions.size).toBeGreaterThan(1);
  });
});
