import { describe, expect, it } from "vitest";
import { splitSentences, tagSentence } from "./sentences";

describe("splitSentences", () => {
  it("never cuts at a file or domain name, an abbreviation, a decimal, a version or an initial", () => {
    expect(splitSentences("Node.js runs JavaScript on servers. Links go through bit.ly, e.g. for campaigns. The U.S. Senate met twice. Version 2.4.1 fixed it. Dr. J. R. Okafor spoke for 3.5 hours.")).toEqual([
      "Node.js runs JavaScript on servers.",
      "Links go through bit.ly, e.g. for campaigns.",
      "The U.S. Senate met twice.",
      "Version 2.4.1 fixed it.",
      "Dr. J. R. Okafor spoke for 3.5 hours.",
    ]);
  });

  it("cuts after a question or an exclamation, and after a closing quote", () => {
    expect(splitSentences("Why does it matter? It saves lives! She said \"stop.\" Then she left.")).toEqual([
      "Why does it matter?", "It saves lives!", "She said \"stop.\"", "Then she left.",
    ]);
  });
});

describe("tagSentence", () => {
  const texts = (sentence: string) => tagSentence(sentence).tokens.map((t) => t.text);

  it("keeps formulas with sub- and superscripts whole", () => {
    expect(texts("Plants turn 6CO₂ and 6H₂O into C₆H₁₂O₆ in the stroma.")).toEqual(expect.arrayContaining(["6CO₂", "6H₂O", "C₆H₁₂O₆"]));
    expect(texts("Einstein wrote E = mc² in a short paper.")).toContain("E = mc²");
    expect(texts("The balanced equation 6CO₂ + 6H₂O → C₆H₁₂O₆ + 6O₂ sums it up.")).toContain("6CO₂ + 6H₂O → C₆H₁₂O₆ + 6O₂");
  });

  it("keeps file names, domains and identifiers whole, and splits a possessive the same way every time", () => {
    expect(texts("Node.js and bit.ly both appear in main.rs with a u32 value.")).toEqual(expect.arrayContaining(["Node.js", "bit.ly", "main.rs", "u32"]));
    const first = texts("Compared with OpenAI's model, it is cheaper.");
    expect(first).toEqual(expect.arrayContaining(["OpenAI", "'s"]));
    expect(texts("Compared with OpenAI's model, it is cheaper.")).toEqual(first);
  });

  it("reads a plural noun that is the sentence's verb as a verb", () => {
    const tokens = tagSentence("Memory is managed through rules that the compiler checks.").tokens;
    expect(tokens.find((t) => t.text === "checks")?.pos).toBe("VERB");
  });
});
