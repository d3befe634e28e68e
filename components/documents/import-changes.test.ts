import { describe, expect, it } from "vitest";
import { changesNothing, describeChanges, previewChanges } from "./import-changes";

describe("what saving the import preview changes in an existing deck", () => {
  const match = { cardIds: ["a", "b", "c"] };

  it("counts ticked new cards and written ones as added, ticked known ones as unchanged, unticked known ones as suspended", () => {
    expect(previewChanges(match, new Set(["a", "b", "x", "y"]), 1)).toEqual({ added: 3, unchanged: 2, suspended: 1 });
  });

  it("changes nothing when the same cards are ticked and none is changed or written", () => {
    const same = previewChanges(match, new Set(["a", "b", "c"]), 0);
    expect(changesNothing(same, 0)).toBe(true);
    expect(changesNothing(same, 1)).toBe(false);
    expect(changesNothing(previewChanges(match, new Set(["a", "b"]), 0), 0)).toBe(false);
  });

  it("says the changes in words, before and after saving", () => {
    expect(describeChanges({ added: 1, unchanged: 20, suspended: 2 }, "will")).toBe("1 new card, 20 unchanged (their history kept), 2 no longer in the text (to be suspended)");
    expect(describeChanges({ added: 3, unchanged: 0, suspended: 0, edited: 2 }, "did")).toBe("3 new cards, 0 unchanged (their history kept), 2 cards in your wording");
  });
});
