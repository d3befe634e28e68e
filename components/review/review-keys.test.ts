import { describe, expect, it } from "vitest";
import { reviewKeyAction } from "./review-keys";

const hidden = { hasCard: true, revealed: false, optionCount: 0 };
const shown = { ...hidden, revealed: true };
const choice = { hasCard: true, revealed: false, optionCount: 4 };

describe("review keys", () => {
  it("Space and Enter show the answer, then grade it with the suggested rating", () => {
    for (const key of [" ", "Enter"]) {
      expect(reviewKeyAction(key, hidden)).toEqual({ type: "reveal", option: null });
      expect(reviewKeyAction(key, shown)).toEqual({ type: "grade", rating: "suggested" });
    }
  });

  it("1-4 grade a shown card; on a hidden choice card the digits pick an option", () => {
    expect(reviewKeyAction("1", shown)).toEqual({ type: "grade", rating: 1 });
    expect(reviewKeyAction("4", shown)).toEqual({ type: "grade", rating: 4 });
    expect(reviewKeyAction("5", shown)).toBeNull();
    expect(reviewKeyAction("3", choice)).toEqual({ type: "reveal", option: 2 });
    expect(reviewKeyAction("5", choice)).toBeNull();
    expect(reviewKeyAction("2", hidden)).toBeNull();
  });

  it("z undoes even when the session is over; e edits the card on screen", () => {
    expect(reviewKeyAction("z", { hasCard: false, revealed: false, optionCount: 0 })).toEqual({ type: "undo" });
    expect(reviewKeyAction("Z", shown)).toEqual({ type: "undo" });
    expect(reviewKeyAction("e", hidden)).toEqual({ type: "edit" });
    expect(reviewKeyAction("e", { hasCard: false, revealed: false, optionCount: 0 })).toBeNull();
    expect(reviewKeyAction("x", shown)).toBeNull();
  });
});
