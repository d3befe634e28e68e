import { describe, expect, it } from "vitest";
import { clozeCard, clozeFilled, clozeNumbers, toClozeText } from "./cloze";

describe("Anki cloze deletions", () => {
  const text = "{{c1::Paris}} is the capital of {{c2::France::a country}}, on the {{c1::Seine}}.";

  it("makes one card per cloze number, hiding that number's deletions and showing the others", () => {
    expect(clozeNumbers(text)).toEqual([1, 2]);
    expect(clozeCard(text, 1)).toEqual({ number: 1, prompt: "[...] is the capital of France, on the […].", answer: "Paris … Seine" });
    expect(clozeCard(text, 2)).toEqual({ number: 2, prompt: "Paris is the capital of [...] (a country), on the Seine.", answer: "France" });
    expect(clozeCard(text, 3)).toBeNull();
    expect(clozeFilled(text)).toBe("Paris is the capital of France, on the Seine.");
  });

  it("reads nested deletions", () => {
    const nested = "{{c1::The {{c2::mitochondrion}} makes ATP}} in cells.";
    expect(clozeCard(nested, 1)?.answer).toBe("The mitochondrion makes ATP");
    expect(clozeCard(nested, 2)?.prompt).toBe("The [...] makes ATP in cells.");
  });

  it("writes a Keypoint gap back as c1 and reads it again the same", () => {
    const anki = toClozeText("Water boils at [...] at sea level.", "100 °C");
    expect(anki).toBe("Water boils at {{c1::100 °C}} at sea level.");
    expect(clozeCard(anki, 1)).toMatchObject({ prompt: "Water boils at [...] at sea level.", answer: "100 °C" });
  });
});
