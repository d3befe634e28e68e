import { describe, expect, it } from "vitest";
import type { SessionPayload } from "./review-api";
import { afterAnswer, suggestedRating, undoLabel, withCardBack, withCurrentFirst, withEditedCard } from "./review-queue";

const card = (id: string, queue: "new" | "learning" | "review" = "review", extra: object = {}) =>
  ({ id, queue, kind: "cloze", prompt: `${id} [...]`, answer: id, options: null, ...extra }) as unknown as SessionPayload["cards"][number];

const session = (ids: string[], counts = { new: 0, learning: 0, review: ids.length }) =>
  ({ cards: ids.map((id) => card(id)), counts, backlogBeyondLimit: 0, learningLaterToday: { count: 0, nextDue: null }, dueTomorrow: 0 }) as SessionPayload;

describe("the review queue", () => {
  it("drops the answered card and counts it off its own queue", () => {
    const next = afterAnswer(session(["a", "b"], { new: 0, learning: 0, review: 5 }));
    expect(next.cards.map((c) => c.id)).toEqual(["b"]);
    expect(next.counts.review).toBe(4);
    expect(afterAnswer(session([], { new: 0, learning: 0, review: 0 })).cards).toEqual([]);
  });

  it("keeps the card on screen first when fresher data arrives, leaving out cards whose grade is on its way", () => {
    const fresh = session(["x", "a", "b", "c"]);
    expect(withCurrentFirst(fresh, "b", new Set(["x"])).cards.map((c) => c.id)).toEqual(["b", "a", "c"]);
    expect(withCurrentFirst(fresh, "gone").cards.map((c) => c.id)).toEqual(["x", "a", "b", "c"]);
    expect(withCurrentFirst(fresh, undefined)).toBe(fresh);
  });

  it("shows an edited card's new content in place", () => {
    const edited = withEditedCard(session(["a", "b"]), { id: "b", prompt: "fixed [...]" });
    expect(edited.cards.map((c) => [c.id, c.prompt])).toEqual([["a", "a [...]"], ["b", "fixed [...]"]]);
  });

  it("suggests Good for a right pick or a cloze card, Again for a wrong pick", () => {
    const choice = card("q", "review", { kind: "choice", options: ["yes", "no"], answer: "yes" });
    expect(suggestedRating(choice, 0)).toBe(3);
    expect(suggestedRating(choice, 1)).toBe(1);
    expect(suggestedRating(choice, null)).toBe(3);
    expect(suggestedRating(card("c"), 0)).toBe(3);
  });

  it("puts an undone card back at the head, counted once in its queue", () => {
    const answered = afterAnswer(session(["a", "b"], { new: 0, learning: 0, review: 5 }));
    const back = withCardBack(answered, card("a"));
    expect(back.cards.map((c) => c.id)).toEqual(["a", "b"]);
    expect(back.counts.review).toBe(5);
    // Already there (fresher server data brought it back): not counted twice.
    expect(withCardBack(back, card("a")).counts.review).toBe(5);
  });

  it("names the action undo would take back", () => {
    expect(undoLabel(undefined)).toBe("Undo");
    expect(undoLabel({ kind: "grade", reviewLogId: "l", card: card("a"), correct: true })).toBe("Undo answer");
    expect(undoLabel({ kind: "suspend", card: card("a") })).toBe("Undo suspend");
    expect(undoLabel({ kind: "edit", cardId: "a", before: { prompt: null, answer: null, options: null } })).toBe("Undo edit");
  });
});
