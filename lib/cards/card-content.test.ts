import { describe, expect, it } from "vitest";
import { cardContentProblem, handWrittenSource } from "./card-content";

const cloze = { kind: "cloze" as const, prompt: "The heart has [...] chambers.", answer: "four", options: null };
const choice = { kind: "choice" as const, prompt: "Which chamber pumps blood to the body?", answer: "Left ventricle", options: ["Left ventricle", "Right atrium", "Left atrium"] };

describe("a card's content", () => {
  it("accepts a cloze with one gap and a question whose answer is one of its options", () => {
    expect(cardContentProblem(cloze)).toBeNull();
    expect(cardContentProblem(choice)).toBeNull();
  });

  it("refuses a cloze without its gap or with two", () => {
    expect(cardContentProblem({ ...cloze, prompt: "The heart has four chambers." })).toMatch(/exactly one gap/);
    expect(cardContentProblem({ ...cloze, prompt: "[...] has [...] chambers." })).toMatch(/exactly one gap/);
    expect(cardContentProblem({ ...cloze, prompt: " [...] " })).toMatch(/text around the answer/);
  });

  it("refuses options that repeat or leave the answer out", () => {
    expect(cardContentProblem({ ...choice, options: ["Left ventricle"] })).toMatch(/at least 2/);
    expect(cardContentProblem({ ...choice, options: ["Left ventricle", "left ventricle ", "Aorta"] })).toMatch(/all be different/);
    expect(cardContentProblem({ ...choice, answer: "Aorta" })).toMatch(/one of the options/);
  });

  it("refuses a prompt that gives its answer away, as the generator does", () => {
    expect(cardContentProblem({ ...cloze, prompt: "Four chambers: the heart has [...] chambers.", answer: "four" })).toMatch(/gives the answer away/);
  });

  it("writes a hand-made card's source from its text", () => {
    expect(handWrittenSource(cloze)).toBe("The heart has four chambers.");
    expect(handWrittenSource(choice)).toBe("Which chamber pumps blood to the body? Left ventricle");
  });
});
