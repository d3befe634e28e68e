import { describe, expect, it } from "vitest";
import { MAX_EDIT_SEARCH_CHARS, cardSearchText, containsPattern, editSearchText, queryWords } from "./search-text";

describe("card search text", () => {
  it("keeps each word of a card once, lower-cased and without accents or surrounding punctuation", () => {
    const text = cardSearchText(["The [...] pumps blood (to the lungs).", "Right ventricle", null, "The right ventricle pumps blood to the lungs; Émile agrees, 90% of the time."]);
    expect(text).toBe("the pumps blood to lungs right ventricle emile agrees 90% of time");
  });

  it("keeps a user's own version to its first 500 characters, ending on a whole word", () => {
    const words = Array.from({ length: 200 }, (_, i) => `word${i}`);
    const text = editSearchText({ prompt: words.join(" "), answer: "a", source: "" });
    expect(text.length).toBeLessThanOrEqual(MAX_EDIT_SEARCH_CHARS);
    expect(words).toContain(text.split(" ").at(-1));
    expect(editSearchText({ prompt: "Short [...]", answer: "edit", options: ["edit", "note"], source: "Short edit." })).toBe("short edit note");
  });

  it("cuts a query into the same words, so accents, case and punctuation do not matter", () => {
    expect(queryWords("  Émile,  VENTRICLE ventricle ")).toEqual(["emile", "ventricle"]);
    expect(queryWords("90%")).toEqual(["90%"]);
    expect(queryWords("  ... ")).toEqual([]);
  });

  it("makes a LIKE pattern in which % and _ are plain characters", () => {
    expect(containsPattern("heart")).toBe("%heart%");
    expect(containsPattern("50%_a\\b")).toBe("%50\\%\\_a\\\\b%");
  });
});
